// The end of a committee request: the approved amount is bounded (above zero, at most the
// type's ceiling where it has one, editable by admins), and an approved request is completed
// only once every document its type requires has been verified (accepted).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentKind } from "../../api/db/generated/enums.js";
import { createRequestRecord, seedRequestRules } from "../fixtures/requests.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord, outsideMeeting } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
let admin: string;
let chair: string;
let memberId: string;

const decide = `mutation($input: RecordDecisionInput!) {
  recordDecision(input: $input) {
    __typename
    ... on RecordDecisionSuccess { request { status amountApproved version } }
    ... on ValidationError { code fieldErrors { path message } }
  }
}`;
const complete = `mutation($input: CompleteRequestInput!) {
  completeRequest(input: $input) {
    __typename
    ... on CompleteRequestSuccess { request { status } }
    ... on IncompleteRequestError { code message gaps { kind name message } }
  }
}`;
const editType = `mutation($input: UpdateRequestTypeInput!) {
  updateRequestType(input: $input) {
    __typename
    ... on UpdateRequestTypeSuccess { requestType { maxAmount version } }
    ... on ValidationError { fieldErrors { path message } }
  }
}`;

async function inCommittee(amountRequested = "2000.00") {
  return createRequestRecord(t.database.prisma, memberId, {
    status: "IN_COMMITTEE",
    reference: `REQ-${Math.random().toString(36).slice(2, 10)}`,
    submittedAt: new Date(),
    amountRequested,
  });
}

async function attach(requestId: string, kind: DocumentKind, verification: "PENDING" | "ACCEPTED") {
  return t.database.prisma.document.create({
    data: {
      memberId: (await t.database.prisma.request.findUniqueOrThrow({ where: { id: requestId } }))
        .memberId,
      requestId,
      kind,
      fileName: `${kind}.pdf`,
      contentType: "application/pdf",
      size: 100,
      sha256: "0".repeat(64),
      storageKey: `${requestId}-${kind}-${Math.random()}`,
      uploadedByActor: "USER",
      verification,
    },
  });
}

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  const db = t.database.prisma;
  await seedRequestRules(db);
  const access = { personalDataAccess: true };
  admin = (await signInStaff(t, "admin@test.sa", ["ADMIN", "STAFF"], access)).token;
  chair = (await signInStaff(t, "chair@test.sa", ["COMMITTEE_CHAIR"])).token;
  memberId = (await createMemberRecord(db, { status: "ACTIVE" })).id;
});

afterAll(() => t?.close());

/** The chair approves the request as read, with what the test adds (e.g. the amount). */
function approve(
  request: { id: string; version: number },
  extra: Record<string, unknown> = {},
  language?: string,
) {
  const input = { id: gid("Request", request.id), version: request.version, ...extra };
  return t.gql(
    decide,
    { input: { decision: "APPROVED", reason: "استوفى الشروط", ...outsideMeeting, ...input } },
    { token: chair, language },
  );
}

describe("the approved amount", () => {
  it("admins set and clear a type's ceiling; it must be above zero", async () => {
    const type = await t.database.prisma.requestType.findUniqueOrThrow({
      where: { code: "FINANCIAL_SUPPORT" },
    });
    const refused = await t.gql(
      editType,
      { input: { code: "FINANCIAL_SUPPORT", version: type.version, maxAmount: "0" } },
      { token: admin, language: "en" },
    );
    expect(refused.data?.updateRequestType.fieldErrors).toEqual([
      { path: ["input", "maxAmount"], message: expect.stringContaining("greater than zero") },
    ]);
    const set = await t.gql(
      editType,
      { input: { code: "FINANCIAL_SUPPORT", version: type.version, maxAmount: "3000" } },
      { token: admin },
    );
    expect(set.data?.updateRequestType.requestType.maxAmount).toBe("3000.00");
  });

  it("must be above zero", async () => {
    const request = await inCommittee();
    const result = await approve(request, { amountApproved: "0" }, "en");
    expect(result.data?.recordDecision.fieldErrors).toEqual([
      { path: ["input", "amountApproved"], message: expect.stringContaining("greater than zero") },
    ]);
  });

  it("is at most the type's ceiling, and the error says the ceiling", async () => {
    const request = await inCommittee();
    const above = await approve(request, { amountApproved: "3000.01" });
    expect(above.data?.recordDecision.fieldErrors).toEqual([
      { path: ["input", "amountApproved"], message: expect.stringContaining("3000") },
    ]);
    expect(above.data?.recordDecision.fieldErrors[0].message).toMatch(/الحد الأعلى/);
    const within = await approve(request, { amountApproved: "3000" });
    expect(within.data?.recordDecision.request).toMatchObject({
      status: "APPROVED",
      amountApproved: "3000.00",
    });
  });

  it("granting the amount requested is bounded too", async () => {
    const request = await inCommittee("4500.00");
    const result = await approve(request, {}, "en");
    expect(result.data?.recordDecision.fieldErrors).toEqual([
      { path: ["input", "amountApproved"], message: expect.stringContaining("3000") },
    ]);
  });
});

describe("completing an approved request", () => {
  it("requires every required document accepted, naming those that are not", async () => {
    const request = await t.database.prisma.request.update({
      where: { id: (await inCommittee()).id },
      data: { status: "APPROVED", decision: "APPROVED", amountApproved: "2000" },
    });
    await attach(request.id, "NATIONAL_ID_COPY", "ACCEPTED");
    const income = await attach(request.id, "INCOME_PROOF", "PENDING");
    const input = { id: gid("Request", request.id), version: request.version };

    const refused = await t.gql(complete, { input }, { token: admin, language: "en" });
    expect(refused.data?.completeRequest).toMatchObject({
      __typename: "IncompleteRequestError",
      gaps: [
        {
          kind: "UNVERIFIED_DOCUMENT",
          name: "INCOME_PROOF",
          message: expect.stringContaining("Proof of income"),
        },
      ],
    });
    expect(await t.database.prisma.request.findUnique({ where: { id: request.id } })).toMatchObject(
      { status: "APPROVED" },
    );

    await t.database.prisma.document.update({
      where: { id: income.id },
      data: { verification: "ACCEPTED" },
    });
    const completed = await t.gql(complete, { input }, { token: admin });
    expect(completed.data?.completeRequest.request.status).toBe("COMPLETED");
  });

  it("a rejected request closes without it: its documents may be why it was rejected", async () => {
    const request = await t.database.prisma.request.update({
      where: { id: (await inCommittee()).id },
      data: { status: "REJECTED", decision: "REJECTED" },
    });
    await attach(request.id, "INCOME_PROOF", "PENDING");
    const result: Json = await t.gql(
      complete,
      { input: { id: gid("Request", request.id), version: request.version } },
      { token: admin },
    );
    expect(result.data?.completeRequest.request.status).toBe("COMPLETED");
  });
});
