// Notifications delivered per second through the outbox worker (claim with SKIP LOCKED, send
// over SMTP, record SENT and the try, on PostgreSQL) vs a bare nodemailer loop sending the
// very same e-mails to the same local SMTP server with the same pool and the same number in
// flight. Where the time goes: the worker with a sender that does nothing (its database work
// alone).
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { loadConfig } from "../../api/config.js";
import { openDatabase, type PrismaClient } from "../../api/db/client.js";
import { createLogger } from "../../api/logger.js";
import type { OutgoingMessage, Sender } from "../../api/modules/notifications/channels.js";
import { createDeliveryWorker, createSenders } from "../../api/modules/notifications/delivery.js";
import { composeEmail, smtpPoolOptions } from "../../api/modules/notifications/email.js";
import { createMemberRecord } from "../helpers/fixtures.js";
import { type Bench, benchTokenSecret } from "./common.js";
import { settings, smoke } from "./load.js";
import { startPostgres } from "./postgres.js";

const messages = Number(process.env.BENCH_OUTBOX_MESSAGES || (smoke ? 100 : 2000));
const batchSize = 20;

/** An SMTP server that accepts and counts, nothing more: both sides pay the same for it. */
async function startSink() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 50,
    onData(stream, _session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const body =
  "عزيزي/عزيزتي هدى محمد القحطاني،\nتم استلام طلبك رقم REQ-2026-000042 بنجاح، وسيتم الرد عليه في موعد أقصاه 17 ديسمبر 2026 (26 جمادى الآخرة 1448).\nمع تحيات جمعية وصل.";

async function queue(prisma: PrismaClient, memberId: string): Promise<OutgoingMessage[]> {
  await prisma.notification.createMany({
    data: Array.from({ length: messages }, (_, i) => ({
      event: "REQUEST_SUBMITTED" as const,
      channel: "EMAIL" as const,
      memberId,
      address: `member${i}@example.sa`,
      language: "AR" as const,
      subject: `تم استلام طلبك رقم REQ-2026-${String(i).padStart(6, "0")}`,
      body,
    })),
  });
  return prisma.notification.findMany({
    where: { status: "PENDING" },
    select: { id: true, channel: true, address: true, language: true, subject: true, body: true },
  });
}

/** Rate of delivering `messages` through the worker with these senders. */
async function throughWorker(
  prisma: PrismaClient,
  memberId: string,
  sender: Sender,
  smtpUrl: string,
): Promise<number> {
  await queue(prisma, memberId);
  const config = loadConfig({
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    WASL_TOKEN_SECRET: benchTokenSecret,
    WASL_DATA_DIR: mkdtempSync(join(tmpdir(), "wasl-bench-outbox-")),
    SMTP_URL: smtpUrl,
    WASL_DELIVERY_BATCH: String(batchSize),
  });
  const worker = createDeliveryWorker({
    prisma,
    senders: { EMAIL: sender, SMS: sender },
    config: config.delivery,
    log: createLogger("silent"),
  });
  const began = performance.now();
  const outcome = await worker.drain();
  const seconds = (performance.now() - began) / 1000;
  await worker.stop();
  if (outcome.sent !== messages) throw new Error(`outbox: sent ${outcome.sent} of ${messages}`);
  await prisma.notification.deleteMany({});
  return messages / seconds;
}

/** Rate of the same e-mails sent by nodemailer alone, `batchSize` in flight at a time. */
async function bareLoop(rows: OutgoingMessage[], smtpUrl: string, from: string): Promise<number> {
  const transport = nodemailer.createTransport({ url: smtpUrl, ...smtpPoolOptions });
  const began = performance.now();
  for (let i = 0; i < rows.length; i += batchSize)
    await Promise.all(
      rows.slice(i, i + batchSize).map((row) => transport.sendMail(composeEmail(row, from))),
    );
  const seconds = (performance.now() - began) / 1000;
  transport.close();
  return rows.length / seconds;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

export const outbox: Bench = {
  name: "outbox",
  goal: 0.7,
  description: `${messages} e-mails: the outbox worker on PostgreSQL vs a bare nodemailer loop, both to a local SMTP server`,
  async run() {
    const postgres = await startPostgres();
    const database = await openDatabase({ databaseUrl: postgres.url, dataDir: "memory://" });
    const sink = await startSink();
    try {
      const { prisma } = database;
      const member = await createMemberRecord(prisma, { email: "bench@example.sa" });
      const from = "Wasl <no-reply@wasl.localhost>";
      const smtp = () =>
        createSenders(
          loadConfig({
            LOG_LEVEL: "silent",
            WASL_TOKEN_SECRET: benchTokenSecret,
            WASL_DATA_DIR: tmpdir(),
            SMTP_URL: sink.url,
          }),
          createLogger("silent"),
        ).EMAIL;
      const nothing: Sender = {
        send: async (m) => ({ providerMessageId: m.id }),
        close: async () => undefined,
      };
      // The baseline sends exactly what the worker sends: the same rows, composed alike.
      const rows = await queue(prisma, member.id);
      await prisma.notification.deleteMany({});
      // Warm-up: connections, JIT, the database's caches.
      await throughWorker(prisma, member.id, smtp(), sink.url);
      await bareLoop(rows, sink.url, from);
      const ours: number[] = [];
      const baseline: number[] = [];
      const databaseOnly: number[] = [];
      for (let round = 0; round < settings.rounds; round++) {
        ours.push(await throughWorker(prisma, member.id, smtp(), sink.url));
        baseline.push(await bareLoop(rows, sink.url, from));
        databaseOnly.push(await throughWorker(prisma, member.id, nothing, sink.url));
      }
      const format = (values: number[]) =>
        `${median(values).toFixed(0)}/s (rounds: ${values.map((v) => v.toFixed(0)).join(", ")})`;
      console.log(`  outbox worker → SMTP:        ${format(ours)}`);
      console.log(`  bare nodemailer loop → SMTP: ${format(baseline)}`);
      console.log(`  worker, sender doing nothing (database work alone): ${format(databaseOnly)}`);
      console.log(`  e-mails received by the SMTP server: ${sink.received()}`);
      return median(ours) / median(baseline);
    } finally {
      await sink.stop();
      await database.close();
      await postgres.stop();
    }
  },
};
