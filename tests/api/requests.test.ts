// The request life cycle through the API: intake, completeness, every transition of both
// flows (and every illegal one, generated from the life-cycle table), the decision clock,
// request types as data, visibility, concurrency and all-or-nothing transactions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../api/auth/caller.js";
import type { PrismaClient } from "../../api/db/client.js";
import { run } from "../../api/db/commands.js";
import type { RequestStatus, RequestTypeCode, Role } from "../../api/db/generated/enums.js";
import { messages } from "../../api/i18n/messages.js";
import { withCheckDigit } from "../../api/modules/members/rules.js";
import { signAttestation } from "../../api/modules/requests/attestation/service.js";
import { dayMs } from "../../api/modules/requests/decision-clock.js";
import { createRequest } from "../../api/modules/requests/intake.js";
import {
  actionsFrom,
  type Flow,
  flowStates,
  type RequestAction,
  requestActions,
} from "../../api/modules/requests/lifecycle.js";
import { requirableFields } from "../../api/modules/requests/requirable-fields.js";
import { followTransitions, transitionRequest } from "../../api/modules/requests/transition.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff, staffCaller } from "../helpers/callers.js";
import { createMemberRecord, outsideMeeting, seedReferenceData } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
let db: PrismaClient;
const tokens: Record<string, string> = {};
const users: Record<string, { id: string; roles: Role[] }> = {};

function callerOf(name: string): Caller {
  const user = users[name]!;
  return staffCaller({
    ...user,
    email: `${name}@test.sa`,
    fullName: name,
    personalDataAccess: true,
  });
}

/** The mutation of each action, and the extra input it needs. */
const mutationOf: Record<RequestAction, { name: string; extra: Record<string, unknown> }> = {
  SUBMIT: { name: "submitRequest", extra: {} },
  REQUEST_MORE_INFORMATION: {
    name: "requestMoreInformation",
    extra: { note: "يرجى إرفاق صورة سجل الأسرة محدثة" },
  },
  RESUBMIT: { name: "resubmitRequest", extra: {} },
  REFER_TO_RESEARCHER: { name: "referToResearcher", extra: {} }, // researcherId added per call
  RAISE_TO_COMMITTEE: { name: "raiseToCommittee", extra: {} },
  RECORD_DECISION: {
    name: "recordDecision",
    extra: { decision: "APPROVED", reason: "استوفى الشروط", ...outsideMeeting },
  },
  COMPLETE: { name: "completeRequest", extra: {} },
  WITHDRAW: { name: "withdrawRequest", extra: { note: "بناءً على رغبة العضو" } },
  START_WORK: { name: "startWork", extra: {} },
  RESOLVE: { name: "resolveRequest", extra: { answer: "تمت الإجابة على الاستفسار" } },
  CLOSE: { name: "closeRequest", extra: {} },
};

/** The typed errors each action's result can hold besides the common ones. */
const extraErrors: Record<RequestAction, string[]> = {
  SUBMIT: ["IncompleteRequestError"],
  REQUEST_MORE_INFORMATION: ["ValidationError"],
  RESUBMIT: ["IncompleteRequestError"],
  REFER_TO_RESEARCHER: ["ValidationError"],
  RAISE_TO_COMMITTEE: ["IncompleteRequestError", "PreconditionFailedError"],
  RECORD_DECISION: ["ValidationError"],
  COMPLETE: [],
  WITHDRAW: [],
  START_WORK: [],
  RESOLVE: ["ValidationError", "IncompleteRequestError"],
  CLOSE: [],
};
const errorFragments: Record<string, string> = {
  IncompleteRequestError: "... on IncompleteRequestError { gaps { kind name message } }",
  PreconditionFailedError: "... on PreconditionFailedError { reason }",
  ValidationError: "... on ValidationError { fieldErrors { path message } }",
};

/** The API answers global IDs; the tests work with database IDs. */
function dbId(globalId: string): string {
  return Buffer.from(globalId, "base64")
    .toString()
    .replace(/^Request:/, "");
}
function withDbId(result: Json): Json {
  if (result?.request?.id) result.request.id = dbId(result.request.id);
  return result;
}

const requestFields = `id reference status version decisionDueAt clockPausedAt submittedAt decision
  decisionReason answer firstContactResolution amountApproved availableActions overdue daysRemaining`;

async function act(
  who: string,
  action: RequestAction,
  request: { id: string; version: number },
  extra: Record<string, unknown> = {},
): Promise<Json> {
  const { name } = mutationOf[action];
  const typeName = name[0]!.toUpperCase() + name.slice(1);
  const result = await t.gql(
    `mutation($input: ${typeName}Input!) { ${name}(input: $input) {
      __typename
      ... on ${typeName}Success { request { ${requestFields} } }
      ... on Error { code message }
      ... on RequestTransitionError { requestStatus allowedRequestActions }
      ... on ConflictError { currentVersion }
      ${extraErrors[action].map((name) => errorFragments[name]).join("\n")}
    } }`,
    {
      input: {
        id: gid("Request", request.id),
        version: request.version,
        ...mutationOf[action].extra,
        ...(action === "REFER_TO_RESEARCHER"
          ? { researcher: gid("User", users.researcher!.id) }
          : {}),
        ...extra,
      },
    },
    { token: tokens[who], language: "en" },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return withDbId(result.data?.[name]);
}

const createMutation = `mutation($input: CreateRequestInput!) { createRequest(input: $input) {
  __typename
  ... on CreateRequestSuccess { request { ${requestFields} type channel subject details rules { requiredFields committeeDecides } } }
  ... on Error { code message }
  ... on IncompleteRequestError { gaps { kind name message } }
  ... on ValidationError { fieldErrors { path message } }
} }`;

async function create(who: string, input: Record<string, unknown>): Promise<Json> {
  const result = await t.gql(createMutation, { input }, { token: tokens[who], language: "en" });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return withDbId(result.data?.createRequest);
}

let memberSerial = 0;
async function householdMember(overrides: Record<string, unknown> = {}) {
  memberSerial += 1;
  return createMemberRecord(db, {
    familySize: 5,
    monthlyIncome: "3200.00",
    email: `member${memberSerial}@example.com`,
    birthDate: new Date("1985-03-01"),
    ...overrides,
  });
}

/** Attaches every required document and signs the attestation (B's services). */
async function completeFile(requestId: string) {
  const request = await db.request.findUniqueOrThrow({
    where: { id: requestId },
    include: { type: true },
  });
  for (const kind of request.type.requiredDocumentKinds) {
    await db.document.create({
      data: {
        memberId: request.memberId,
        requestId,
        kind,
        fileName: `${kind}.pdf`,
        contentType: "application/pdf",
        size: 1000,
        sha256: "0".repeat(64),
        storageKey: `test/${requestId}/${kind}`,
        uploadedByActor: "USER",
      },
    });
  }
  if (request.type.attestationRequired)
    await run(t.app.services, callerOf("staff"), signAttestation, {
      requestId,
      method: "IN_PERSON",
    });
}

/** Staff verify (accept) the request's documents: an approved request completes only then. */
async function verifyDocuments(requestId: string) {
  await db.document.updateMany({ where: { requestId }, data: { verification: "ACCEPTED" } });
}

async function draft(type: RequestTypeCode, overrides: Record<string, unknown> = {}) {
  const member = (overrides.memberRecord as { id: string }) ?? (await householdMember());
  const { memberRecord: _m, ...input } = overrides;
  const created = await create("staff", {
    member: gid("Member", member.id),
    type,
    channel: "IN_PERSON",
    subject: "طلب دعم",
    description: "الأسرة تحتاج إلى مساعدة في الإيجار",
    ...(type === "FINANCIAL_SUPPORT" ? { amountRequested: "2500.00" } : {}),
    ...input,
  });
  expect(created.__typename, JSON.stringify(created)).toBe("CreateRequestSuccess");
  return created.request;
}

async function submitted(type: RequestTypeCode, overrides: Record<string, unknown> = {}) {
  const request = await draft(type, overrides);
  await completeFile(request.id);
  const result = await act("staff", "SUBMIT", request);
  expect(result.__typename, JSON.stringify(result)).toBe("SubmitRequestSuccess");
  return result.request;
}

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  db = t.database.prisma;
  await seedReferenceData(db, { templates: true, attestation: true });
  const accounts: Record<string, Role[]> = {
    admin: ["ADMIN"],
    staff: ["STAFF"],
    researcher: ["RESEARCHER"],
    researcher2: ["RESEARCHER"],
    chair: ["COMMITTEE_CHAIR"],
    committee: ["COMMITTEE_MEMBER"],
    everything: ["ADMIN", "STAFF", "RESEARCHER", "COMMITTEE_MEMBER", "COMMITTEE_CHAIR"],
  };
  for (const [name, roles] of Object.entries(accounts)) {
    const access = { personalDataAccess: true };
    const { user, token } = await signInStaff(t, `${name}@test.sa`, roles, access);
    users[name] = { id: user.id, roles };
    tokens[name] = token;
  }
});

afterAll(() => t?.close());

describe("a financial support request, from intake to completion", () => {
  it("walks DRAFT → SUBMITTED → NEEDS_INFO → SUBMITTED → WITH_RESEARCHER → IN_COMMITTEE → APPROVED → COMPLETED", async () => {
    const member = await householdMember({ fullNameAr: "خالد سعد العمري" });
    let request = await draft("FINANCIAL_SUPPORT", { memberRecord: member });
    expect(request).toMatchObject({ status: "DRAFT", reference: null, version: 1 });
    expect(request.availableActions).toEqual(["SUBMIT", "WITHDRAW"]);
    await completeFile(request.id);

    let result = await act("staff", "SUBMIT", request);
    expect(result.__typename).toBe("SubmitRequestSuccess");
    request = result.request;
    expect(request.status).toBe("SUBMITTED");
    expect(request.reference).toMatch(/^REQ-\d{4}-\d{6}$/);
    expect(
      new Date(request.decisionDueAt).getTime() - new Date(request.submittedAt).getTime(),
    ).toBe(14 * dayMs);
    const notifications = await db.notification.findMany({
      where: { requestId: request.id, event: "REQUEST_SUBMITTED" },
    });
    expect(notifications.map((n) => n.channel).sort()).toEqual(["EMAIL", "SMS"]);
    const sms = notifications.find((n) => n.channel === "SMS")!;
    expect(sms.status).toBe("PENDING");
    expect(sms.body).toContain(request.reference);
    expect(sms.body).not.toContain("{{");

    result = await act("staff", "REQUEST_MORE_INFORMATION", request);
    request = result.request;
    expect(request).toMatchObject({ status: "NEEDS_INFO" });
    expect(request.clockPausedAt).not.toBeNull();
    result = await act("staff", "RESUBMIT", request);
    request = result.request;
    expect(request).toMatchObject({ status: "SUBMITTED", clockPausedAt: null });

    result = await act("staff", "REFER_TO_RESEARCHER", request);
    request = result.request;
    expect(request.status).toBe("WITH_RESEARCHER");

    // The researcher's report comes first.
    result = await act("staff", "RAISE_TO_COMMITTEE", request);
    expect(result).toMatchObject({
      __typename: "PreconditionFailedError",
      code: "PRECONDITION_FAILED",
      reason: "RESEARCH_REPORT_MISSING",
    });
    await db.researchReport.create({
      data: {
        requestId: request.id,
        researcherId: users.researcher!.id,
        visitKind: "HOME_VISIT",
        visitDate: new Date("2026-01-10"),
        findings: "الأسرة بحاجة فعلية",
        recommendation: "APPROVE",
        submittedAt: new Date(),
      },
    });
    result = await act("staff", "RAISE_TO_COMMITTEE", request);
    request = result.request;
    expect(request.status).toBe("IN_COMMITTEE");

    // Only the chair records a decision.
    expect((await act("staff", "RECORD_DECISION", request)).__typename).toBe("ForbiddenError");
    result = await act("chair", "RECORD_DECISION", request);
    request = result.request;
    expect(request).toMatchObject({
      status: "APPROVED",
      decision: "APPROVED",
      decisionReason: "استوفى الشروط",
      amountApproved: "2500.00",
    });
    await verifyDocuments(request.id);
    result = await act("staff", "COMPLETE", request);
    request = result.request;
    expect(request).toMatchObject({ status: "COMPLETED", availableActions: [] });

    const timeline = await t.gql(
      `query($id: ID!) { request(id: $id) { timeline(first: 50) { totalCount edges { node { kind fromStatus toStatus actorName } } } } }`,
      { id: gid("Request", request.id) },
      { token: tokens.staff },
    );
    const kinds = timeline.data?.request.timeline.edges.map((e: Json) => e.node.kind);
    // Seven transitions went through; the refused ones left no trace.
    expect(kinds.filter((k: string) => k === "STATUS_CHANGED")).toHaveLength(7);
    expect(kinds).toContain("DECISION_RECORDED");
    expect(kinds).toContain("RESEARCHER_ASSIGNED");
    const audits = await db.auditEntry.count({
      where: { entityType: "Request", entityId: request.id, action: "TRANSITION" },
    });
    expect(audits).toBe(7);
    const events = await db.notification.findMany({
      where: { requestId: request.id, channel: "SMS" },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((n) => n.event)).toEqual([
      "REQUEST_SUBMITTED",
      "NEEDS_INFO",
      "REFERRED_TO_RESEARCHER",
      "RAISED_TO_COMMITTEE",
      "DECIDED",
      "COMPLETED",
    ]);
    expect(events[1]!.body).toContain("يرجى إرفاق صورة سجل الأسرة محدثة");
  });

  it("completing an approved membership registration activates the member", async () => {
    const applicant = await householdMember({ status: "APPLICANT" });
    let request = await submitted("MEMBERSHIP_REGISTRATION", { memberRecord: applicant });
    request = (await act("staff", "RAISE_TO_COMMITTEE", request)).request;
    request = (await act("chair", "RECORD_DECISION", request)).request;
    await verifyDocuments(request.id);
    request = (await act("staff", "COMPLETE", request)).request;
    expect(request.status).toBe("COMPLETED");
    const member = await db.member.findUniqueOrThrow({ where: { id: applicant.id } });
    expect(member.status).toBe("ACTIVE");
    expect(member.registeredAt).not.toBeNull();
    expect(member.version).toBe(applicant.version + 1);
    const audit = await db.auditEntry.findFirst({
      where: { entityType: "Member", entityId: applicant.id, action: "UPDATE" },
    });
    expect(audit?.changes).toMatchObject({ status: { before: "APPLICANT", after: "ACTIVE" } });
  });

  it("a rejected registration is completed without activating anyone", async () => {
    const applicant = await householdMember({ status: "APPLICANT" });
    let request = await submitted("MEMBERSHIP_REGISTRATION", { memberRecord: applicant });
    request = (await act("staff", "RAISE_TO_COMMITTEE", request)).request;
    request = (
      await act("chair", "RECORD_DECISION", request, { decision: "REJECTED", reason: "ناقص" })
    ).request;
    expect(request.status).toBe("REJECTED");
    request = (await act("staff", "COMPLETE", request)).request;
    expect((await db.member.findUniqueOrThrow({ where: { id: applicant.id } })).status).toBe(
      "APPLICANT",
    );
  });

  it("can be withdrawn from any open state", async () => {
    const request = await draft("IN_KIND_SUPPORT");
    const result = await act("staff", "WITHDRAW", request);
    expect(result.request).toMatchObject({ status: "WITHDRAWN", availableActions: [] });
  });
});

describe("service requests (inquiry, complaint, suggestion, data update)", () => {
  it("an inquiry is submitted when taken in, then IN_PROGRESS → RESOLVED (first contact) → CLOSED", async () => {
    const created = await create("staff", {
      member: gid("Member", (await householdMember()).id),
      type: "INQUIRY",
      channel: "PHONE",
      subject: "ما مواعيد استقبال طلبات الدعم؟",
    });
    expect(created.__typename).toBe("CreateRequestSuccess");
    let request = created.request;
    expect(request).toMatchObject({
      status: "SUBMITTED",
      availableActions: ["START_WORK", "WITHDRAW"],
    });
    expect(request.reference).toMatch(/^REQ-/);
    request = (await act("staff", "START_WORK", request)).request;
    expect(request.status).toBe("IN_PROGRESS");
    request = (
      await act("staff", "RESOLVE", request, {
        answer: "من الأحد إلى الخميس",
        firstContactResolution: true,
      })
    ).request;
    expect(request).toMatchObject({
      status: "RESOLVED",
      answer: "من الأحد إلى الخميس",
      firstContactResolution: true,
    });
    const resolved = await db.notification.findFirst({
      where: { requestId: request.id, event: "RESOLVED", channel: "SMS" },
    });
    expect(resolved).not.toBeNull();
    request = (await act("staff", "CLOSE", request)).request;
    expect(request.status).toBe("CLOSED");
  });

  it("a data update applies the requested member changes when resolved, validated and audited", async () => {
    const member = await householdMember({ district: "العليا" });
    const created = await create("staff", {
      member: gid("Member", member.id),
      type: "DATA_UPDATE",
      channel: "WEBSITE",
      subject: "تحديث العنوان وعدد أفراد الأسرة",
      details: JSON.stringify({ changes: { district: "النرجس", familySize: 6 } }),
    });
    let request = created.request;
    expect(request.status).toBe("SUBMITTED");
    request = (await act("staff", "START_WORK", request)).request;
    request = (await act("staff", "RESOLVE", request, { answer: "تم تحديث البيانات" })).request;
    expect(request.status).toBe("RESOLVED");
    const updated = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(updated).toMatchObject({ district: "النرجس", familySize: 6 });
    const audit = await db.auditEntry.findFirst({
      where: { entityType: "Member", entityId: member.id, requestId: request.id },
    });
    expect(audit?.changes).toMatchObject({ district: { before: "العليا", after: "النرجس" } });
  });

  it("refuses a data update whose changes break the member rules, naming each", async () => {
    const created = await create("staff", {
      member: gid("Member", (await householdMember()).id),
      type: "DATA_UPDATE",
      channel: "PHONE",
      subject: "تحديث",
      details: JSON.stringify({ changes: { familySize: 80, mobile: "123", nationalId: "1" } }),
    });
    expect(created.__typename).toBe("IncompleteRequestError");
    expect(created.gaps.map((g: Json) => g.name).sort()).toEqual([
      "details.changes.familySize",
      "details.changes.mobile",
      "details.changes.nationalId",
    ]);
    expect(created.gaps.every((g: Json) => g.kind === "INVALID_MEMBER_DATA")).toBe(true);
  });

  it("a declined data update is resolved with its reason and leaves the member as they were", async () => {
    const member = await householdMember({ district: "العليا" });
    const created = await create("staff", {
      member: gid("Member", member.id),
      type: "DATA_UPDATE",
      channel: "PHONE",
      subject: "تغيير الحي",
      details: JSON.stringify({ changes: { district: "الملقا" } }),
    });
    let request = (await act("staff", "START_WORK", created.request)).request;
    const answer = "لم يُرفق ما يثبت العنوان الجديد؛ يرجى تقديم عقد الإيجار";
    request = (await act("staff", "RESOLVE", request, { answer, dataUpdateDeclined: true }))
      .request;
    expect(request).toMatchObject({ status: "RESOLVED", answer });
    const stored = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(stored).toMatchObject({ district: "العليا", version: member.version });
    const event = await db.timelineEvent.findFirstOrThrow({
      where: { requestId: request.id, toStatus: "RESOLVED" },
    });
    expect(event.data).toMatchObject({ action: "RESOLVE", dataUpdateDeclined: true });
    expect(
      await db.auditEntry.count({ where: { entityType: "Member", entityId: member.id } }),
    ).toBe(0);
  });

  it("refuses dataUpdateDeclined on any other type, naming the field", async () => {
    const created = await create("staff", {
      member: gid("Member", (await householdMember()).id),
      type: "COMPLAINT",
      channel: "SOCIAL_MEDIA",
      subject: "تأخر الرد",
      description: "لم يصلني رد على طلبي منذ أسبوعين",
    });
    const request = (await act("staff", "START_WORK", created.request)).request;
    const result = await act("staff", "RESOLVE", request, { dataUpdateDeclined: true });
    expect(result.__typename).toBe("ValidationError");
    expect(result.fieldErrors).toEqual([
      {
        path: ["input", "dataUpdateDeclined"],
        message: "“Data update declined” applies to data update requests only.",
      },
    ]);
  });

  it("can be withdrawn before it is resolved, not after", async () => {
    const created = await create("staff", {
      member: gid("Member", (await householdMember()).id),
      type: "SUGGESTION",
      channel: "WEBSITE",
      subject: "اقتراح بتمديد ساعات الاستقبال",
      description: "فتح مكتب الاستقبال مساء يوم الخميس",
    });
    expect(created.request.availableActions).toEqual(["START_WORK", "WITHDRAW"]);
    let request = (await act("staff", "START_WORK", created.request)).request;
    expect(request.availableActions).toEqual(["RESOLVE", "WITHDRAW"]);
    request = (await act("staff", "WITHDRAW", request, { note: "تراجع العضو عن الاقتراح" }))
      .request;
    expect(request).toMatchObject({ status: "WITHDRAWN", availableActions: [], overdue: false });
    const resolved = await create("staff", {
      member: gid("Member", (await householdMember()).id),
      type: "INQUIRY",
      channel: "PHONE",
      subject: "استفسار",
    });
    let answered = (await act("staff", "START_WORK", resolved.request)).request;
    answered = (await act("staff", "RESOLVE", answered, { answer: "تمت الإجابة" })).request;
    const refused = await act("staff", "WITHDRAW", answered);
    expect(refused).toMatchObject({
      __typename: "RequestTransitionError",
      requestStatus: "RESOLVED",
      allowedRequestActions: ["CLOSE"],
    });
  });
});

describe("completeness (policy step 2)", () => {
  it("lists every gap by name: fields, documents, attestation, member data", async () => {
    const member = await householdMember({
      familySize: null,
      monthlyIncome: null,
      status: "SUSPENDED",
      nationalId: withCheckDigit("123456789").replace(/\d$/, (d) => String((Number(d) + 1) % 10)),
    });
    const request = await draft("FINANCIAL_SUPPORT", {
      memberRecord: member,
      description: "",
      amountRequested: null,
    });
    const result = await act("staff", "SUBMIT", request);
    expect(result.__typename).toBe("IncompleteRequestError");
    expect(result.code).toBe("INCOMPLETE_REQUEST");
    const gaps = result.gaps.map((g: Json) => `${g.kind}:${g.name}`).sort();
    expect(gaps).toEqual(
      [
        "MISSING_FIELD:amountRequested",
        "MISSING_FIELD:description",
        "MISSING_FIELD:member.familySize",
        "MISSING_FIELD:member.monthlyIncome",
        "INVALID_MEMBER_DATA:member.nationalId",
        "INVALID_MEMBER_DATA:member.status",
        "MISSING_DOCUMENT:NATIONAL_ID_COPY",
        "MISSING_DOCUMENT:FAMILY_CARD",
        "MISSING_DOCUMENT:INCOME_PROOF",
        "MISSING_DOCUMENT:BANK_IBAN_LETTER",
        "UNSIGNED_ATTESTATION:attestation",
      ].sort(),
    );
    const familyCard = result.gaps.find((g: Json) => g.name === "FAMILY_CARD");
    expect(familyCard.message).toContain("Family card");
    // Nothing was written.
    const stored = await db.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored).toMatchObject({ status: "DRAFT", reference: null, version: 1 });
  });

  it("a change after signing makes the attestation stale; a rejected document reopens the gap", async () => {
    const request = await draft("IN_KIND_SUPPORT");
    await completeFile(request.id);
    const updated = await t.gql(
      `mutation($input: UpdateRequestInput!) { updateRequest(input: $input) { __typename ... on UpdateRequestSuccess { request { version description } } } }`,
      {
        input: {
          id: gid("Request", request.id),
          version: 1,
          description: "وصف جديد بعد التوقيع",
        },
      },
      { token: tokens.staff },
    );
    expect(updated.data?.updateRequest.request.version).toBe(2);
    await db.document.updateMany({
      where: { requestId: request.id, kind: "FAMILY_CARD" },
      data: { verification: "REJECTED", rejectionReason: "غير واضح" },
    });
    const result = await act("staff", "SUBMIT", { id: request.id, version: 2 });
    expect(result.gaps.map((g: Json) => `${g.kind}:${g.name}`).sort()).toEqual([
      "MISSING_DOCUMENT:FAMILY_CARD",
      "STALE_ATTESTATION:attestation",
    ]);
  });

  it("validates intake: a letter needs its number, money only for money types", async () => {
    const member = await householdMember();
    const result = await create("staff", {
      member: gid("Member", member.id),
      type: "IN_KIND_SUPPORT",
      channel: "LETTER",
      subject: "طلب",
      amountRequested: "100",
      details: "[1,2]",
    });
    expect(result.__typename).toBe("ValidationError");
    expect(result.fieldErrors.map((e: Json) => e.path[1]).sort()).toEqual([
      "amountRequested",
      "details",
      "incomingLetterNumber",
    ]);
  });

  it("updateRequest is refused once submitted, naming the state", async () => {
    const request = await submitted("IN_KIND_SUPPORT");
    const result = await t.gql(
      `mutation($input: UpdateRequestInput!) { updateRequest(input: $input) { __typename ... on RequestTransitionError { requestStatus allowedRequestActions } } }`,
      { input: { id: gid("Request", request.id), version: request.version, subject: "x" } },
      { token: tokens.staff },
    );
    expect(result.data?.updateRequest).toMatchObject({
      __typename: "RequestTransitionError",
      requestStatus: "SUBMITTED",
      allowedRequestActions: actionsFrom("COMMITTEE", "SUBMITTED"),
    });
  });
});

describe("every illegal transition is refused with the current state and the allowed actions", () => {
  const cases: { flow: Flow; state: RequestStatus; action: RequestAction }[] = [];
  for (const flow of ["COMMITTEE", "SERVICE"] as const)
    for (const state of flowStates[flow])
      for (const action of requestActions)
        if (!actionsFrom(flow, state).includes(action)) cases.push({ flow, state, action });

  it(`refuses all ${cases.length} of them`, async () => {
    const committee = await draft("IN_KIND_SUPPORT");
    const service = (
      await create("staff", {
        member: gid("Member", (await householdMember()).id),
        type: "COMPLAINT",
        channel: "PHONE",
        subject: "تأخر الرد",
        description: "لم يصلني رد",
      })
    ).request;
    for (const { flow, state, action } of cases) {
      const id = flow === "COMMITTEE" ? committee.id : service.id;
      const row = await db.request.update({ where: { id }, data: { status: state } });
      const result = await act("everything", action, row);
      expect(result, `${flow} ${state} ${action}`).toMatchObject({
        __typename: "RequestTransitionError",
        code: "INVALID_TRANSITION",
        requestStatus: state,
        allowedRequestActions: actionsFrom(flow, state),
      });
      // The state and the allowed moves by their English labels (act asks in English).
      expect(result.message).toContain(`“${messages.en[`requestStatus.${state}`]}”`);
      for (const allowed of actionsFrom(flow, state))
        expect(result.message).toContain(messages.en[`requestAction.${allowed}`]);
      expect(result.message).not.toContain(state);
    }
    expect(cases.length).toBeGreaterThan(80);
  });
});

describe("the decision clock", () => {
  it("NEEDS_INFO pauses it and resubmission moves the deadline by the paused time", async () => {
    const services = t.app.services;
    const staff = callerOf("staff");
    const member = await householdMember();
    const t0 = new Date("2026-03-01T08:00:00Z");
    const request = await run(
      services,
      staff,
      createRequest,
      {
        memberId: member.id,
        type: "IN_KIND_SUPPORT",
        channel: "IN_PERSON",
        subject: "سلة غذائية",
        description: "أسرة من خمسة أفراد",
      },
      { now: t0 },
    );
    await completeFile(request.id);
    const sub = await run(
      services,
      staff,
      transitionRequest,
      { id: request.id, version: 1, action: "SUBMIT" },
      { now: t0 },
    );
    expect(sub.decisionDueAt).toEqual(new Date(t0.getTime() + 14 * dayMs));
    expect(sub.reference).toMatch(/^REQ-2026-/);
    const paused = await run(
      services,
      staff,
      transitionRequest,
      { id: request.id, version: 2, action: "REQUEST_MORE_INFORMATION", note: "صورة الهوية" },
      { now: new Date(t0.getTime() + 2 * dayMs) },
    );
    expect(paused.clockPausedAt).toEqual(new Date(t0.getTime() + 2 * dayMs));
    const resumed = await run(
      services,
      staff,
      transitionRequest,
      { id: request.id, version: 3, action: "RESUBMIT" },
      { now: new Date(t0.getTime() + 5.5 * dayMs) },
    );
    expect(resumed.clockPausedAt).toBeNull();
    expect(resumed.decisionDueAt).toEqual(new Date(t0.getTime() + 17.5 * dayMs));
  });

  it("filters and flags overdue and due-soon requests; the lead time is a setting", async () => {
    const member = await householdMember();
    const now = Date.now();
    const make = (
      subject: string,
      status: RequestStatus,
      dueInDays: number,
      pausedDaysAgo?: number,
    ) =>
      db.request.create({
        data: {
          memberId: member.id,
          typeCode: "IN_KIND_SUPPORT",
          channel: "PHONE",
          subject,
          status,
          submittedAt: new Date(now - 10 * dayMs),
          decisionDueAt: new Date(now + dueInDays * dayMs),
          clockPausedAt: pausedDaysAgo === undefined ? null : new Date(now - pausedDaysAgo * dayMs),
        },
      });
    const late = await make("clock-late", "WITH_RESEARCHER", -1.5);
    const soon = await make("clock-soon", "SUBMITTED", 2.5);
    const fine = await make("clock-fine", "IN_COMMITTEE", 9);
    const decided = await make("clock-decided", "APPROVED", -4);
    // Paused 5 days ago with 1 day left then: still 1 day left, not overdue.
    const paused = await make("clock-paused", "NEEDS_INFO", -4, 5);
    // Paused after the deadline had passed: overdue.
    const pausedLate = await make("clock-paused-late", "NEEDS_INFO", -4, 1);
    const query = `query($overdue: Boolean) { requests(first: 100, filter: { member: "${gid("Member", member.id)}", overdue: $overdue }) {
      totalCount edges { node { subject overdue dueSoon daysRemaining } } } }`;
    const overdue = await t.gql(query, { overdue: true }, { token: tokens.staff });
    expect(overdue.errors).toBeUndefined();
    expect(overdue.data?.requests.edges.map((e: Json) => e.node.subject).sort()).toEqual([
      "clock-late",
      "clock-paused-late",
    ]);
    expect(overdue.data?.requests.totalCount).toBe(2);
    const all = await t.gql(query, {}, { token: tokens.staff });
    const bySubject = Object.fromEntries(
      all.data?.requests.edges.map((e: Json) => [e.node.subject, e.node]),
    );
    expect(bySubject["clock-late"]).toMatchObject({
      overdue: true,
      dueSoon: false,
      daysRemaining: -2,
    });
    expect(bySubject["clock-soon"]).toMatchObject({
      overdue: false,
      dueSoon: true,
      daysRemaining: 3,
    });
    expect(bySubject["clock-fine"]).toMatchObject({
      overdue: false,
      dueSoon: false,
      daysRemaining: 9,
    });
    expect(bySubject["clock-decided"]).toMatchObject({ overdue: false, daysRemaining: null });
    expect(bySubject["clock-paused"]).toMatchObject({
      overdue: false,
      dueSoon: true,
      daysRemaining: 1,
    });
    const notOverdue = await t.gql(query, { overdue: false }, { token: tokens.staff });
    expect(notOverdue.data?.requests.totalCount).toBe(4);
    // With a status as well: an undecided one is overdue or not by its clock, a decided one never.
    const byStatus = `query($status: RequestStatus, $overdue: Boolean) { requests(first: 100, filter: { member: "${gid("Member", member.id)}", status: $status, overdue: $overdue }) {
      totalCount edges { node { subject } } } }`;
    const subjects = async (status: RequestStatus, overdue: boolean) => {
      const answer = await t.gql(byStatus, { status, overdue }, { token: tokens.staff });
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.requests.totalCount).toBe(answer.data?.requests.edges.length);
      return answer.data?.requests.edges.map((e: Json) => e.node.subject).sort();
    };
    expect(await subjects("NEEDS_INFO", true)).toEqual(["clock-paused-late"]);
    expect(await subjects("NEEDS_INFO", false)).toEqual(["clock-paused"]);
    expect(await subjects("WITH_RESEARCHER", true)).toEqual(["clock-late"]);
    expect(await subjects("SUBMITTED", true)).toEqual([]);
    expect(await subjects("APPROVED", true)).toEqual([]);
    expect(await subjects("APPROVED", false)).toEqual(["clock-decided"]);

    await db.setting.create({ data: { key: "decisionWarningLeadDays", value: 10 } });
    const wider = await t.gql(query, {}, { token: tokens.staff });
    const fineNow = wider.data?.requests.edges.find((e: Json) => e.node.subject === "clock-fine");
    expect(fineNow.node.dueSoon).toBe(true);
    await db.setting.delete({ where: { key: "decisionWarningLeadDays" } });
    expect([late, soon, fine, decided, paused, pausedLate]).toHaveLength(6);
  });
});

describe("request types are data", () => {
  it("lists the types; an admin changes rules with a version check; submitted requests keep their snapshot", async () => {
    const list = await t.gql(
      `{ requestTypes { code requiredFields requiredDocumentKinds attestationRequired committeeDecides decisionPeriodDays version } }`,
      {},
      { token: tokens.committee },
    );
    expect(list.data?.requestTypes).toHaveLength(7);
    const inKind = list.data?.requestTypes.find((x: Json) => x.code === "IN_KIND_SUPPORT");

    // Submitted under the old rules, then sent back for information.
    const old = await submitted("IN_KIND_SUPPORT");
    const back = (await act("staff", "REQUEST_MORE_INFORMATION", old)).request;

    const update = `mutation($input: UpdateRequestTypeInput!) { updateRequestType(input: $input) {
      __typename ... on UpdateRequestTypeSuccess { requestType { requiredDocumentKinds decisionPeriodDays version } }
      ... on ValidationError { fieldErrors { path message } } ... on ConflictError { currentVersion } ... on ForbiddenError { code } } }`;
    const input = {
      code: "IN_KIND_SUPPORT",
      version: inKind.version,
      requiredDocumentKinds: ["NATIONAL_ID_COPY", "FAMILY_CARD", "LEASE"],
      decisionPeriodDays: 21,
    };
    const refused = await t.gql(update, { input }, { token: tokens.staff });
    expect(refused.data?.updateRequestType.__typename).toBe("ForbiddenError");
    const bad = await t.gql(
      update,
      { input: { ...input, requiredFields: ["member.shoeSize"], decisionPeriodDays: 0 } },
      { token: tokens.admin },
    );
    expect(bad.data?.updateRequestType.fieldErrors).toHaveLength(2);
    const done = await t.gql(update, { input }, { token: tokens.admin });
    expect(done.data?.updateRequestType.requestType).toMatchObject({
      decisionPeriodDays: 21,
      version: inKind.version + 1,
    });
    const stale = await t.gql(update, { input }, { token: tokens.admin });
    expect(stale.data?.updateRequestType.__typename).toBe("ConflictError");

    // The old request resubmits under its snapshot: no lease needed.
    const resubmitted = await act("staff", "RESUBMIT", back);
    expect(resubmitted.__typename).toBe("ResubmitRequestSuccess");
    const rules = await t.gql(
      `query($id: ID!) { request(id: $id) { rules { requiredDocumentKinds decisionPeriodDays } } }`,
      { id: gid("Request", old.id) },
      { token: tokens.staff },
    );
    expect(rules.data?.request.rules.decisionPeriodDays).toBe(14);
    // A new one needs the lease, and gets the new period.
    const fresh = await draft("IN_KIND_SUPPORT");
    await completeFile(fresh.id);
    const lease = { requestId: fresh.id, kind: "LEASE" as const };
    await db.document.updateMany({ where: lease, data: { verification: "REJECTED" } });
    const gaps = await act("staff", "SUBMIT", fresh);
    expect(gaps.gaps.map((g: Json) => g.name)).toEqual(["LEASE"]);
    await db.document.updateMany({ where: lease, data: { verification: "ACCEPTED" } });
    const accepted = await act("staff", "SUBMIT", fresh);
    expect(
      new Date(accepted.request.decisionDueAt).getTime() -
        new Date(accepted.request.submittedAt).getTime(),
    ).toBe(21 * dayMs);
    expect(requirableFields).toContain("member.familySize");
  });
});

describe("lists and visibility", () => {
  it("a researcher sees only the cases referred to them, in lists, by ID and by reference", async () => {
    const mine = await submitted("IN_KIND_SUPPORT");
    const referred = (await act("staff", "REFER_TO_RESEARCHER", mine)).request;
    const notMine = await submitted("IN_KIND_SUPPORT");
    const list = await t.gql(
      `{ requests(first: 100) { totalCount edges { node { id researcher { fullName } } } } }`,
      {},
      { token: tokens.researcher },
    );
    const ids = list.data?.requests.edges.map((e: Json) => e.node.id);
    expect(ids).toContain(gid("Request", referred.id));
    expect(ids).not.toContain(gid("Request", notMine.id));
    expect(list.data?.requests.totalCount).toBe(ids.length);
    const other = await t.gql(
      `query($ref: String) { request(reference: $ref) { id } }`,
      { ref: notMine.reference },
      { token: tokens.researcher },
    );
    expect(other.data?.request).toBeNull();
    const node = await t.gql(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: gid("Request", notMine.id) },
      { token: tokens.researcher },
    );
    expect(node.data?.node ?? null).toBeNull();
    const researcher2 = await t.gql(
      `{ requests(first: 100) { totalCount } }`,
      {},
      { token: tokens.researcher2 },
    );
    expect(researcher2.data?.requests.totalCount).toBe(0);
    // The researcher asks the member for more information on their own case.
    const asked = await act("researcher", "REQUEST_MORE_INFORMATION", referred);
    expect(asked.request.status).toBe("NEEDS_INFO");
  });

  it("filters by status, type and reference, pages at most 100, and finds one by reference", async () => {
    const request = await submitted("IN_KIND_SUPPORT");
    const byRef = await t.gql(
      `query($ref: String) { requests(first: 5, filter: { reference: $ref, status: SUBMITTED, type: IN_KIND_SUPPORT }) { totalCount edges { node { reference } } } }`,
      { ref: request.reference.slice(-6) },
      { token: tokens.staff },
    );
    expect(byRef.data?.requests.edges.map((e: Json) => e.node.reference)).toContain(
      request.reference,
    );
    const tooMany = await t.gql(
      `{ requests(first: 101) { totalCount } }`,
      {},
      { token: tokens.staff },
    );
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");
    const one = await t.gql(
      `query($ref: String) { request(reference: $ref) { reference member { fullNameAr } requestType { nameEn } } }`,
      { ref: request.reference.toLowerCase() },
      { token: tokens.staff },
    );
    expect(one.data?.request).toMatchObject({
      reference: request.reference,
      requestType: { nameEn: "In-kind support" },
    });
  });
});

describe("concurrency", () => {
  it("50 concurrent submissions get gapless references", async () => {
    const drafts = [];
    for (let i = 0; i < 50; i++) {
      const request = await draft("IN_KIND_SUPPORT");
      await completeFile(request.id);
      drafts.push(request);
    }
    const results = await Promise.all(drafts.map((r) => act("staff", "SUBMIT", r)));
    expect(results.every((r) => r.__typename === "SubmitRequestSuccess")).toBe(true);
    const references = await db.request.findMany({
      where: { reference: { not: null } },
      select: { reference: true },
    });
    const byYear = new Map<string, number[]>();
    for (const { reference } of references) {
      const [, year, serial] = reference!.split("-");
      byYear.set(year!, [...(byYear.get(year!) ?? []), Number(serial)]);
    }
    for (const serials of byYear.values()) {
      serials.sort((a, b) => a - b);
      expect(serials).toEqual(serials.map((_, i) => i + 1));
    }
  });

  it("50 concurrent transitions on one version: exactly one wins, the others change nothing", async () => {
    const request = await submitted("IN_KIND_SUPPORT");
    const before = await db.timelineEvent.count({ where: { requestId: request.id } });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => act("staff", "REFER_TO_RESEARCHER", request)),
    );
    const wins = results.filter((r) => r.__typename === "ReferToResearcherSuccess");
    expect(wins).toHaveLength(1);
    expect(
      results
        .filter((r) => r.__typename !== "ReferToResearcherSuccess")
        .every(
          (r) => r.__typename === "ConflictError" || r.__typename === "RequestTransitionError",
        ),
    ).toBe(true);
    const stored = await db.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored.version).toBe(request.version + 1);
    // One STATUS_CHANGED and one RESEARCHER_ASSIGNED: the losers wrote nothing.
    expect(await db.timelineEvent.count({ where: { requestId: request.id } })).toBe(before + 2);
    expect(
      await db.notification.count({
        where: { requestId: request.id, event: "REFERRED_TO_RESEARCHER" },
      }),
    ).toBe(2);
  });

  it("50 concurrent transitions retried on conflict: one wins per version, none is lost", async () => {
    const request = await submitted("IN_KIND_SUPPORT");
    const audits = () =>
      db.auditEntry.findMany({
        where: { entityType: "Request", entityId: request.id, action: "TRANSITION" },
        select: { changes: true },
      });
    const before = (await audits()).length;
    // Each writer pauses the clock or resumes it, whichever the state it reads allows, until
    // its own transition lands on the version it read.
    const writer = async () => {
      for (;;) {
        const current = await db.request.findUniqueOrThrow({ where: { id: request.id } });
        const action = current.status === "SUBMITTED" ? "REQUEST_MORE_INFORMATION" : "RESUBMIT";
        const result = await act("staff", action, current);
        if (result.__typename.endsWith("Success")) return result.request.version as number;
        expect(["ConflictError", "RequestTransitionError"]).toContain(result.__typename);
      }
    };
    const versions = await Promise.all(Array.from({ length: 50 }, writer));
    // Every writer landed on a version of its own: 50 consecutive versions, 50 entries.
    expect([...versions].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => request.version + 1 + i),
    );
    const stored = await db.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored.version).toBe(request.version + 50);
    expect(stored.status).toBe("SUBMITTED");
    expect((await audits()).length - before).toBe(50);
    expect(
      await db.timelineEvent.count({ where: { requestId: request.id, kind: "STATUS_CHANGED" } }),
    ).toBe(1 + 50);
  });

  it("50 concurrent edits retried on conflict: every one lands, none is lost", async () => {
    const request = await draft("IN_KIND_SUPPORT");
    const update = async (i: number) => {
      for (;;) {
        const current = await db.request.findUniqueOrThrow({ where: { id: request.id } });
        const result = await t.gql(
          `mutation($input: UpdateRequestInput!) { updateRequest(input: $input) { __typename } }`,
          {
            input: {
              id: gid("Request", request.id),
              version: current.version,
              description: `edit ${i}`,
            },
          },
          { token: tokens.staff },
        );
        if (result.data?.updateRequest.__typename === "UpdateRequestSuccess") return;
        expect(result.data?.updateRequest.__typename).toBe("ConflictError");
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, i) => update(i)));
    const stored = await db.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored.version).toBe(51);
    expect(
      await db.auditEntry.count({
        where: { entityType: "Request", entityId: request.id, action: "UPDATE" },
      }),
    ).toBe(50);
  });
});

describe("all or nothing", () => {
  it("a failure after the request's writes leaves nothing written", async () => {
    const request = await submitted("IN_KIND_SUPPORT");
    const counts = async () => ({
      timeline: await db.timelineEvent.count({ where: { requestId: request.id } }),
      audit: await db.auditEntry.count({ where: { requestId: request.id } }),
      notifications: await db.notification.count({ where: { requestId: request.id } }),
    });
    const before = await counts();
    // A module following the transition (as surveys do) fails after the request, its timeline
    // event, audit entry and notification were written (the statement of
    // transition-statement.ts): it sees the written version, then throws.
    let seenVersion: number | undefined;
    followTransitions(async ({ tx }, moved) => {
      if (moved.id !== request.id) return;
      seenVersion = moved.version;
      expect(await tx.timelineEvent.count({ where: { requestId: request.id } })).toBeGreaterThan(
        before.timeline,
      );
      throw new Error("injected failure");
    });
    await expect(
      run(t.app.services, callerOf("staff"), transitionRequest, {
        id: request.id,
        version: request.version,
        action: "RAISE_TO_COMMITTEE",
      }),
    ).rejects.toThrow("injected failure");
    expect(seenVersion).toBe(request.version + 1);
    const stored = await db.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored).toMatchObject({ status: "SUBMITTED", version: request.version });
    expect(await counts()).toEqual(before);
  });
});

describe("Arabic by default", () => {
  it("answers an illegal transition in Arabic, naming the state", async () => {
    const request = await draft("IN_KIND_SUPPORT");
    const result = await t.gql(
      `mutation($input: CompleteRequestInput!) { completeRequest(input: $input) { __typename ... on Error { message } } }`,
      { input: { id: gid("Request", request.id), version: 1 } },
      { token: tokens.staff },
    );
    // The state's Arabic label and the moves a draft allows, not the English codes.
    expect(result.data?.completeRequest.message).toBe(
      "لا يمكن «إكمال الإجراء» والحالة «مسودة». المتاح من هذه الحالة: تقديم الطلب، سحب الطلب.",
    );
  });
});
