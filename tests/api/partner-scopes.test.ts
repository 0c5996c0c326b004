// Each partner scope's allowed and refused operations, through the real server: membership
// verification says yes/no and the member number only; a partner submits on a member's behalf
// with the member's consent recorded on the request; it reads its own requests' status and
// dates, and any other request by global ID is not found (node lookup included); statistics
// are aggregates without small groups.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../api/db/client.js";
import type { PartnerScope } from "../../api/db/generated/enums.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import {
  createMemberRecord,
  createPartnerWithKey,
  seedReferenceData,
} from "../helpers/fixtures.js";
import { gid, rawId } from "../helpers/ids.js";

let t: TestApp;
let db: PrismaClient;
let staff: string;
let activeMember: { id: string; nationalId: string; memberNumber: string };
let applicant: { id: string; nationalId: string };

const partnerGql = (key: string, query: string, variables: Json = {}) =>
  t.gql(query, variables, { headers: { "x-api-key": key } });

async function keyWith(scopes: PartnerScope[]) {
  return createPartnerWithKey(db, scopes);
}

const verify = `query($nationalId: String!) { membershipVerification(input: { nationalId: $nationalId }) { active memberNumber } }`;

const submit = `mutation($input: SubmitPartnerRequestInput!) { submitPartnerRequest(input: $input) { __typename
  ... on SubmitPartnerRequestSuccess { request { id reference type status createdAt submittedAt } }
  ... on ValidationError { fieldErrors { path message } }
  ... on NotFoundError { message } ... on ForbiddenError { code } } }`;

const consent = () => ({
  givenBy: "سارة علي الحربي",
  method: "SIGNED_FORM",
  givenAt: new Date(Date.now() - 3_600_000).toISOString(),
});

const inquiry = (nationalId: string) => ({
  nationalId,
  type: "INQUIRY",
  subject: "استفسار عن موعد صرف الإعانة",
  consent: consent(),
});

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  db = t.database.prisma;
  await seedReferenceData(db);
  activeMember = await createMemberRecord(db, { status: "ACTIVE", registeredAt: new Date() });
  applicant = await createMemberRecord(db, { status: "APPLICANT" });
  staff = (await signInStaff(t, "staff@test.sa", ["STAFF"])).token;
});

afterAll(() => t?.close());

describe("membership:verify", () => {
  it("answers yes and the member number for an active member, and nothing else", async () => {
    const { key } = await keyWith(["MEMBERSHIP_VERIFY"]);
    const yes = await partnerGql(key, verify, { nationalId: activeMember.nationalId });
    expect(yes.data?.membershipVerification).toEqual({
      active: true,
      memberNumber: activeMember.memberNumber,
    });
    // Not an active member, or no member at all: the same answer, nothing to tell them apart.
    const no = await partnerGql(key, verify, { nationalId: applicant.nationalId });
    expect(no.data?.membershipVerification).toEqual({ active: false, memberNumber: null });
    const nobody = await partnerGql(key, verify, { nationalId: "1000000008" });
    expect(nobody.data?.membershipVerification).toEqual({ active: false, memberNumber: null });
    // Arabic-Indic digits are the same ID.
    const arabicDigits = activeMember.nationalId.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!);
    const same = await partnerGql(key, verify, { nationalId: arabicDigits });
    expect(same.data?.membershipVerification.active).toBe(true);
  });

  it("refuses a malformed national ID naming the field, in the caller's language", async () => {
    const { key } = await keyWith(["MEMBERSHIP_VERIFY"]);
    const result = await t.gql(
      verify,
      { nationalId: "12345" },
      { headers: { "x-api-key": key }, language: "en" },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "VALIDATION_FAILED",
      fieldErrors: [{ path: ["input", "nationalId"] }],
    });
  });

  it("is refused without the scope, to staff and to anonymous callers", async () => {
    const { key } = await keyWith(["STATS_READ", "REQUESTS_READ", "REQUESTS_SUBMIT"]);
    const refused = await partnerGql(key, verify, { nationalId: activeMember.nationalId });
    expect(refused.data?.membershipVerification).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byStaff = await t.gql(verify, { nationalId: activeMember.nationalId }, { token: staff });
    expect(byStaff.data?.membershipVerification).toBeNull();
    const anonymous = await t.gql(verify, { nationalId: activeMember.nationalId });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("requests:submit and requests:read", () => {
  it("submits on channel PARTNER with the member's consent recorded on the request", async () => {
    const { key, partner } = await keyWith(["REQUESTS_SUBMIT"]);
    const given = consent();
    const result = await partnerGql(key, submit, {
      input: { ...inquiry(activeMember.nationalId), consent: given },
    });
    const answer = result.data?.submitPartnerRequest;
    expect(answer.__typename).toBe("SubmitPartnerRequestSuccess");
    expect(answer.request).toMatchObject({ type: "INQUIRY", status: "SUBMITTED" });
    expect(answer.request.reference).toMatch(/^REQ-\d{4}-\d+$/);
    const stored = await db.request.findUniqueOrThrow({ where: { id: rawId(answer.request.id) } });
    expect(stored).toMatchObject({
      channel: "PARTNER",
      partnerId: partner.id,
      memberId: activeMember.id,
      partnerConsentBy: given.givenBy,
      partnerConsentMethod: "SIGNED_FORM",
      partnerConsentAt: new Date(given.givenAt),
    });
    // Audited as the partner's act, consent included.
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityType: "Request", entityId: stored.id, action: "CREATE" },
    });
    expect(audit).toMatchObject({ actorKind: "PARTNER", actorId: partner.id });
    expect(JSON.stringify(audit.changes)).toContain("SIGNED_FORM");
  });

  it("refuses a consent dated in the future and an unknown member, writing nothing", async () => {
    const { key } = await keyWith(["REQUESTS_SUBMIT"]);
    const before = await db.request.count();
    const future = await partnerGql(key, submit, {
      input: {
        ...inquiry(activeMember.nationalId),
        consent: { ...consent(), givenAt: new Date(Date.now() + 86_400_000).toISOString() },
      },
    });
    expect(future.data?.submitPartnerRequest.__typename).toBe("ValidationError");
    expect(future.data?.submitPartnerRequest.fieldErrors[0].path).toEqual(["input", "givenAt"]);
    const unknown = await partnerGql(key, submit, { input: inquiry("1000000008") });
    expect(unknown.data?.submitPartnerRequest.__typename).toBe("NotFoundError");
    // The consent is part of the input's type: without it the operation does not run.
    const { consent: _omitted, ...withoutConsent } = inquiry(activeMember.nationalId);
    const missing = await partnerGql(key, submit, { input: withoutConsent });
    expect(missing.errors?.[0]?.message).toMatch(/consent/);
    expect(await db.request.count()).toBe(before);
  });

  it("refuses submission without the scope", async () => {
    const { key } = await keyWith(["REQUESTS_READ", "MEMBERSHIP_VERIFY"]);
    const result = await partnerGql(key, submit, { input: inquiry(activeMember.nationalId) });
    expect(result.data?.submitPartnerRequest.__typename).toBe("ForbiddenError");
  });

  it("lists a partner's own requests, status and dates only; another's by global ID is not found", async () => {
    const ours = await keyWith(["REQUESTS_READ", "REQUESTS_SUBMIT"]);
    const theirs = await keyWith(["REQUESTS_READ", "REQUESTS_SUBMIT"]);
    const submitted = async (key: string) =>
      (await partnerGql(key, submit, { input: inquiry(activeMember.nationalId) })).data
        ?.submitPartnerRequest.request.id as string;
    const ourId = await submitted(ours.key);
    const theirId = await submitted(theirs.key);
    const staffRequest = await db.request.create({
      data: { memberId: activeMember.id, typeCode: "INQUIRY", channel: "PHONE", subject: "x" },
    });

    const list = await partnerGql(
      ours.key,
      `{ partnerRequests(first: 10) { totalCount edges { node { id status reference } } } }`,
    );
    expect(list.data?.partnerRequests.totalCount).toBe(1);
    expect(list.data?.partnerRequests.edges.map((e: Json) => e.node.id)).toEqual([ourId]);

    const byNode = (key: string, id: string) =>
      partnerGql(key, `query($id: ID!) { node(id: $id) { id ... on PartnerRequest { status } } }`, {
        id,
      });
    expect((await byNode(ours.key, ourId)).data?.node).toMatchObject({
      id: ourId,
      status: "SUBMITTED",
    });
    // Another partner's request, under either of its global IDs, and a staff-only request:
    // not found, with no error that would say it exists.
    for (const id of [
      theirId,
      gid("Request", rawId(theirId)),
      gid("Request", rawId(ourId)),
      gid("PartnerRequest", staffRequest.id),
      gid("Member", activeMember.id),
      gid("PartnerRequest", "00000000-0000-7000-8000-000000000000"),
    ]) {
      const found = await byNode(ours.key, id);
      expect(found.data?.node, id).toBeNull();
      expect(found.errors, id).toBeUndefined();
    }
    // The staff view of the same request is not a partner's to read.
    const staffView = await partnerGql(
      ours.key,
      `query($id: ID!) { request(id: $id) { subject } }`,
      { id: gid("Request", rawId(ourId)) },
    );
    expect(staffView.data?.request ?? null).toBeNull();
  });

  it("with requests:submit alone, answers the submitted request but lists nothing", async () => {
    const { key } = await keyWith(["REQUESTS_SUBMIT"]);
    const id = (await partnerGql(key, submit, { input: inquiry(activeMember.nationalId) })).data
      ?.submitPartnerRequest.request.id;
    expect(id).toBeTruthy();
    const list = await partnerGql(key, `{ partnerRequests(first: 10) { totalCount } }`);
    expect(list.data?.partnerRequests).toBeNull();
    const node = await partnerGql(key, `query($id: ID!) { node(id: $id) { id } }`, { id });
    expect(node.data?.node ?? null).toBeNull();
  });
});

describe("requests the member shared with a partner", () => {
  const share = `mutation($input: ShareRequestWithPartnerInput!) { shareRequestWithPartner(input: $input) { __typename
    ... on ValidationError { fieldErrors { path } } } }`;

  it("are read by that partner (status and dates) once staff record the member's consent", async () => {
    const shared = await keyWith(["REQUESTS_READ"]);
    const other = await keyWith(["REQUESTS_READ"]);
    const request = await db.request.create({
      data: { memberId: activeMember.id, typeCode: "INQUIRY", channel: "PHONE", subject: "s" },
    });
    const id = gid("PartnerRequest", request.id);
    const lookup = (key: string) =>
      partnerGql(key, `query($id: ID!) { node(id: $id) { ... on PartnerRequest { status } } }`, {
        id,
      });
    expect((await lookup(shared.key)).data?.node).toBeNull();

    const input = {
      request: gid("Request", request.id),
      partner: gid("Partner", shared.partner.id),
      consent: consent(),
    };
    const recorded = await t.gql(share, { input }, { token: staff });
    expect(recorded.data?.shareRequestWithPartner.__typename).toBe(
      "ShareRequestWithPartnerSuccess",
    );
    expect((await lookup(shared.key)).data?.node).toEqual({ status: "DRAFT" });
    expect((await lookup(other.key)).data?.node).toBeNull();
    const list = await partnerGql(
      shared.key,
      `{ partnerRequests(first: 10) { edges { node { id } } } }`,
    );
    expect(list.data?.partnerRequests.edges.map((e: Json) => e.node.id)).toEqual([id]);
    const stored = await db.requestPartnerShare.findFirstOrThrow({
      where: { requestId: request.id },
    });
    expect(stored).toMatchObject({ partnerId: shared.partner.id, consentMethod: "SIGNED_FORM" });
    const audit = await db.auditEntry.findFirst({
      where: { entityType: "RequestPartnerShare", requestId: request.id },
    });
    expect(audit?.actorKind).toBe("USER");

    // Once per partner; and partners cannot share requests themselves.
    const again = await t.gql(share, { input }, { token: staff });
    expect(again.data?.shareRequestWithPartner.fieldErrors[0].path).toEqual(["input", "partner"]);
    const byPartner = await partnerGql(shared.key, share, { input });
    expect(byPartner.data?.shareRequestWithPartner.__typename).toBe("ForbiddenError");
  });
});

describe("stats:read", () => {
  it("gives aggregates only, leaving out groups smaller than the minimum", async () => {
    const { key } = await keyWith(["STATS_READ"]);
    const now = new Date();
    const rows = (typeCode: "COMPLAINT" | "SUGGESTION", n: number) =>
      Array.from({ length: n }, () => ({
        memberId: activeMember.id,
        typeCode,
        channel: "PHONE" as const,
        subject: "s",
        status: "SUBMITTED" as const,
        submittedAt: now,
      }));
    await db.request.createMany({ data: [...rows("COMPLAINT", 6), ...rows("SUGGESTION", 2)] });
    const result = await partnerGql(
      key,
      `{ partnerStatistics { minimumGroupSize activeMembers requestsSubmitted requestsByType { type count } requestsByStatus { status count } } }`,
    );
    const stats = result.data?.partnerStatistics;
    expect(stats.minimumGroupSize).toBe(5);
    // One active member in this database: under the minimum, so not given.
    expect(stats.activeMembers).toBeNull();
    const types = stats.requestsByType.map((g: Json) => g.type);
    expect(types).toContain("COMPLAINT");
    expect(types).not.toContain("SUGGESTION");
    for (const group of [...stats.requestsByType, ...stats.requestsByStatus])
      expect(group.count).toBeGreaterThanOrEqual(5);
    const refused = await partnerGql(
      (await keyWith(["MEMBERSHIP_VERIFY"])).key,
      `{ partnerStatistics { from } }`,
    );
    expect(refused.data?.partnerStatistics).toBeNull();
  });
});
