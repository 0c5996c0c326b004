// The outbox, live: a real graphql-ws client of a staff member hears each notification queued,
// claimed and delivered by the API's own worker (to a real SMTP server), resent or cancelled;
// a role without the outbox permission cannot subscribe.
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../api/db/commands.js";
import { enqueueNotification } from "../../api/modules/notifications/outbox.js";
import { notificationTemplates } from "../../prisma/seed/content.js";
import { type Json, socketClient, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff, staffCaller } from "../helpers/callers.js";
import { createMemberRecord } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp.js";

let t: TestApp;
let smtp: TestSmtpServer;
const tokens: Record<string, string> = {};
let desk: Awaited<ReturnType<typeof signInStaff>>["user"];
const clients: Client[] = [];

type Change = { change: string; notificationIds: string[] };

/** The outbox changes a user's subscription receives, and the error if it is refused. */
function listen(token: string) {
  const changes: Change[] = [];
  const refused: unknown[] = [];
  const client = socketClient(t.url, {
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    onNonLazyError: () => {},
  });
  clients.push(client);
  const ready = new Promise<void>((resolve) =>
    client.on("connected", () => setTimeout(resolve, 150)),
  );
  client.subscribe(
    { query: "subscription { outboxChanged { change notificationIds at } }" },
    {
      next: (value) => {
        if (value.errors) refused.push(...value.errors);
        else changes.push((value.data as Json).outboxChanged);
      },
      error: (error) => refused.push(error),
      complete: () => {},
    },
  );
  return { changes, refused, ready };
}

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await startTestApp({
    env: { SMTP_URL: smtp.url, WASL_WORKER: "in-process", WASL_DELIVERY_POLL_MS: "50" },
  });
  await t.database.prisma.notificationTemplate.createMany({ data: notificationTemplates() });
  const staff = await signInStaff(t, "desk@live-outbox.sa", ["STAFF"]);
  desk = staff.user;
  tokens.staff = staff.token;
  tokens.researcher = (await signInStaff(t, "r@live-outbox.sa", ["RESEARCHER"])).token;
});

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await t?.close();
  await smtp?.stop();
});

describe("the outbox live", () => {
  it("tells staff of each notification queued, claimed and delivered by the worker", async () => {
    const staff = listen(tokens.staff!);
    await staff.ready;
    const member = await createMemberRecord(t.database.prisma, { email: "live@example.sa" });
    await run(
      t.app.services,
      staffCaller(desk),
      (context) =>
        enqueueNotification(context, {
          event: "RESOLVED",
          memberId: member.id,
          params: { reference: "REQ-2026-000777", dueDate: null, status: "RESOLVED" },
        }),
      undefined,
    );
    const queued = await t.database.prisma.notification.findMany({
      where: { memberId: member.id },
    });
    expect(queued).toHaveLength(2);
    const globalIds = queued.map((n) => gid("Notification", n.id)).sort();
    const idsOf = (change: string) =>
      staff.changes
        .filter((c) => c.change === change)
        .flatMap((c) => c.notificationIds)
        .sort();
    await until(() => idsOf("DELIVERY_RECORDED").length === 2);
    expect(staff.changes[0]).toEqual({
      change: "QUEUED",
      notificationIds: [],
      at: expect.any(String),
    });
    expect(idsOf("CLAIMED")).toEqual(globalIds);
    expect(idsOf("DELIVERY_RECORDED")).toEqual(globalIds);
    const email = await t.database.prisma.notification.findFirstOrThrow({
      where: { memberId: member.id, channel: "EMAIL" },
    });
    expect(email.status).toBe("SENT");
  });

  it("tells staff of a resend and a cancel, naming the notification", async () => {
    const staff = listen(tokens.staff!);
    await staff.ready;
    const member = await createMemberRecord(t.database.prisma);
    // Due tomorrow: the worker leaves it alone.
    const pending = await t.database.prisma.notification.create({
      data: {
        memberId: member.id,
        event: "REQUEST_SUBMITTED",
        channel: "SMS",
        address: member.mobile,
        language: "AR",
        subject: "s",
        body: "رسالة",
        nextAttemptAt: new Date(Date.now() + 86_400_000),
      },
    });
    const cancelled = await t.gql<Json>(
      `mutation($input: CancelNotificationInput!) { cancelNotification(input: $input) { __typename } }`,
      { input: { id: gid("Notification", pending.id), version: pending.version } },
      { token: tokens.staff },
    );
    expect(cancelled.data?.cancelNotification.__typename).toBe("CancelNotificationSuccess");
    await until(() => staff.changes.length > 0);
    expect(staff.changes).toEqual([
      {
        change: "CANCELLED",
        notificationIds: [gid("Notification", pending.id)],
        at: expect.any(String),
      },
    ]);
  });

  it("is not for a role without the outbox permission", async () => {
    const researcher = listen(tokens.researcher!);
    await until(() => researcher.refused.length > 0);
    expect(JSON.stringify(researcher.refused)).toContain("FORBIDDEN");
    expect(researcher.changes).toEqual([]);
  });
});
