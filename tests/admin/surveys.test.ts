// The surveys' panel plumbing, without a browser: what the survey form sends (questions in the
// editor's order, choices only for choice questions, only what changed on an update, so an
// answered survey's questions are not sent back), the follow-ups list's arguments, and which
// permission each survey screen opens with.
import { describe, expect, it } from "vitest";
import { buildQuery } from "../../admin/src/dataProvider/buildQuery.js";
import {
  surveyCreateInput,
  surveyUpdateInput,
} from "../../admin/src/dataProvider/resources/surveys.js";
import { canAccess, screenAction, screenResource } from "../../admin/src/providers/canAccess.js";

const build = buildQuery();

const answered = {
  id: "U3VydmV5OjE=",
  version: 3,
  titleAr: "رضا الأعضاء",
  titleEn: "Satisfaction",
  introAr: "",
  introEn: "",
  kind: "CSAT",
  anonymous: true,
  active: true,
  activeFrom: null,
  activeUntil: null,
  requestTypes: ["INQUIRY", "COMPLAINT"],
  inviteDelayHours: 0,
  invitationValidDays: 14,
  minimumGroupSize: 5,
  responseCount: 40,
  // As read: numbered, with Apollo's __typename on nested objects.
  questions: [
    {
      __typename: "SurveyQuestion",
      position: 1,
      type: "RATING",
      textAr: "رضاك",
      textEn: "You",
      required: true,
      choices: [],
    },
    {
      __typename: "SurveyQuestion",
      position: 2,
      type: "SINGLE_CHOICE",
      textAr: "كيف",
      textEn: "How",
      required: false,
      choices: [{ __typename: "SurveyChoice", value: "PHONE", labelAr: "هاتف", labelEn: "Phone" }],
    },
  ],
};

describe("survey form inputs", () => {
  it("creates with the questions in the editor's order, choices only where they belong", () => {
    const input = surveyCreateInput({
      kind: "NPS",
      titleAr: "  دورة  ",
      titleEn: "Round",
      anonymous: true,
      minimumGroupSize: "7",
      inviteDelayHours: "",
      activeFrom: "2026-12-01T06:00:00.000Z",
      requestTypes: ["INQUIRY"],
      questions: [
        {
          type: "NPS",
          textAr: " توصي؟ ",
          textEn: "Recommend?",
          required: true,
          choices: [{ labelAr: "x" }],
        },
        {
          type: "MULTIPLE_CHOICE",
          textAr: "ما أعجبك",
          textEn: "Liked",
          required: false,
          choices: [
            { labelAr: "السرعة", labelEn: "Speed", value: "" },
            { labelAr: "اللباقة", labelEn: "Courtesy", value: "COURTESY" },
          ],
        },
      ],
    });
    expect(input).toEqual({
      kind: "NPS",
      titleAr: "دورة",
      titleEn: "Round",
      anonymous: true,
      minimumGroupSize: 7,
      activeFrom: "2026-12-01T06:00:00.000Z",
      requestTypes: ["INQUIRY"],
      questions: [
        { type: "NPS", textAr: "توصي؟", textEn: "Recommend?", required: true },
        {
          type: "MULTIPLE_CHOICE",
          textAr: "ما أعجبك",
          textEn: "Liked",
          required: false,
          choices: [
            { value: "1", labelAr: "السرعة", labelEn: "Speed" },
            { value: "COURTESY", labelAr: "اللباقة", labelEn: "Courtesy" },
          ],
        },
      ],
    });
  });

  it("updates with only what changed: an answered survey's questions are not sent back", () => {
    const form = structuredClone(answered);
    form.minimumGroupSize = "12" as unknown as number;
    // Ticked in another order: the same set.
    form.requestTypes = ["COMPLAINT", "INQUIRY"];
    expect(surveyUpdateInput(answered.id, form, answered)).toEqual({
      id: answered.id,
      version: 3,
      minimumGroupSize: 12,
    });
    const moved = structuredClone(answered);
    moved.questions.reverse();
    const input = surveyUpdateInput(answered.id, moved, answered) as {
      questions: { type: string }[];
    };
    expect(input.questions.map((q) => q.type)).toEqual(["SINGLE_CHOICE", "RATING"]);
  });

  it("reads follow-ups by status and surveys through their connection", () => {
    const followUps = build("GET_LIST", "surveyFollowUps", {
      pagination: { page: 1, perPage: 25 },
      filter: { status: "OPEN" },
    });
    expect(followUps.variables).toMatchObject({ first: 25, status: "OPEN" });
    expect(String(followUps.query.loc?.source.body)).toContain(
      "surveyFollowUps(first: $first, after: $after, status: $status)",
    );
    const surveys = build("GET_LIST", "surveys", { pagination: { page: 1, perPage: 10 } });
    expect(String(surveys.query.loc?.source.body)).toContain("responseCount");
  });
});

describe("survey screens' permissions", () => {
  const opens = (roles: string[], resource: string, action: string) =>
    canAccess(roles, screenResource(resource, action), screenAction(resource, action));

  it("lets admins create and edit surveys; staff read them and follow up", () => {
    expect(opens(["ADMIN"], "surveys", "create")).toBe(true);
    expect(opens(["STAFF"], "surveys", "create")).toBe(false);
    expect(opens(["STAFF"], "surveys", "edit")).toBe(false);
    expect(opens(["STAFF"], "surveys", "list")).toBe(true);
    expect(opens(["STAFF"], "surveys", "show")).toBe(true);
    expect(opens(["STAFF"], "surveys", "staffBreakdown")).toBe(false);
    expect(opens(["ADMIN"], "surveys", "staffBreakdown")).toBe(true);
    expect(opens(["STAFF"], "surveyFollowUps", "list")).toBe(true);
    expect(opens(["COMMITTEE_MEMBER"], "surveyFollowUps", "list")).toBe(false);
    expect(opens(["COMMITTEE_MEMBER"], "surveys", "list")).toBe(false);
  });
});
