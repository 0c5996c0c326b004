// Surveys in the schema: definitions (admins), figures (aggregates only, suppressed below the
// survey's minimum), named low ratings to follow up, and the public form a link opens.
import { FollowUpStatus, QuestionType, SurveyKind } from "../../db/generated/enums.js";
import { builder } from "../../graphql/builder.js";
import { ChannelEnum, describedEnum, RequestTypeCodeEnum } from "../../graphql/enums.js";
import type { SurveyComment, SurveyFigures, surveyDimensions } from "./analytics.js";
import type { SurveyChoice } from "./rules.js";

export const SurveyKindEnum = describedEnum(
  SurveyKind,
  "SurveyKind",
  "CSAT: after a service; NPS: a periodic recommendation round; GENERAL: anything else.",
  {
    CSAT: "Satisfaction after a service.",
    NPS: "A periodic recommendation (net promoter score) round.",
    GENERAL: "Any other survey.",
  },
);
export const QuestionTypeEnum = describedEnum(
  QuestionType,
  "QuestionType",
  "RATING 1–5, NPS 0–10, SINGLE_CHOICE, MULTIPLE_CHOICE (of the question's choices) or FREE_TEXT.",
  {
    RATING: "A rating from 1 to 5.",
    NPS: "Net promoter score: 0 to 10.",
    SINGLE_CHOICE: "One of the question's choices.",
    MULTIPLE_CHOICE: "Any of the question's choices.",
    FREE_TEXT: "A written answer.",
  },
);
export const FollowUpStatusEnum = describedEnum(
  FollowUpStatus,
  "FollowUpStatus",
  "A low named rating's follow-up: OPEN until staff close it with what was done.",
  {
    OPEN: "Waiting for staff to follow up.",
    CLOSED: "Followed up; what was done is recorded.",
  },
);
export const SurveyDimensionEnum = builder.enumType("SurveyDimension", {
  description:
    "How figures are broken down: by request type, channel, staff member (admins only) or month (YYYY-MM).",
  values: {
    REQUEST_TYPE: { description: "By the type of the request that was served." },
    CHANNEL: { description: "By the channel the request came in on." },
    STAFF: { description: "By the staff member who served it (admins only)." },
    MONTH: { description: "By month (YYYY-MM)." },
  } satisfies Record<(typeof surveyDimensions)[number], { description: string }>,
});

export const SurveyChoiceType = builder.objectRef<SurveyChoice>("SurveyChoice").implement({
  description: "One choice of a choice question.",
  fields: (t) => ({
    value: t.exposeString("value", { description: "What an answer sends." }),
    labelAr: t.exposeString("labelAr", { description: "Arabic label." }),
    labelEn: t.exposeString("labelEn", { description: "English label." }),
  }),
});

export const SurveyQuestionType = builder.prismaObject("SurveyQuestion", {
  description: "One question of a survey.",
  fields: (t) => ({
    position: t.exposeInt("position", { description: "Its number, from 1; answers name it." }),
    type: t.expose("type", {
      type: QuestionTypeEnum,
      description: "What kind of answer it takes.",
    }),
    textAr: t.exposeString("textAr", { description: "Arabic text." }),
    textEn: t.exposeString("textEn", { description: "English text." }),
    required: t.exposeBoolean("required", { description: "Whether an answer is required." }),
    choices: t.field({
      type: [SurveyChoiceType],
      description: "The choices, for choice questions.",
      resolve: (q) => (q.choices as SurveyChoice[] | null) ?? [],
    }),
  }),
});

export const SurveyNode = builder.prismaNode("Survey", {
  description:
    "A satisfaction survey (استبيان): its questions, who is invited and when, and its anonymity.",
  id: { field: "id", description: "Global ID." },
  authScopes: { permission: "surveys.show" },
  fields: (t) => ({
    titleAr: t.exposeString("titleAr", { description: "Arabic title." }),
    titleEn: t.exposeString("titleEn", { description: "English title." }),
    introAr: t.exposeString("introAr", {
      description: "Arabic introduction shown above the questions.",
    }),
    introEn: t.exposeString("introEn", { description: "English introduction." }),
    kind: t.expose("kind", { type: SurveyKindEnum, description: "Its kind." }),
    anonymous: t.exposeBoolean("anonymous", {
      description: "Anonymous answers keep no link to the member, the request or the moment.",
    }),
    active: t.exposeBoolean("active", {
      description: "Whether it takes answers (within its window).",
    }),
    activeFrom: t.expose("activeFrom", {
      type: "DateTime",
      nullable: true,
      description: "Window start.",
    }),
    activeUntil: t.expose("activeUntil", {
      type: "DateTime",
      nullable: true,
      description: "Window end.",
    }),
    requestTypes: t.field({
      type: [RequestTypeCodeEnum],
      description: "Completing or resolving a request of these types invites the member.",
      resolve: (s) => s.requestTypeCodes,
    }),
    inviteDelayHours: t.exposeInt("inviteDelayHours", {
      description: "Hours between the service and the invitation.",
    }),
    invitationValidDays: t.exposeInt("invitationValidDays", {
      description: "Days an invitation's link works.",
    }),
    minimumGroupSize: t.exposeInt("minimumGroupSize", {
      description: "Breakdowns with fewer responses are suppressed everywhere.",
    }),
    questions: t.relation("questions", {
      description: "The questions, in order.",
      query: { orderBy: { position: "asc" } },
    }),
    responseCount: t.relationCount("responses", { description: "How many responses it has." }),
    version: t.exposeInt("version", { description: "The version, for changes." }),
  }),
});

export const SurveyFiguresType = builder.objectRef<SurveyFigures>("SurveyFigures").implement({
  description:
    "A group's figures; all null (and `suppressed`) when it has fewer responses than the survey's minimum.",
  fields: (t) => ({
    key: t.exposeString("key", {
      nullable: true,
      description:
        "The group: a request type, a channel, a staff member (the user's global ID), or a month (YYYY-MM); null for all.",
    }),
    suppressed: t.exposeBoolean("suppressed", {
      description: "Withheld: too few responses to show.",
    }),
    responses: t.exposeInt("responses", { nullable: true, description: "Responses." }),
    invitations: t.exposeInt("invitations", { nullable: true, description: "Invitations sent." }),
    responseRate: t.exposeFloat("responseRate", {
      nullable: true,
      description: "Responses per invitation, percent.",
    }),
    csat: t.exposeFloat("csat", {
      nullable: true,
      description: "CSAT: percent of 4–5 answers on the survey's first rating question.",
    }),
    nps: t.exposeFloat("nps", {
      nullable: true,
      description:
        "NPS: promoters (9–10) minus detractors (0–6), percent, on its first NPS question.",
    }),
    averageRating: t.exposeFloat("averageRating", {
      nullable: true,
      description: "Average of the first rating question.",
    }),
  }),
});

export type AnalyticsShape = { overall: SurveyFigures; groups: SurveyFigures[] };
export const SurveyAnalyticsType = builder.objectRef<AnalyticsShape>("SurveyAnalytics").implement({
  description: "A survey's figures, overall and by group.",
  fields: (t) => ({
    overall: t.field({
      type: SurveyFiguresType,
      description: "All responses.",
      resolve: (a) => a.overall,
    }),
    groups: t.field({
      type: [SurveyFiguresType],
      description: "By the dimension asked for.",
      resolve: (a) => a.groups,
    }),
  }),
});

export const SurveyCommentType = builder.objectRef<SurveyComment>("SurveyComment").implement({
  description: "A free-text answer.",
  fields: (t) => ({
    text: t.exposeString("text", { description: "What the member wrote." }),
    month: t.field({
      type: "Date",
      description: "The month it was answered in.",
      resolve: (c) => c.month,
    }),
    request: t.globalID({
      nullable: true,
      description:
        "The request it is about, for a named survey (follow-up); null for an anonymous one.",
      resolve: (c) => (c.requestId ? { type: "Request", id: c.requestId } : null),
    }),
  }),
});

export const SurveyFollowUpNode = builder.prismaNode("SurveyResponse", {
  name: "SurveyFollowUp",
  description: "A low rating on a named survey, for staff to follow up: improvement, not blame.",
  id: { field: "id", description: "Global ID." },
  // Only named responses ever have a follow-up: an anonymous response is never a node.
  select: { id: true, followUp: true },
  authScopes: (response) =>
    response.followUp ? { permission: "surveys.followUp" as const } : false,
  fields: (t) => ({
    status: t.field({
      type: FollowUpStatusEnum,
      description: "OPEN or CLOSED.",
      select: { followUp: true },
      resolve: (r) => r.followUp ?? "OPEN",
    }),
    note: t.exposeString("followUpNote", {
      nullable: true,
      description: "What was done, once closed.",
    }),
    month: t.expose("month", { type: "Date", description: "The month it was answered in." }),
    channel: t.expose("channel", {
      type: ChannelEnum,
      nullable: true,
      description: "The request's channel.",
    }),
    request: t.relation("request", {
      nullable: true,
      description: "The request the rating is about.",
    }),
    member: t.relation("member", { nullable: true, description: "Who answered." }),
    survey: t.relation("survey", { description: "The survey." }),
    ratings: t.field({
      type: ["Int"],
      description: "The ratings given (1–5 and 0–10 answers), in question order.",
      select: { answers: { select: { rating: true, question: { select: { position: true } } } } },
      resolve: (r) =>
        r.answers
          .filter((a) => a.rating !== null)
          .sort((a, b) => a.question.position - b.question.position)
          .map((a) => a.rating as number),
    }),
  }),
});
