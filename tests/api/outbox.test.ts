// The outbox as staff read and steer it: filters, the rendered message, tries and errors,
// resend of FAILED, cancel of PENDING, and who may do so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
const tokens: Record<string, string> = {};
let memberId: string;
const ids: Record<string, string> = {};

const listQuery = `query($filter: OutboxFilter) { outbox(first: 50, filter: $filter) {
  totalCount edges { node { id event channel status address addressMasked subject body html attempts lastError
    version member { id } deliveryAttempts { attempt succeeded error } } } } }`;

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  const db = t.database.prisma;
  for (const [name, roles, access] of [
    ["admin", ["ADMIN"], true],
    ["staff", ["STAFF"], false],
    ["researcher", ["RESEARCHER"], false],
  ] as const) {
    tokens[name] = (
      await signInStaff(t, `${name}@outbox.sa`, [...roles], { personalDataAccess: access })
    ).token;
  }
  const member = await createMemberRecord(db, { mobile: "+966551234567" });
  memberId = member.id;
  const base = { memberId, language: "AR" as const, event: "REQUEST_SUBMITTED" as const };
  const failed = await db.notification.create({
    data: {
      ...base,
      channel: "EMAIL",
      address: "a@example.sa",
      subject: "تم استلام طلبك",
      body: "نص عربي\nسطر ثان",
      status: "FAILED",
      attempts: 8,
      lastError: "550 mailbox unavailable",
      deliveryAttempts: {
        create: [
          {
            attempt: 8,
            startedAt: new Date(),
            finishedAt: new Date(),
            succeeded: false,
            error: "550 mailbox unavailable",
          },
        ],
      },
    },
  });
  const pending = await db.notification.create({
    data: { ...base, channel: "SMS", address: member.mobile, subject: "s", body: "رسالة" },
  });
  const other = await createMemberRecord(db);
  await db.notification.create({
    data: {
      ...base,
      memberId: other.id,
      event: "COMPLETED",
      channel: "SMS",
      address: other.mobile,
      subject: "s",
      body: "x",
      status: "SENT",
    },
  });
  ids.failed = failed.id;
  ids.pending = pending.id;
});

afterAll(() => t?.close());

describe("the outbox", () => {
  it("lists members' notifications with filters by status, channel, event and member", async () => {
    const all = await t.gql<Json>(listQuery, {}, { token: tokens.staff });
    expect(all.data?.outbox.totalCount).toBe(3);
    const failed = await t.gql<Json>(
      listQuery,
      { filter: { status: "FAILED" } },
      { token: tokens.staff },
    );
    expect(failed.data?.outbox.edges.map((e: Json) => e.node.id)).toEqual([
      gid("Notification", ids.failed!),
    ]);
    const node = failed.data?.outbox.edges[0].node;
    expect(node).toMatchObject({
      channel: "EMAIL",
      attempts: 8,
      lastError: "550 mailbox unavailable",
      deliveryAttempts: [{ attempt: 8, succeeded: false, error: "550 mailbox unavailable" }],
    });
    // The HTML part as sent: right to left, each line a paragraph.
    expect(node.html).toContain('dir="rtl"');
    expect(node.html).toContain("سطر ثان");
    const byMember = await t.gql<Json>(
      listQuery,
      { filter: { member: gid("Member", memberId), channel: "SMS" } },
      { token: tokens.staff },
    );
    expect(byMember.data?.outbox.totalCount).toBe(1);
    const byEvent = await t.gql<Json>(
      listQuery,
      { filter: { event: "COMPLETED" } },
      { token: tokens.staff },
    );
    expect(byEvent.data?.outbox.totalCount).toBe(1);
  });

  it("gives the mobile in full only to personal-data readers, masked in a field of its own", async () => {
    const filter = { filter: { status: "PENDING" } };
    const staff = await t.gql<Json>(listQuery, filter, { token: tokens.staff });
    expect(staff.data?.outbox.edges[0].node.address).toBeNull();
    expect(staff.data?.outbox.edges[0].node.addressMasked).toMatch(/^\+966\*+67$/);
    const admin = await t.gql<Json>(listQuery, filter, { token: tokens.admin });
    expect(admin.data?.outbox.edges[0].node.address).toBe("+966551234567");
    expect(admin.data?.outbox.edges[0].node.addressMasked).toMatch(/^\+966\*+67$/);
  });

  it("is not for roles without the permission", async () => {
    const researcher = await t.gql<Json>(listQuery, {}, { token: tokens.researcher });
    expect(researcher.data?.outbox).toBeNull();
    expect(researcher.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("lists what was sent on the member's file", async () => {
    const result = await t.gql<Json>(
      `query($id: ID!) { node(id: $id) { ... on Member { notifications(first: 10) { totalCount } } } }`,
      { id: gid("Member", memberId) },
      { token: tokens.staff },
    );
    expect(result.data?.node.notifications.totalCount).toBe(2);
  });
});

const change = (
  field: string,
) => `mutation($input: ${field[0]!.toUpperCase()}${field.slice(1)}Input!) {
  ${field}(input: $input) {
    __typename
    ... on ${field[0]!.toUpperCase()}${field.slice(1)}Success { notification { status attempts version } }
    ... on Error { code message }
    ... on InvalidTransitionError { currentState allowed }
    ... on OutboxTransitionError { outboxStatus allowedOutboxActions }
  } }`;

describe("resend and cancel", () => {
  it("resends a FAILED notification with its tries counted afresh", async () => {
    const before = await t.database.prisma.notification.findUniqueOrThrow({
      where: { id: ids.failed },
    });
    const result = await t.gql<Json>(
      change("resendNotification"),
      { input: { id: gid("Notification", ids.failed!), version: before.version } },
      { token: tokens.staff },
    );
    expect(result.data?.resendNotification).toMatchObject({
      __typename: "ResendNotificationSuccess",
      notification: { status: "PENDING", attempts: 0, version: before.version + 1 },
    });
    const audit = await t.database.prisma.auditEntry.findFirst({
      where: { entityType: "Notification", entityId: ids.failed },
    });
    expect(audit?.changes).toMatchObject({ status: { before: "FAILED", after: "PENDING" } });
  });

  it("refuses to resend what is not FAILED, naming its state by its enums and in the caller's language", async () => {
    const row = await t.database.prisma.notification.findUniqueOrThrow({
      where: { id: ids.pending },
    });
    const result = await t.gql<Json>(
      change("resendNotification"),
      { input: { id: gid("Notification", ids.pending!), version: row.version } },
      { token: tokens.staff, language: "ar" },
    );
    expect(result.data?.resendNotification).toMatchObject({
      __typename: "OutboxTransitionError",
      code: "INVALID_TRANSITION",
      outboxStatus: "PENDING",
      allowedOutboxActions: ["CANCEL"],
      // The deprecated string fields of the InvalidTransitionError interface still answer.
      currentState: "PENDING",
      allowed: ["CANCEL"],
    });
    expect(result.data?.resendNotification.message).toContain("بانتظار الإرسال");
  });

  it("cancels a PENDING notification; a stale version is a conflict", async () => {
    const row = await t.database.prisma.notification.findUniqueOrThrow({
      where: { id: ids.pending },
    });
    const stale = await t.gql<Json>(
      change("cancelNotification"),
      { input: { id: gid("Notification", ids.pending!), version: row.version - 1 } },
      { token: tokens.staff },
    );
    expect(stale.data?.cancelNotification.__typename).toBe("ConflictError");
    const done = await t.gql<Json>(
      change("cancelNotification"),
      { input: { id: gid("Notification", ids.pending!), version: row.version } },
      { token: tokens.staff },
    );
    expect(done.data?.cancelNotification.notification.status).toBe("CANCELLED");
  });

  it("is refused to roles without the permission", async () => {
    const result = await t.gql<Json>(
      change("cancelNotification"),
      { input: { id: gid("Notification", ids.failed!), version: 1 } },
      { token: tokens.researcher },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
