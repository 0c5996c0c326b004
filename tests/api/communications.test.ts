// The communications log through the API: staff log contacts on a member's file and on a
// request's; every problem with the input is named at once; a researcher logs only on the
// cases referred to them; the committee reads a case's contacts but logs none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../api/db/client.js";
import type { Role } from "../../api/db/generated/enums.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord, seedReferenceData } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
let db: PrismaClient;
const tokens: Record<string, string> = {};
const userIds: Record<string, string> = {};
const record = `mutation($input: RecordCommunicationInput!) { recordCommunication(input: $input) {
  __typename
  ... on RecordCommunicationSuccess { communication { id channel direction subject body outcome
    occurredAt handledBy { fullName } member { fullNameAr } request { reference } } }
  ... on ValidationError { fieldErrors { path message } }
  ... on Error { code message }
} }`;

async function requestOf(memberId: string, researcherId: string | null = null) {
  return db.request.create({
    data: {
      memberId,
      typeCode: "FINANCIAL_SUPPORT",
      channel: "IN_PERSON",
      subject: "دعم إيجار",
      status: researcherId ? "WITH_RESEARCHER" : "SUBMITTED",
      reference: `REQ-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
      researcherId,
    },
  });
}

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  db = t.database.prisma;
  await seedReferenceData(db);
  const accounts: Record<string, Role[]> = {
    staff: ["STAFF"],
    researcher: ["RESEARCHER"],
    committee: ["COMMITTEE_MEMBER"],
  };
  for (const [name, roles] of Object.entries(accounts)) {
    const { user, token } = await signInStaff(t, `${name}@test.sa`, roles);
    userIds[name] = user.id;
    tokens[name] = token;
  }
});
afterAll(() => t?.close());

describe("logging a contact", () => {
  it("puts it on the request and the member's file, with a timeline event and an audit entry", async () => {
    const member = await createMemberRecord(db, { fullNameAr: "نورة سعد العتيبي" });
    const request = await requestOf(member.id);
    const result: Json = await t.gql(
      record,
      {
        input: {
          request: gid("Request", request.id),
          channel: "PHONE",
          direction: "OUTBOUND",
          subject: "  طلب صورة عقد الإيجار  ",
          body: "اتصلنا بالعضو وطلبنا صورة عقد الإيجار المحدث",
          outcome: "وعدت بإحضاره يوم الأحد",
        },
      },
      { token: tokens.staff },
    );
    const logged = result.data.recordCommunication;
    expect(logged.__typename, JSON.stringify(result)).toBe("RecordCommunicationSuccess");
    expect(logged.communication).toMatchObject({
      channel: "PHONE",
      direction: "OUTBOUND",
      subject: "طلب صورة عقد الإيجار",
      outcome: "وعدت بإحضاره يوم الأحد",
      handledBy: { fullName: "موظف staff" },
      member: { fullNameAr: "نورة سعد العتيبي" },
      request: { reference: request.reference },
    });

    const files: Json = await t.gql(
      `query($request: ID!, $member: ID!) {
        request: node(id: $request) { ... on Request { communications(first: 10) { totalCount edges { node { subject } } } } }
        member: node(id: $member) { ... on Member { communications(first: 10) { totalCount edges { node { subject } } } } }
      }`,
      { request: gid("Request", request.id), member: gid("Member", member.id) },
      { token: tokens.staff },
    );
    expect(files.errors).toBeUndefined();
    expect(files.data.request.communications.totalCount).toBe(1);
    expect(files.data.member.communications.edges[0].node.subject).toBe("طلب صورة عقد الإيجار");

    const event = await db.timelineEvent.findFirstOrThrow({
      where: { requestId: request.id, kind: "COMMUNICATION_LOGGED" },
    });
    expect(event).toMatchObject({ memberId: member.id, actorId: userIds.staff });
    expect(event.data).toMatchObject({ channel: "PHONE", direction: "OUTBOUND" });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityType: "Communication", requestId: request.id },
    });
    expect(audit.action).toBe("CREATE");
  });

  it("logs a contact on the member's file alone, newest first", async () => {
    const member = await createMemberRecord(db);
    for (const [subject, occurredAt] of [
      ["استفسار عن موعد صرف الدعم", "2026-03-01T08:00:00Z"],
      ["زيارة المقر لتحديث البيانات", "2026-03-05T08:00:00Z"],
    ]) {
      const result: Json = await t.gql(
        record,
        {
          input: {
            member: gid("Member", member.id),
            channel: "IN_PERSON",
            direction: "INBOUND",
            subject,
            occurredAt,
          },
        },
        { token: tokens.staff },
      );
      expect(result.data.recordCommunication.__typename).toBe("RecordCommunicationSuccess");
    }
    const file: Json = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Member { communications(first: 5) { edges { node { subject request { id } } } } } } }`,
      { id: gid("Member", member.id) },
      { token: tokens.staff },
    );
    expect(file.data.node.communications.edges.map((e: Json) => e.node)).toEqual([
      { subject: "زيارة المقر لتحديث البيانات", request: null },
      { subject: "استفسار عن موعد صرف الدعم", request: null },
    ]);
  });

  it("names every problem at once, in Arabic by default, and writes nothing", async () => {
    const before = await db.communication.count();
    const result: Json = await t.gql(
      record,
      {
        input: {
          channel: "PARTNER",
          direction: "INBOUND",
          subject: "   ",
          outcome: "ن".repeat(501),
          occurredAt: new Date(Date.now() + 3_600_000).toISOString(),
        },
      },
      { token: tokens.staff },
    );
    const refused = result.data.recordCommunication;
    expect(refused.__typename).toBe("ValidationError");
    expect(refused.fieldErrors).toEqual([
      { path: ["input", "subject"], message: "حقل «الموضوع» مطلوب." },
      { path: ["input", "outcome"], message: "حقل «النتيجة» أطول من 500 حرفاً." },
      { path: ["input", "channel"], message: "قناة «الشريك» لا تُستخدم لتسجيل تواصل مع العضو." },
      { path: ["input", "occurredAt"], message: "وقت التواصل لا يكون في المستقبل." },
      { path: ["input", "member"], message: "حدّد العضو أو الطلب الذي يخصه التواصل." },
    ]);
    expect(await db.communication.count()).toBe(before);
  });

  it("refuses a request of another member, naming the request", async () => {
    const [one, other] = [await createMemberRecord(db), await createMemberRecord(db)];
    const request = await requestOf(other.id);
    const result: Json = await t.gql(
      record,
      {
        input: {
          member: gid("Member", one.id),
          request: gid("Request", request.id),
          channel: "PHONE",
          direction: "INBOUND",
          subject: "استفسار",
        },
      },
      { token: tokens.staff, language: "en" },
    );
    expect(result.data.recordCommunication.fieldErrors).toEqual([
      { path: ["input", "request"], message: "That request belongs to another member." },
    ]);
    expect(await db.communication.count({ where: { requestId: request.id } })).toBe(0);
  });
});

describe("who may log and read", () => {
  it("a researcher logs on the cases referred to them only, and does not list a member's contacts", async () => {
    const member = await createMemberRecord(db);
    const theirs = await requestOf(member.id, userIds.researcher);
    const notTheirs = await requestOf(member.id);
    const input = (request: string | null) => ({
      ...(request ? { request: gid("Request", request) } : { member: gid("Member", member.id) }),
      channel: "IN_PERSON",
      direction: "OUTBOUND",
      subject: "تحديد موعد الزيارة المنزلية",
    });
    const codes = [];
    for (const request of [theirs.id, notTheirs.id, null]) {
      const result: Json = await t.gql(
        record,
        { input: input(request) },
        { token: tokens.researcher },
      );
      const answer = result.data.recordCommunication;
      codes.push(answer.__typename === "RecordCommunicationSuccess" ? "OK" : answer.code);
    }
    expect(codes).toEqual(["OK", "NOT_FOUND", "FORBIDDEN"]);
    const listing: Json = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Member { communications(first: 5) { totalCount } } } }`,
      { id: gid("Member", member.id) },
      { token: tokens.researcher },
    );
    expect(listing.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("the committee reads a case's contacts and logs none", async () => {
    const member = await createMemberRecord(db);
    const request = await requestOf(member.id);
    await t.gql(
      record,
      {
        input: {
          request: gid("Request", request.id),
          channel: "SOCIAL_MEDIA",
          direction: "INBOUND",
          subject: "سؤال عن حالة الطلب",
        },
      },
      { token: tokens.staff },
    );
    const read: Json = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Request { communications(first: 5) { edges { node { subject channel } } } } } }`,
      { id: gid("Request", request.id) },
      { token: tokens.committee },
    );
    expect(read.data.node.communications.edges[0].node).toEqual({
      subject: "سؤال عن حالة الطلب",
      channel: "SOCIAL_MEDIA",
    });
    const refused: Json = await t.gql(
      record,
      {
        input: {
          request: gid("Request", request.id),
          channel: "PHONE",
          direction: "OUTBOUND",
          subject: "x",
        },
      },
      { token: tokens.committee },
    );
    expect(refused.data.recordCommunication).toMatchObject({
      __typename: "ForbiddenError",
      code: "FORBIDDEN",
    });
    expect(await db.communication.count({ where: { requestId: request.id } })).toBe(1);
  });
});
