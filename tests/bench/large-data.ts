// The large data set for the requests-list bench: the bench's demo data (data.ts, with its
// STAFF sign-in) then prisma/seed/large.ts on top — BENCH_LARGE_MEMBERS (default 100,000)
// members and BENCH_LARGE_REQUESTS (default 1,000,000) requests — then VACUUM ANALYZE, as
// autovacuum leaves a table after a bulk insert (its visibility map set: index-only scans read
// no heap), and so that autovacuum does not run its first pass of 1M rows during a bench and
// charge its CPU to the requests measured (tests/db/request-list-plans.test.ts does the same). The large set shares the demo data's reference date (benchNow, 2026-06-01): seeded
// "as of today", its open requests all have their deadline ahead (the seed derives states from
// the deadlines) and the overdue filter would find only the demo's few; queried later than
// benchNow, the open requests are a backlog past its deadlines — a full page to read and a
// count over every match, the case the filter must stay fast for.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PrismaClient } from "../../api/db/client.js";
import { createLogger } from "../../api/logger.js";
import { createDeliveryWorker, createSenders } from "../../api/modules/notifications/delivery.js";
import { decisionReminders, runIfDue } from "../../api/modules/notifications/reminders.js";
import { createWaslPubSub } from "../../api/pubsub.js";
import { seedLarge } from "../../prisma/seed/index.js";
import { benchConfig } from "./common.js";
import { benchNow, type Credentials, seedBenchData } from "./data.js";
import { smoke } from "./load.js";

function count(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 1 || value > 5_000_000)
    throw new Error(`${name} must be an integer of [1, 5000000], got "${raw}"`);
  return value;
}

export function largeSize(prefix = "BENCH_LARGE") {
  return {
    members: count(`${prefix}_MEMBERS`, smoke ? 2_000 : 100_000),
    requests: count(`${prefix}_REQUESTS`, smoke ? 20_000 : 1_000_000),
  };
}

/**
 * The decision reminders a server running all along would have sent as these requests went
 * overdue, queued and delivered (e-mails captured to a temporary directory) before the first
 * server starts. Inserted in one go, the backlog is overdue all at once: the first server's
 * reminder job would otherwise queue and deliver 13,000 reminders (e-mail and in-app) while
 * the list and search benches measure, a one-off burst of writes that is not the page's cost.
 * A server started in a later quarter of an hour still runs the job, and finds them queued.
 */
async function settleReminders(prisma: PrismaClient): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), "wasl-bench-reminders-"));
  try {
    const config = benchConfig(dataDir, undefined);
    const log = createLogger("silent");
    const { pubsub, close } = await createWaslPubSub(undefined);
    const queued = await runIfDue(decisionReminders(config.delivery.remindersEveryMs), {
      prisma,
      pubsub,
      now: new Date(),
    });
    await close();
    const worker = createDeliveryWorker({
      prisma,
      senders: createSenders(config, log),
      config: config.delivery,
      log,
    });
    const delivered = await worker.drain();
    await worker.stop();
    return `${queued ?? 0} reminders queued, ${delivered.sent} delivered`;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function seedLargeBenchData(
  prisma: PrismaClient,
  size = largeSize(),
): Promise<Credentials & { seeded: string }> {
  const began = Date.now();
  const credentials = await seedBenchData(prisma);
  const summary = await seedLarge(prisma, { ...size, now: benchNow });
  const reminded = await settleReminders(prisma);
  await prisma.$executeRawUnsafe("VACUUM ANALYZE");
  return {
    email: credentials.email,
    password: credentials.password,
    seeded:
      `demo data + ${summary.members} members, ${summary.requests} requests ` +
      `in ${((Date.now() - began) / 1000).toFixed(0)} s (${reminded})`,
  };
}
