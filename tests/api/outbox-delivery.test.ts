// The outbox delivered: a real SMTP server in this process receives what the worker sends,
// a local HTTP server plays the SMS gateway, and the worker runs on a clock the test moves.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../api/db/client.js";
import { run } from "../../api/db/commands.js";
import type { NotificationChannel } from "../../api/db/generated/enums.js";
import type { DeliveryWorker } from "../../api/modules/notifications/delivery.js";
import { enqueueNotification, formatDueDate } from "../../api/modules/notifications/outbox.js";
import {
  type Json,
  startTestApp,
  type TestApp,
  testConfig,
  testDeliveryWorker,
} from "../helpers/app.js";
import { signInStaff, staffCaller } from "../helpers/callers.js";
import { testEngine } from "../helpers/database.js";
import { createMemberRecord, seedReferenceData, takeInInquiry } from "../helpers/fixtures.js";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp.js";

let t: TestApp;
let smtp: TestSmtpServer;
let token: string;
let staff: Awaited<ReturnType<typeof signInStaff>>["user"];

/** A clock the test moves: retries come due when the test says so. */
let clock = new Date("2026-12-01T09:00:00Z");
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

function worker(env: Record<string, string> = {}): DeliveryWorker {
  const config = testConfig({ SMTP_URL: smtp.url, WASL_DELIVERY_BACKOFF_MS: "1000", ...env });
  return testDeliveryWorker(t.database.prisma, config, { now: () => clock, random: () => 0.5 });
}

/** A PENDING notification, queued as the modules queue them (no member needed for the test). */
async function queued(channel: NotificationChannel, address: string, subject = "اختبار") {
  const member = await createMemberRecord(t.database.prisma);
  return t.database.prisma.notification.create({
    data: {
      event: "REQUEST_SUBMITTED",
      channel,
      memberId: member.id,
      address,
      language: "AR",
      subject,
      body: `نص الرسالة ${subject}`,
      nextAttemptAt: clock,
    },
  });
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await startTestApp({ listen: false, env: { SMTP_URL: smtp.url } });
  const db = t.database.prisma;
  await seedReferenceData(db, { templates: true });
  ({ user: staff, token } = await signInStaff(t, "desk@test.sa", ["STAFF"]));
});

afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

beforeEach(async () => {
  // Each test reads its own deliveries.
  await t.database.prisma.notification.updateMany({
    where: { status: { in: ["PENDING", "SENDING"] } },
    data: { status: "CANCELLED" },
  });
  smtp.received.length = 0;
  smtp.refuseWith(null);
});

describe("e-mail over SMTP", () => {
  it("submitting a request delivers an Arabic e-mail with the reference and the due date", async () => {
    const member = await createMemberRecord(t.database.prisma, {
      email: "huda@example.sa",
      fullNameAr: "هدى محمد القحطاني",
    });
    const request = await takeInInquiry(t, token, member.id, {
      subject: "استفسار عن مواعيد صرف الدعم",
    });
    expect(request.reference).toMatch(/^REQ-/);
    clock = new Date();
    const outcome = await worker().drain();
    expect(outcome).toEqual({ sent: 2, retrying: 0, failed: 0 });

    const { mail, raw } = (await smtp.waitFor(1))[0]!;
    expect(mail.subject).toContain(request.reference);
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe("huda@example.sa");
    const dueDate = formatDueDate(new Date(request.decisionDueAt), "AR");
    expect(mail.text).toContain("هدى محمد القحطاني");
    expect(mail.text).toContain(request.reference);
    expect(mail.text).toContain(dueDate);
    // Multipart: the same text as Arabic right-to-left HTML.
    expect(raw).toMatch(/multipart\/alternative/);
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.html).toContain(dueDate);

    const sent = await t.database.prisma.notification.findMany({
      where: { memberId: member.id },
      include: { deliveryAttempts: true },
      orderBy: { channel: "asc" },
    });
    expect(sent.map((n) => [n.channel, n.status])).toEqual([
      ["EMAIL", "SENT"],
      ["SMS", "SENT"],
    ]);
    const email = sent[0]!;
    // The notification's id travels as the idempotency key and in the Message-ID.
    expect(mail.headers.get("x-wasl-idempotency-key")).toBe(email.id);
    expect(mail.messageId).toBe(`<${email.id}@wasl.localhost>`);
    expect(email.providerMessageId).toBe(mail.messageId);
    expect(email.deliveryAttempts).toMatchObject([{ attempt: 1, succeeded: true }]);
    expect(sent[1]!.providerMessageId).toBe(`log:${sent[1]!.id}`);
  });

  it("retries with backoff while the SMTP server is down, and delivers when it is back", async () => {
    const notification = await queued("EMAIL", "retry@example.sa", "إعادة المحاولة");
    await smtp.stop();
    const delivery = worker();
    try {
      expect(await delivery.drain()).toEqual({ sent: 0, retrying: 1, failed: 0 });
      let row = await t.database.prisma.notification.findUniqueOrThrow({
        where: { id: notification.id },
      });
      expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      // First retry after the base delay (1 s, half of it jitter).
      expect(row.nextAttemptAt.getTime() - clock.getTime()).toBe(750);

      // Not due yet: nothing is claimed.
      expect(await delivery.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      advance(750);
      expect(await delivery.drain()).toEqual({ sent: 0, retrying: 1, failed: 0 });
      row = await t.database.prisma.notification.findUniqueOrThrow({
        where: { id: notification.id },
      });
      // The second wait is twice the first.
      expect(row.nextAttemptAt.getTime() - clock.getTime()).toBe(1500);

      await smtp.restart();
      advance(1500);
      expect(await delivery.drain()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    } finally {
      await delivery.stop();
    }
    const { mail } = (await smtp.waitFor(1))[0]!;
    expect(mail.subject).toBe("إعادة المحاولة");
    const row = await t.database.prisma.notification.findUniqueOrThrow({
      where: { id: notification.id },
      include: { deliveryAttempts: { orderBy: { attempt: "asc" } } },
    });
    expect(row).toMatchObject({ status: "SENT", attempts: 3, lastError: null });
    expect(row.deliveryAttempts.map((a) => a.succeeded)).toEqual([false, false, true]);
  });

  it("marks FAILED at once when the server refuses the message for good (5xx)", async () => {
    const notification = await queued("EMAIL", "nobody@example.sa");
    smtp.refuseWith(550);
    const delivery = worker();
    expect(await delivery.drain()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    await delivery.stop();
    const row = await t.database.prisma.notification.findUniqueOrThrow({
      where: { id: notification.id },
    });
    expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(row.lastError).toContain("550");
  });

  it("marks FAILED after the configured number of tries when the refusal lasts (4xx)", async () => {
    const notification = await queued("EMAIL", "busy@example.sa");
    smtp.refuseWith(451);
    const delivery = worker({ WASL_DELIVERY_MAX_ATTEMPTS: "3" });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await delivery.drain();
      advance(60_000);
    }
    await delivery.stop();
    const row = await t.database.prisma.notification.findUniqueOrThrow({
      where: { id: notification.id },
      include: { deliveryAttempts: true },
    });
    expect(row).toMatchObject({ status: "FAILED", attempts: 3 });
    expect(row.deliveryAttempts).toHaveLength(3);
    expect(smtp.received).toHaveLength(0);
  });

  it("sends to a local capture without SMTP_URL: built as it would be sent, never dropped", async () => {
    const notification = await queued("EMAIL", "capture@example.sa", "بلا خادم بريد");
    const config = testConfig();
    const delivery = testDeliveryWorker(t.database.prisma, config, { now: () => clock });
    expect(await delivery.drain()).toMatchObject({ sent: 1 });
    await delivery.stop();
    const row = await t.database.prisma.notification.findUniqueOrThrow({
      where: { id: notification.id },
    });
    expect(row.providerMessageId).toBe(`local-capture:${notification.id}.eml`);
    const { readFileSync } = await import("node:fs");
    const eml = readFileSync(`${config.dataDir}/mail-capture/${notification.id}.eml`, "utf8");
    expect(eml).toContain("capture@example.sa");
    expect(eml).toContain(`X-Wasl-Idempotency-Key: ${notification.id}`);
  });
});

describe("the outbox and the transaction", () => {
  it("a change that fails leaves no notification", async () => {
    const member = await createMemberRecord(t.database.prisma, { email: "x@example.sa" });
    const before = await t.database.prisma.notification.count();
    await expect(
      run(
        t.app.services,
        staffCaller(staff),
        async (context) => {
          const queuedCount = await enqueueNotification(context, {
            event: "RESOLVED",
            memberId: member.id,
            params: { reference: "REQ-2026-000001", dueDate: null, status: "RESOLVED" },
          });
          expect(queuedCount).toBe(2);
          throw new Error("the change failed after queueing");
        },
        undefined,
      ),
    ).rejects.toThrow("the change failed after queueing");
    expect(await t.database.prisma.notification.count()).toBe(before);
  });

  it("a refused transition queues nothing", async () => {
    const member = await createMemberRecord(t.database.prisma, { email: "y@example.sa" });
    const request = await takeInInquiry(t, token, member.id);
    const before = await t.database.prisma.notification.count({ where: { memberId: member.id } });
    const resolved = await t.gql<Json>(
      `mutation($input: ResolveRequestInput!) { resolveRequest(input: $input) { __typename } }`,
      // An inquiry is resolved once work on it started: refused, with nothing queued.
      { input: { id: request.id, version: request.version, answer: "جواب" } },
      { token },
    );
    expect(resolved.data?.resolveRequest.__typename).toBe("RequestTransitionError");
    expect(await t.database.prisma.notification.count({ where: { memberId: member.id } })).toBe(
      before,
    );
  });
});

describe("two workers", () => {
  it("deliver each notification once", async () => {
    const count = 60;
    const member = await createMemberRecord(t.database.prisma);
    clock = new Date();
    await t.database.prisma.notification.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        event: "REQUEST_SUBMITTED" as const,
        channel: "EMAIL" as const,
        memberId: member.id,
        address: `twice${i}@example.sa`,
        language: "AR" as const,
        subject: `رسالة ${i}`,
        body: "نص",
        nextAttemptAt: clock,
      })),
    });
    // On PostgreSQL each worker has a connection pool of its own, as two API instances do.
    const second =
      testEngine === "postgresql"
        ? await openDatabase({
            databaseUrl: await appDatabaseUrl(),
            dataDir: "memory://",
          })
        : undefined;
    const config = testConfig({ SMTP_URL: smtp.url, WASL_DELIVERY_BATCH: "7" });
    const make = (prisma = t.database.prisma) => testDeliveryWorker(prisma, config);
    const a = make();
    const b = make(second?.prisma);
    const [first, other] = await Promise.all([a.drain(), b.drain()]);
    await Promise.all([a.stop(), b.stop()]);
    await second?.close();
    expect(first.sent + other.sent).toBe(count);
    expect(first.sent).toBeGreaterThan(0);
    expect(other.sent).toBeGreaterThan(0);
    const received = await smtp.waitFor(count);
    const keys = received.map((r) => r.mail.headers.get("x-wasl-idempotency-key"));
    expect(new Set(keys).size).toBe(count);
    expect(received).toHaveLength(count);
  });
});

/** The URL of the test app's own PostgreSQL database (for a second pool on it). */
async function appDatabaseUrl(): Promise<string> {
  const [row] = await t.database.prisma.$queryRaw<{ name: string }[]>`
    SELECT current_database() AS name`;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${row!.name}`;
  return url.toString();
}

describe("SMS through the HTTP gateway", () => {
  let gateway: Server;
  let gatewayUrl: string;
  const calls: { headers: IncomingMessage["headers"]; body: string; method?: string }[] = [];
  let answer: { status: number; body: string } = { status: 200, body: "" };

  beforeAll(async () => {
    gateway = createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8").on("data", (chunk: string) => {
        body += chunk;
      });
      req.on("end", () => {
        calls.push({ headers: req.headers, body, method: req.method });
        res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
    gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
  });
  afterAll(() => new Promise<void>((resolve) => gateway.close(() => resolve())));

  const smsWorker = (env: Record<string, string> = {}) =>
    worker({
      SMS_GATEWAY: "http",
      SMS_HTTP_URL: gatewayUrl,
      SMS_HTTP_AUTHORIZATION: "Bearer gateway-secret",
      SMS_HTTP_BODY: '{"recipient":"{{to}}","message":"{{text}}","ref":"{{id}}","sender":"WASL"}',
      SMS_HTTP_MESSAGE_ID_FIELD: "data.messageId",
      ...env,
    });

  it("posts the configured body with the credentials and keeps the gateway's message id", async () => {
    calls.length = 0;
    answer = { status: 200, body: '{"data":{"messageId":"SA-777"}}' };
    const notification = await queued("SMS", "+966512345678", "رسالة نصية");
    const delivery = smsWorker();
    expect(await delivery.drain()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    await delivery.stop();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe("POST");
    expect(calls[0]!.headers.authorization).toBe("Bearer gateway-secret");
    expect(calls[0]!.headers["idempotency-key"]).toBe(notification.id);
    expect(JSON.parse(calls[0]!.body)).toEqual({
      recipient: "+966512345678",
      message: "نص الرسالة رسالة نصية",
      ref: notification.id,
      sender: "WASL",
    });
    const row = await t.database.prisma.notification.findUniqueOrThrow({
      where: { id: notification.id },
    });
    expect(row).toMatchObject({ status: "SENT", providerMessageId: "SA-777" });
  });

  it("retries on a 5xx answer and fails at once on a 4xx one", async () => {
    answer = { status: 503, body: '{"error":"maintenance"}' };
    const retried = await queued("SMS", "+966512345679");
    const delivery = smsWorker();
    expect(await delivery.drain()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    answer = { status: 400, body: '{"error":"invalid number"}' };
    const refused = await queued("SMS", "+966500000000");
    advance(60_000);
    expect(await delivery.drain()).toEqual({ sent: 0, retrying: 0, failed: 2 });
    await delivery.stop();
    const rows = await t.database.prisma.notification.findMany({
      where: { id: { in: [retried.id, refused.id] } },
    });
    for (const row of rows) {
      expect(row.status).toBe("FAILED");
      expect(row.lastError).toContain("invalid number");
    }
  });
});
