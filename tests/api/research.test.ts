import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasSubmittedResearchReport } from "../../api/modules/requests/research/service.js";
import { createRequestRecord, seedRequestRules } from "../fixtures/requests.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
let staff: string;
let committee: string;
let researcher: string; // assigned to the requests below
let otherResearcher: string;
let researcherId: string;
let memberId: string;

const saveMutation = `mutation($input: SaveResearchReportInput!) {
  saveResearchReport(input: $input) {
    __typename
    ... on SaveResearchReportSuccess { report { id visitKind visitDate findings recommendation submitted submittedAt researcherName version } }
    ... on ValidationError { code message fieldErrors { path message } }
    ... on ConflictError { code currentVersion }
    ... on Error { code }
    ... on RequestTransitionError { code requestStatus allowedRequestActions message }
    ... on NotFoundError { code }
  }
}`;

const submitMutation = `mutation($input: SubmitResearchReportInput!) {
  submitResearchReport(input: $input) {
    __typename
    ... on SubmitResearchReportSuccess { report { id submitted submittedAt version } }
    ... on ConflictError { code currentVersion }
    ... on Error { code }
    ... on RequestTransitionError { code requestStatus allowedRequestActions message }
    ... on ResearchReportTransitionError { code researchReportStatus allowedResearchReportActions message }
    ... on NotFoundError { code }
  }
}`;

const reportsQuery = `query($id: ID!) { node(id: $id) { ... on Request { researchReports { id findings submitted } } } }`;

const draft = (requestId: string, overrides: Record<string, unknown> = {}) => ({
  request: gid("Request", requestId),
  visitKind: "HOME_VISIT",
  visitDate: "2026-11-20",
  findings: "الأسرة مكونة من خمسة أفراد، والسكن مستأجر، ورب الأسرة بلا عمل منذ ستة أشهر.",
  recommendation: "APPROVE",
  ...overrides,
});

async function referredRequest() {
  return createRequestRecord(t.database.prisma, memberId, {
    status: "WITH_RESEARCHER",
    researcherId,
  });
}

/** A draft report on the request, as `draft` makes it, saved by the caller `as` names. */
function saveDraft(
  requestId: string,
  as: { token?: string; language?: string },
  overrides: Record<string, unknown> = {},
) {
  return t.gql(saveMutation, { input: draft(requestId, overrides) }, as);
}

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  const db = t.database.prisma;
  await seedRequestRules(db);
  staff = (await signInStaff(t, "desk@test.sa", ["STAFF"])).token;
  committee = (await signInStaff(t, "committee@test.sa", ["COMMITTEE_MEMBER"])).token;
  const assigned = await signInStaff(t, "researcher@test.sa", ["RESEARCHER"]);
  researcherId = assigned.user.id;
  researcher = assigned.token;
  otherResearcher = (await signInStaff(t, "other-researcher@test.sa", ["RESEARCHER"])).token;
  memberId = (await createMemberRecord(db)).id;
});

afterAll(() => t?.close());

describe("the assigned researcher (successful cases)", () => {
  it("saves a draft, changes it with its version, submits it; timeline and audit follow", async () => {
    const request = await referredRequest();
    expect(await hasSubmittedResearchReport(t.database.prisma, request.id)).toBe(false);
    const first = await saveDraft(request.id, { token: researcher });
    const report: Json = first.data?.saveResearchReport.report;
    expect(report).toMatchObject({
      visitKind: "HOME_VISIT",
      visitDate: "2026-11-20",
      recommendation: "APPROVE",
      submitted: false,
      researcherName: "موظف researcher",
      version: 1,
    });
    const changed = await saveDraft(
      request.id,
      { token: researcher },
      { version: 1, recommendation: "NEEDS_MORE" },
    );
    expect(changed.data?.saveResearchReport.report).toMatchObject({
      id: report.id,
      recommendation: "NEEDS_MORE",
      version: 2,
    });
    // Staff do not see a draft.
    const beforeSubmit = await t.gql(
      reportsQuery,
      { id: gid("Request", request.id) },
      { token: staff },
    );
    expect(beforeSubmit.data?.node.researchReports).toEqual([]);

    const submitted = await t.gql(
      submitMutation,
      { input: { id: report.id, version: 2 } },
      { token: researcher },
    );
    expect(submitted.data?.submitResearchReport.report).toMatchObject({
      submitted: true,
      version: 3,
    });
    expect(await hasSubmittedResearchReport(t.database.prisma, request.id)).toBe(true);
    expect(
      await t.database.prisma.timelineEvent.count({
        where: { requestId: request.id, kind: "RESEARCH_REPORT_SUBMITTED" },
      }),
    ).toBe(1);
    expect(
      await t.database.prisma.auditEntry.count({
        where: { entityType: "ResearchReport", actorLabel: "researcher@test.sa" },
      }),
    ).toBeGreaterThanOrEqual(3);

    for (const token of [staff, committee, researcher]) {
      const read = await t.gql(reportsQuery, { id: gid("Request", request.id) }, { token });
      expect(read.data?.node.researchReports).toHaveLength(1);
    }
  });
});

describe("refusals", () => {
  it("forbids another researcher and staff from writing the report", async () => {
    const request = await referredRequest();
    const other = await saveDraft(request.id, { token: otherResearcher });
    expect(other.data?.saveResearchReport).toEqual({
      __typename: "ForbiddenError",
      code: "FORBIDDEN",
    });
    const asStaff = await saveDraft(request.id, { token: staff });
    expect(asStaff.data?.saveResearchReport.code).toBe("FORBIDDEN");
    const anonymous = await saveDraft(request.id, {});
    expect(anonymous.data?.saveResearchReport.code).toBe("UNAUTHENTICATED");
    expect(await t.database.prisma.researchReport.count({ where: { requestId: request.id } })).toBe(
      0,
    );
  });

  it("forbids another researcher from submitting, and hides the report from them", async () => {
    const request = await referredRequest();
    const saved = await saveDraft(request.id, { token: researcher });
    const id = saved.data?.saveResearchReport.report.id;
    const other = await t.gql(
      submitMutation,
      { input: { id, version: 1 } },
      { token: otherResearcher },
    );
    expect(other.data?.submitResearchReport.code).toBe("FORBIDDEN");
    await t.gql(submitMutation, { input: { id, version: 1 } }, { token: researcher });
    const node = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on ResearchReport { findings } } }`,
      { id },
      { token: otherResearcher },
    );
    expect(node.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const list = await t.gql(
      reportsQuery,
      { id: gid("Request", request.id) },
      { token: otherResearcher },
    );
    expect(list.data?.node?.researchReports ?? []).toEqual([]);
  });

  it("names the fields that break the rules: findings required, visit date not in the future", async () => {
    const request = await referredRequest();
    const result = await saveDraft(
      request.id,
      { token: researcher, language: "en" },
      { findings: "  ", visitDate: "2099-01-01" },
    );
    expect(result.data?.saveResearchReport).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [
        { path: ["input", "findings"], message: "“Findings” is required." },
        {
          path: ["input", "visitDate"],
          message: "The visit or interview date cannot be in the future.",
        },
      ],
    });
  });

  it("refuses a stale draft version and a second submission", async () => {
    const request = await referredRequest();
    const saved = await saveDraft(request.id, { token: researcher });
    const id = saved.data?.saveResearchReport.report.id;
    const withoutVersion = await saveDraft(request.id, { token: researcher });
    expect(withoutVersion.data?.saveResearchReport).toMatchObject({
      code: "CONFLICT",
      currentVersion: 1,
    });
    await t.gql(submitMutation, { input: { id, version: 1 } }, { token: researcher });
    const again = await t.gql(submitMutation, { input: { id, version: 2 } }, { token: researcher });
    expect(again.data?.submitResearchReport).toMatchObject({
      __typename: "ResearchReportTransitionError",
      code: "INVALID_TRANSITION",
      researchReportStatus: "SUBMITTED",
      allowedResearchReportActions: [],
    });
    // The report's state by its label; nothing is left to do with a submitted report.
    expect(again.data?.submitResearchReport.message).toBe(
      "لا يمكن «تقديم تقرير البحث» والحالة «مقدَّم»، ولا إجراء متاحاً من هذه الحالة.",
    );
  });

  it("refuses writing while the request is not with the researcher", async () => {
    const request = await createRequestRecord(t.database.prisma, memberId, {
      status: "IN_COMMITTEE",
      researcherId,
    });
    const result = await saveDraft(request.id, { token: researcher });
    expect(result.data?.saveResearchReport).toMatchObject({
      __typename: "RequestTransitionError",
      code: "INVALID_TRANSITION",
      requestStatus: "IN_COMMITTEE",
      allowedRequestActions: ["RECORD_DECISION", "WITHDRAW"],
    });
    // Arabic labels, not the English codes, and the moves the state allows.
    expect(result.data?.saveResearchReport.message).toBe(
      "لا يمكن «حفظ تقرير البحث» والحالة «لدى لجنة البحث». المتاح من هذه الحالة: تسجيل القرار، سحب الطلب.",
    );
    const english = await saveDraft(request.id, { token: researcher, language: "en" });
    expect(english.data?.saveResearchReport.message).toBe(
      "Cannot “save the research report” while the state is “with the research committee”. Possible from this state: record the decision, withdraw the request.",
    );
  });
});
