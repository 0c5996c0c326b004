// What reaches staff: a case referred to a researcher lights their bell at once (a real
// graphql-ws client), the count goes down as they read; decision reminders come from a
// scheduled job that runs once per due time even when two instances run it together.
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  decisionReminders,
  dueTimeOf,
  runIfDue,
} from "../../api/modules/notifications/reminders.js";
import { type Json, socketClient, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord, seedReferenceData } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
const tokens: Record<string, string> = {};
const users: Record<string, { id: string; email: string }> = {};
const clients: Client[] = [];
let serial = 0;

function connect(token: string): Client {
  const client = socketClient(t.url, {
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    onNonLazyError: () => {},
  });
  clients.push(client);
  return client;
}

/** The unread counts a user's bell receives, as they arrive. */
function bell(token: string) {
  const counts: number[] = [];
  const client = connect(token);
  const ready = new Promise<void>((resolve) =>
    client.on("connected", () => setTimeout(resolve, 150)),
  );
  client.subscribe(
    { query: "subscription { myNotificationsChanged { unreadCount } }" },
    {
      next: (value) => counts.push((value.data as Json).myNotificationsChanged.unreadCount),
      error: () => {},
      complete: () => {},
    },
  );
  return { counts, ready };
}

async function until(check: () => boolean, ms = 5_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A submitted support request, due at `decisionDueAt`, assigned to `assignee`. */
async function submittedRequest(decisionDueAt: Date, assigneeId?: string) {
  serial += 1;
  const member = await createMemberRecord(t.database.prisma, { fullNameAr: "فاطمة الزهراني" });
  return t.database.prisma.request.create({
    data: {
      memberId: member.id,
      typeCode: "FINANCIAL_SUPPORT",
      channel: "IN_PERSON",
      subject: "دعم إيجار",
      status: "SUBMITTED",
      reference: `REQ-2026-9${String(serial).padStart(5, "0")}`,
      submittedAt: new Date(decisionDueAt.getTime() - 14 * 86_400_000),
      decisionDueAt,
      assigneeId: assigneeId ?? null,
    },
  });
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.prisma;
  await seedReferenceData(db, { templates: true });
  for (const [name, roles] of [
    ["staff", ["STAFF"]],
    ["researcher", ["RESEARCHER"]],
    ["other", ["RESEARCHER"]],
  ] as const) {
    const { user, token } = await signInStaff(t, `${name}@bell.sa`, [...roles]);
    users[name] = { id: user.id, email: user.email };
    tokens[name] = token;
  }
});

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await t?.close();
});

describe("a case assigned", () => {
  it("lights the researcher's bell live, and not another's; reading it puts it out", async () => {
    const request = await submittedRequest(new Date(Date.now() + 10 * 86_400_000));
    const researcher = bell(tokens.researcher!);
    const other = bell(tokens.other!);
    await Promise.all([researcher.ready, other.ready]);

    const referred = await t.gql<Json>(
      `mutation($input: ReferToResearcherInput!) { referToResearcher(input: $input) { __typename } }`,
      {
        input: {
          id: gid("Request", request.id),
          version: request.version,
          researcher: gid("User", users.researcher!.id),
        },
      },
      { token: tokens.staff },
    );
    expect(referred.data?.referToResearcher.__typename).toBe("ReferToResearcherSuccess");
    await until(() => researcher.counts.length > 0);
    expect(researcher.counts).toEqual([1]);

    const mine = await t.gql<Json>(
      `{ myUnreadNotificationCount myNotifications(first: 10) { totalCount edges { node {
          id event subject body readAt request { reference } } } } }`,
      {},
      { token: tokens.researcher },
    );
    expect(mine.data?.myUnreadNotificationCount).toBe(1);
    const node = mine.data?.myNotifications.edges[0].node;
    expect(node).toMatchObject({ event: "CASE_ASSIGNED", readAt: null });
    expect(node.request.reference).toBe(request.reference);
    expect(node.body).toContain(request.reference);
    // And by e-mail, through the outbox.
    const email = await t.database.prisma.notification.findFirstOrThrow({
      where: { userId: users.researcher!.id, channel: "EMAIL" },
    });
    expect(email).toMatchObject({ status: "PENDING", address: users.researcher!.email });
    expect(email.body).toContain("فاطمة الزهراني");

    const read = await t.gql<Json>(
      `mutation { markNotificationsRead(input: {}) { unreadCount } }`,
      {},
      { token: tokens.researcher },
    );
    expect(read.data?.markNotificationsRead.unreadCount).toBe(0);
    await until(() => researcher.counts.length > 1);
    expect(researcher.counts).toEqual([1, 0]);
    expect(other.counts).toEqual([]);
    const others = await t.gql<Json>(
      `{ myNotifications(first: 10) { totalCount } }`,
      {},
      { token: tokens.other },
    );
    expect(others.data?.myNotifications.totalCount).toBe(0);
  });
});

describe("decision reminders", () => {
  const everyMs = 60_000;

  it("remind the assignee once when a decision is due soon, then once when it is overdue", async () => {
    const now = new Date("2026-12-02T06:00:00Z");
    const dueSoon = await submittedRequest(
      new Date(now.getTime() + 2 * 86_400_000),
      users.staff!.id,
    );
    const job = decisionReminders(everyMs);
    const context = { prisma: t.database.prisma, pubsub: t.app.services.pubsub, now };
    // Two instances at the same due time: one runs it, the other finds it claimed.
    const [a, b] = await Promise.all([runIfDue(job, context), runIfDue(job, context)]);
    expect([a, b].filter((run) => run === null)).toHaveLength(1);
    const reminders = () =>
      t.database.prisma.notification.findMany({
        where: { requestId: dueSoon.id, userId: users.staff!.id },
        orderBy: [{ event: "asc" }, { channel: "asc" }],
      });
    expect((await reminders()).map((n) => [n.event, n.channel])).toEqual([
      ["DUE_DATE_REMINDER", "EMAIL"],
      ["DUE_DATE_REMINDER", "IN_APP"],
    ]);

    // The next due time finds the same request: nothing new for it.
    const later = { ...context, now: new Date(now.getTime() + everyMs) };
    await runIfDue(job, later);
    expect(await reminders()).toHaveLength(2);

    // Three days on it is overdue: one more reminder, of that.
    const overdue = { ...context, now: new Date(now.getTime() + 3 * 86_400_000) };
    expect(dueTimeOf(overdue.now, everyMs)).not.toEqual(dueTimeOf(now, everyMs));
    await runIfDue(job, overdue);
    expect((await reminders()).map((n) => n.event).sort()).toEqual([
      "DECISION_OVERDUE",
      "DECISION_OVERDUE",
      "DUE_DATE_REMINDER",
      "DUE_DATE_REMINDER",
    ]);
  });
});
