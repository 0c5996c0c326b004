import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../api/auth/caller.js";
import { run } from "../../api/db/commands.js";
import {
  attestationStatus,
  canonicalJson,
  markAttestationStaleIfChanged,
  requestDataHash,
  signAttestation,
} from "../../api/modules/requests/attestation/service.js";
import { createRequestRecord, seedRequestRules } from "../fixtures/requests.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { createMemberRecord, createStaffUser, password } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
let staffCaller: Caller;
let staff: string;
let researcher: string;
let memberId: string;

const recordMutation = `mutation($input: RecordAttestationInput!) {
  recordAttestation(input: $input) {
    __typename
    ... on RecordAttestationSuccess { request { id attestation { status required version text signedAt method stale recordedByName } } }
    ... on ValidationError { code message fieldErrors { path message } }
    ... on NotFoundError { code }
    ... on Error { code message }
  }
}`;

const attestationQuery = `query($id: ID!) { node(id: $id) { ... on Request { attestation { status version text signedAt method stale } } } }`;

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  const db = t.database.prisma;
  await seedRequestRules(db);
  const user = await createStaffUser(db, "desk@test.sa", ["STAFF"]);
  await createStaffUser(db, "researcher@test.sa", ["RESEARCHER"]);
  staffCaller = {
    kind: "user",
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    roles: user.roles,
    personalDataAccess: false,
  };
  memberId = (
    await createMemberRecord(db, {
      familySize: 5,
      monthlyIncome: "3200.00",
      maritalStatus: "MARRIED",
      employmentStatus: "UNEMPLOYED",
    })
  ).id;
  staff = await t.signIn("desk@test.sa", password);
  researcher = await t.signIn("researcher@test.sa", password);
});

afterAll(() => t?.close());

describe("the canonical data hash", () => {
  it("does not depend on key order or on how an amount is written", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { x: 2, y: 1 }] }, b: 1 }),
    );
  });

  it("changes when a covered member fact changes", async () => {
    const db = t.database.prisma;
    const member = await createMemberRecord(db, { familySize: 3 });
    const request = await createRequestRecord(db, member.id);
    const before = await requestDataHash(db, request.id);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    await db.member.update({ where: { id: member.id }, data: { familySize: 4 } });
    expect(await requestDataHash(db, request.id)).not.toBe(before);
    // Not covered: the city. The signature stays valid.
    const after = await requestDataHash(db, request.id);
    await db.member.update({ where: { id: member.id }, data: { city: "جدة" } });
    expect(await requestDataHash(db, request.id)).toBe(after);
  });
});

describe("attestationStatus and markAttestationStaleIfChanged (the life cycle's contract)", () => {
  it("is MISSING, then SIGNED once recorded, with the data hash stored", async () => {
    const db = t.database.prisma;
    const request = await createRequestRecord(db, memberId);
    expect(await attestationStatus(db, request.id)).toBe("MISSING");
    const attestation = await run(t.app.services, staffCaller, signAttestation, {
      requestId: request.id,
      method: "IN_PERSON",
    });
    expect(attestation.dataHash).toBe(await requestDataHash(db, request.id));
    expect(attestation.memberId).toBe(memberId);
    expect(attestation.recordedById).toBe(staffCaller.kind === "user" ? staffCaller.id : null);
    expect(await attestationStatus(db, request.id)).toBe("SIGNED");
  });

  it("marks nothing when the data did not change", async () => {
    const db = t.database.prisma;
    const request = await createRequestRecord(db, memberId);
    await run(t.app.services, staffCaller, signAttestation, {
      requestId: request.id,
      method: "IN_PERSON",
    });
    const marked = await db.$transaction(async (tx) => {
      await tx.request.update({ where: { id: request.id }, data: { channel: "PHONE" } });
      return markAttestationStaleIfChanged(
        { tx, caller: staffCaller, now: new Date() },
        request.id,
      );
    });
    expect(marked).toBe(false);
    expect(await attestationStatus(db, request.id)).toBe("SIGNED");
  });

  it("marks the attestation stale after a data change, with a timeline event and an audit entry", async () => {
    const db = t.database.prisma;
    const request = await createRequestRecord(db, memberId);
    const signed = await run(t.app.services, staffCaller, signAttestation, {
      requestId: request.id,
      method: "IN_PERSON",
    });
    const marked = await db.$transaction(async (tx) => {
      await tx.request.update({ where: { id: request.id }, data: { amountRequested: "9000" } });
      return markAttestationStaleIfChanged(
        { tx, caller: staffCaller, now: new Date() },
        request.id,
      );
    });
    expect(marked).toBe(true);
    expect(await attestationStatus(db, request.id)).toBe("STALE");
    const stored = await db.attestation.findUniqueOrThrow({ where: { id: signed.id } });
    expect(stored.staleAt).toBeInstanceOf(Date);
    expect(
      await db.timelineEvent.count({ where: { requestId: request.id, kind: "ATTESTATION_STALE" } }),
    ).toBe(1);
    expect(
      await db.auditEntry.count({
        where: { entityType: "Attestation", entityId: signed.id, action: "UPDATE" },
      }),
    ).toBe(1);
    // Marking again finds no current attestation: nothing more is written.
    expect(
      await db.$transaction((tx) =>
        markAttestationStaleIfChanged({ tx, caller: staffCaller, now: new Date() }, request.id),
      ),
    ).toBe(false);
  });

  it("rolls the mark back with the change when the transaction fails", async () => {
    const db = t.database.prisma;
    const request = await createRequestRecord(db, memberId);
    await run(t.app.services, staffCaller, signAttestation, {
      requestId: request.id,
      method: "IN_PERSON",
    });
    await expect(
      db.$transaction(async (tx) => {
        await tx.request.update({ where: { id: request.id }, data: { subject: "موضوع آخر" } });
        await markAttestationStaleIfChanged(
          { tx, caller: staffCaller, now: new Date() },
          request.id,
        );
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await attestationStatus(db, request.id)).toBe("SIGNED");
    expect(
      await db.timelineEvent.count({ where: { requestId: request.id, kind: "ATTESTATION_STALE" } }),
    ).toBe(0);
  });

  it("reports STALE when member facts changed elsewhere, and SIGNED again after a new signature", async () => {
    const db = t.database.prisma;
    const member = await createMemberRecord(db, { monthlyIncome: "1000.00" });
    const request = await createRequestRecord(db, member.id);
    await run(t.app.services, staffCaller, signAttestation, {
      requestId: request.id,
      method: "IN_PERSON",
    });
    await db.member.update({ where: { id: member.id }, data: { monthlyIncome: "1500.00" } });
    expect(await attestationStatus(db, request.id)).toBe("STALE");
    await run(t.app.services, staffCaller, signAttestation, {
      requestId: request.id,
      method: "IN_PERSON",
    });
    expect(await attestationStatus(db, request.id)).toBe("SIGNED");
  });

  it("refuses to let staff record an electronic signature: the member signs it from their link", async () => {
    const request = await createRequestRecord(t.database.prisma, memberId);
    await expect(
      run(t.app.services, staffCaller, signAttestation, {
        requestId: request.id,
        method: "ELECTRONIC",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});

describe("recordAttestation and Request.attestation", () => {
  it("records an in-person signature by staff, shown on the request in the caller's language", async () => {
    const request = await createRequestRecord(t.database.prisma, memberId);
    const result = await t.gql(
      recordMutation,
      { input: { request: gid("Request", request.id), method: "IN_PERSON" } },
      { token: staff, language: "en" },
    );
    const payload = result.data?.recordAttestation;
    expect(payload.__typename).toBe("RecordAttestationSuccess");
    expect(payload.request.attestation).toMatchObject({
      status: "SIGNED",
      required: true,
      version: 1,
      method: "IN_PERSON",
      stale: false,
      recordedByName: "موظف desk",
    });
    expect(payload.request.attestation.text).toMatch(/^I, the applicant, declare/);
    const events = await t.database.prisma.timelineEvent.findMany({
      where: { requestId: request.id, kind: "ATTESTATION_SIGNED" },
    });
    expect(events).toHaveLength(1);
    expect(
      await t.database.prisma.auditEntry.count({
        where: { entityType: "Attestation", action: "CREATE", actorLabel: "desk@test.sa" },
      }),
    ).toBeGreaterThanOrEqual(1);
  });

  it("shows a stale attestation as STALE, and MISSING with the current text when none", async () => {
    const db = t.database.prisma;
    const request = await createRequestRecord(db, memberId);
    const missing = await t.gql(
      attestationQuery,
      { id: gid("Request", request.id) },
      { token: staff },
    );
    expect(missing.data?.node.attestation).toMatchObject({
      status: "MISSING",
      version: 1,
      signedAt: null,
      method: null,
      stale: false,
    });
    expect(missing.data?.node.attestation.text).toMatch(/^أقر أنا مقدم الطلب/);
    await run(t.app.services, staffCaller, signAttestation, {
      requestId: request.id,
      method: "IN_PERSON",
    });
    await db.$transaction(async (tx) => {
      await tx.request.update({ where: { id: request.id }, data: { description: "وصف جديد" } });
      await markAttestationStaleIfChanged({ tx, caller: staffCaller, now: new Date() }, request.id);
    });
    const stale = await t.gql(
      attestationQuery,
      { id: gid("Request", request.id) },
      { token: staff },
    );
    expect(stale.data?.node.attestation).toMatchObject({ status: "STALE", stale: true });
  });

  it("refuses a second signature over unchanged data, naming the request", async () => {
    const request = await createRequestRecord(t.database.prisma, memberId);
    const input = { request: gid("Request", request.id), method: "IN_PERSON" };
    await t.gql(recordMutation, { input }, { token: staff });
    const again = await t.gql(recordMutation, { input }, { token: staff });
    expect(again.data?.recordAttestation).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: ["input", "request"] }],
    });
  });

  it("is refused to a researcher and to an anonymous caller", async () => {
    const request = await createRequestRecord(t.database.prisma, memberId);
    const input = { request: gid("Request", request.id), method: "IN_PERSON" };
    const asResearcher = await t.gql(recordMutation, { input }, { token: researcher });
    expect(asResearcher.data?.recordAttestation).toMatchObject({
      __typename: "ForbiddenError",
      code: "FORBIDDEN",
    });
    const anonymous = await t.gql(recordMutation, { input });
    expect(anonymous.data?.recordAttestation.code).toBe("UNAUTHENTICATED");
    expect(await t.database.prisma.attestation.count({ where: { requestId: request.id } })).toBe(0);
  });

  it("returns NotFoundError for an unknown request", async () => {
    const result = await t.gql(
      recordMutation,
      {
        input: {
          request: gid("Request", "0190f0c0-0000-7000-8000-000000000000"),
          method: "IN_PERSON",
        },
      },
      { token: staff },
    );
    expect(result.data?.recordAttestation.__typename).toBe("NotFoundError");
  });

  it("serves the current attestation text in Arabic and English", async () => {
    const result = await t.gql(`{ attestationText { version textAr textEn effectiveFrom } }`);
    const text: Json = result.data?.attestationText;
    expect(text.version).toBe(1);
    expect(text.textAr).toMatch(/^أقر/);
    expect(text.textEn).toMatch(/^I, the applicant/);
  });
});
