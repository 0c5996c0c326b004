// The delivery worker's two raw statements (api/modules/notifications/delivery.ts) against the
// same rules stated through Prisma: each case is run once through the raw statement and once,
// on the same rows, through the Prisma path below, and every row written is compared — the
// notifications (status, tries, lease, times, version) and the tries on record. On both
// engines (the "postgresql" project adds a real server, where a cancel holds a row mid-claim).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database, PrismaClient } from "../../api/db/client.js";
import type { NotificationChannel, OutboxStatus } from "../../api/db/generated/enums.js";
import {
  backoffMs,
  type ChannelGroup,
  type Claimed,
  claimDue,
  type DeliveryTry,
  recordTries,
} from "../../api/modules/notifications/delivery.js";
import { openTestDatabase, testEngine } from "../helpers/database.js";

let database: Database;
let db: PrismaClient;

const at = new Date("2026-12-03T09:00:00.000Z");
const leaseMs = 60_000;
const minutes = (n: number) => new Date(at.getTime() + n * 60_000);
const idOf = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, "0")}`;

type Seed = {
  n: number;
  status?: OutboxStatus;
  channel?: NotificationChannel;
  attempts?: number;
  /** Minutes from `at`: when due, or when a SENDING row's lease runs out. */
  due: number;
};

function rowOf({ n, status = "PENDING", channel = "EMAIL", attempts = 0, due }: Seed) {
  return {
    id: idOf(n),
    event: "REQUEST_SUBMITTED" as const,
    channel,
    address: channel === "SMS" ? `+96650000${String(n).padStart(4, "0")}` : `m${n}@test.sa`,
    language: "AR" as const,
    subject: `رسالة ${n}`,
    body: `نص الرسالة ${n}`,
    status,
    attempts,
    nextAttemptAt: minutes(due),
    createdAt: minutes(-60),
    updatedAt: minutes(-60),
  };
}

async function seed(rows: Seed[]) {
  await db.notificationAttempt.deleteMany();
  await db.notification.deleteMany();
  await db.notification.createMany({ data: rows.map(rowOf) });
}

/** Every notification and every try on record, in a stable order (tries without their id). */
async function snapshot() {
  const notifications = await db.notification.findMany({ orderBy: { id: "asc" } });
  const tries = await db.notificationAttempt.findMany({
    orderBy: [{ notificationId: "asc" }, { attempt: "asc" }],
    omit: { id: true },
  });
  return { notifications, tries };
}

const byId = (rows: Claimed[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

// ── The Prisma path: the same rules, stated with Prisma's API ───────────────────────────────

/**
 * The claim: the due rows (PENDING and due, or SENDING with a lease run out; not in-app),
 * oldest due first, at most a batch; each to SENDING with one more try and a new lease.
 */
async function claimThroughPrisma(
  client: PrismaClient,
  options: { at: Date; leaseMs: number; batchSize: number; channels: ChannelGroup },
): Promise<Claimed[]> {
  const due = await client.notification.findMany({
    where: {
      status: { in: ["PENDING", "SENDING"] },
      nextAttemptAt: { lte: options.at },
      channel: { in: [...options.channels] },
    },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: options.batchSize,
    select: { id: true },
  });
  const ids = due.map((row) => row.id);
  await client.notification.updateMany({
    where: { id: { in: ids } },
    data: {
      status: "SENDING",
      attempts: { increment: 1 },
      nextAttemptAt: new Date(options.at.getTime() + options.leaseMs),
      updatedAt: options.at,
      version: { increment: 1 },
    },
  });
  return client.notification.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      channel: true,
      address: true,
      language: true,
      subject: true,
      body: true,
      attempts: true,
    },
  });
}

/**
 * The record: each row still claimed by this try (SENDING, same try number) takes its new
 * state — sentAt and the provider's id when sent, the error (or none), the next try's time
 * when retrying; every try goes on record, whether or not its row still was its own.
 */
async function recordThroughPrisma(client: PrismaClient, tries: DeliveryTry[], now: Date) {
  await client.$transaction(async (tx) => {
    for (const t of tries)
      await tx.notification.updateMany({
        where: { id: t.row.id, status: "SENDING", attempts: t.row.attempts },
        data: {
          status: t.status,
          ...(t.outcome === "sent" ? { sentAt: t.finishedAt } : {}),
          ...(t.providerMessageId ? { providerMessageId: t.providerMessageId } : {}),
          lastError: t.error,
          ...(t.nextAttemptAt ? { nextAttemptAt: t.nextAttemptAt } : {}),
          updatedAt: now,
          version: { increment: 1 },
        },
      });
    await tx.notificationAttempt.createMany({
      data: tries.map((t) => ({
        notificationId: t.row.id,
        attempt: t.row.attempts,
        startedAt: t.startedAt,
        finishedAt: t.finishedAt,
        succeeded: t.outcome === "sent",
        providerMessageId: t.providerMessageId,
        error: t.error,
      })),
    });
  });
}

/** Runs a case through both paths on the same rows; answers both results and end states. */
async function bothWays<T>(rows: Seed[], raw: () => Promise<T>, prisma: () => Promise<T>) {
  await seed(rows);
  const rawResult = await raw();
  const rawRows = await snapshot();
  await seed(rows);
  const prismaResult = await prisma();
  const prismaRows = await snapshot();
  expect(rawRows).toEqual(prismaRows);
  return { raw: rawResult, prisma: prismaResult, rows: rawRows };
}

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.prisma;
});
afterAll(() => database?.close());

describe(`the claim (FOR UPDATE SKIP LOCKED with a lease) on ${testEngine}`, () => {
  const mixed: Seed[] = [
    { n: 1, due: -5 },
    { n: 2, due: -10 },
    { n: 3, due: -1 },
    { n: 4, due: -10, channel: "SMS" }, // due with 2: the id decides
    { n: 5, due: 1 }, // not yet due
    { n: 6, due: -0.5, status: "SENDING", attempts: 1 }, // its worker died: lease ran out
    { n: 7, due: 0.5, status: "SENDING", attempts: 1 }, // leased to a worker alive
    { n: 8, due: -30, status: "SENT", attempts: 1 },
    { n: 9, due: -30, status: "FAILED", attempts: 5 },
    { n: 10, due: -30, status: "CANCELLED" },
    { n: 11, due: -30, channel: "IN_APP" }, // a staff member's bell: never delivered
  ];
  // The members' loop: e-mail and SMS (a webhook loop claims its own channel alone).
  const options = { at, leaseMs, batchSize: 3, channels: ["EMAIL", "SMS"] as ChannelGroup };

  it("claims the due rows oldest first, a batch at a time, and reclaims an expired lease", async () => {
    const claimRounds = (claim: typeof claimDue) => async () => {
      const rounds: Claimed[][] = [];
      for (let i = 0; i < 3; i++) rounds.push(byId(await claim(db, options)));
      return rounds;
    };
    const { raw, prisma, rows } = await bothWays(
      mixed,
      claimRounds(claimDue),
      claimRounds(claimThroughPrisma),
    );
    expect(raw).toEqual(prisma);
    // What the rules say, not only that both paths agree.
    expect(raw.map((round) => round.map((r) => r.id))).toEqual([
      [idOf(1), idOf(2), idOf(4)],
      [idOf(3), idOf(6)],
      [],
    ]);
    const row = (n: number) => rows.notifications.find((r) => r.id === idOf(n))!;
    for (const n of [1, 2, 3, 4])
      expect(row(n)).toMatchObject({
        status: "SENDING",
        attempts: 1,
        version: 2,
        nextAttemptAt: new Date(at.getTime() + leaseMs),
        updatedAt: at,
      });
    expect(row(6)).toMatchObject({ status: "SENDING", attempts: 2, version: 2 });
    for (const n of [5, 7, 8, 9, 10, 11]) expect(row(n)).toEqual(await untouched(n, mixed));
  });

  it("claims nothing when nothing is due, and changes nothing", async () => {
    const notDue: Seed[] = mixed.filter((s) => [5, 7, 8, 9, 10, 11].includes(s.n));
    const { raw, prisma, rows } = await bothWays(
      notDue,
      () => claimDue(db, options),
      () => claimThroughPrisma(db, options),
    );
    expect(raw).toEqual([]);
    expect(prisma).toEqual([]);
    expect(rows.notifications.every((r) => r.version === 1)).toBe(true);
  });

  it("claims nothing while every due row is leased to a live worker", async () => {
    const leased: Seed[] = [1, 2, 3].map((n) => ({ n, due: 0.5, status: "SENDING", attempts: 2 }));
    const { raw, rows } = await bothWays(
      leased,
      () => claimDue(db, { ...options, batchSize: 10 }),
      () => claimThroughPrisma(db, { ...options, batchSize: 10 }),
    );
    expect(raw).toEqual([]);
    expect(rows.notifications.map((r) => [r.status, r.attempts, r.version])).toEqual([
      ["SENDING", 2, 1],
      ["SENDING", 2, 1],
      ["SENDING", 2, 1],
    ]);
  });

  it("leaves a row being cancelled to its cancel, and claims the rest", async () => {
    const due: Seed[] = [1, 2, 3].map((n) => ({ n, due: -n }));
    const cancel = (client: Pick<PrismaClient, "notification">) =>
      client.notification.updateMany({
        where: { id: idOf(2), status: "PENDING" },
        data: { status: "CANCELLED", version: { increment: 1 }, updatedAt: at },
      });
    const { raw, rows } = await bothWays(
      due,
      async () => {
        if (testEngine === "pglite") {
          // One connection: nothing runs beside a transaction, so the cancel commits first.
          await cancel(db);
          return byId(await claimDue(db, options));
        }
        // The cancel holds its row locked while the claim runs on another connection: the
        // claim skips it rather than wait, and the cancel commits after.
        return db.$transaction(async (tx) => {
          await cancel(tx);
          return byId(await claimDue(db, options));
        });
      },
      async () => {
        await cancel(db);
        return byId(await claimThroughPrisma(db, options));
      },
    );
    expect(raw.map((r) => r.id)).toEqual([idOf(1), idOf(3)]);
    expect(rows.notifications.find((r) => r.id === idOf(2))).toMatchObject({
      status: "CANCELLED",
      attempts: 0,
      version: 2,
    });
  });
});

/** A seeded row as it was written, read back (for rows a case must not touch). */
async function untouched(n: number, rows: Seed[]) {
  const seeded = rows.find((s) => s.n === n)!;
  return {
    ...rowOf(seeded),
    memberId: null,
    userId: null,
    requestId: null,
    lastError: null,
    sentAt: null,
    providerMessageId: null,
    readAt: null,
    dedupeKey: null,
    version: 1,
  };
}

describe(`the record of a batch's tries on ${testEngine}`, () => {
  const base = 1_000;
  const finishedAt = new Date(at.getTime() + 2_000);
  const recordedAt = new Date(at.getTime() + 2_500);
  const claimed: Seed[] = [
    { n: 1, due: 1, status: "SENDING", attempts: 1 }, // sent
    { n: 2, due: 1, status: "SENDING", attempts: 2 }, // refused for now: retried later
    { n: 3, due: 1, status: "SENDING", attempts: 5 }, // refused for good: FAILED
    { n: 4, due: 1, status: "SENDING", attempts: 3 }, // reclaimed meanwhile by another worker
    { n: 5, due: -10 }, // not in the batch
  ];
  const claimedRow = (n: number, attempts: number): Claimed => {
    const { id, channel, address, language, subject, body } = rowOf({ n, due: 0 });
    return { id, channel, address, language, subject, body, attempts };
  };
  const attempt = (n: number, attempts: number, fields: Partial<DeliveryTry>): DeliveryTry => ({
    row: claimedRow(n, attempts),
    outcome: "sent",
    startedAt: at,
    finishedAt,
    providerMessageId: null,
    responseCode: null,
    error: null,
    status: "SENT",
    nextAttemptAt: null,
    ...fields,
  });
  // The worker's backoff for a second try, with the random half fixed at a quarter.
  const retryAt = new Date(finishedAt.getTime() + backoffMs(2, base, () => 0.25));
  const tries: DeliveryTry[] = [
    attempt(1, 1, { providerMessageId: "<abc@smtp.test>" }),
    attempt(2, 2, {
      outcome: "retrying",
      status: "PENDING",
      error: "421 try again later",
      nextAttemptAt: retryAt,
    }),
    attempt(3, 5, { outcome: "failed", status: "FAILED", error: "550 no such mailbox" }),
    // This worker's try was its second; the row is on its third, another worker's.
    attempt(4, 2, { providerMessageId: "<late@smtp.test>" }),
  ];

  it("writes what the Prisma path writes: states, provider ids, errors, backoff, every try", async () => {
    const { rows } = await bothWays(
      claimed,
      () => recordTries(db, tries, recordedAt),
      () => recordThroughPrisma(db, tries, recordedAt),
    );
    const row = (n: number) => rows.notifications.find((r) => r.id === idOf(n))!;
    expect(row(1)).toMatchObject({
      status: "SENT",
      sentAt: finishedAt,
      providerMessageId: "<abc@smtp.test>",
      lastError: null,
      nextAttemptAt: minutes(1),
      updatedAt: recordedAt,
      version: 2,
    });
    // Equal jitter: half the doubled base, plus a random share of the other half.
    expect(retryAt.getTime() - finishedAt.getTime()).toBe(1_000 + 250);
    expect(row(2)).toMatchObject({
      status: "PENDING",
      sentAt: null,
      lastError: "421 try again later",
      nextAttemptAt: retryAt,
      version: 2,
    });
    expect(row(3)).toMatchObject({
      status: "FAILED",
      lastError: "550 no such mailbox",
      nextAttemptAt: minutes(1),
      version: 2,
    });
    expect(row(4)).toMatchObject({ status: "SENDING", attempts: 3, version: 1, sentAt: null });
    expect(row(5)).toEqual(await untouched(5, claimed));
    expect(rows.tries).toEqual([
      expect.objectContaining({ notificationId: idOf(1), attempt: 1, succeeded: true }),
      expect.objectContaining({
        notificationId: idOf(2),
        attempt: 2,
        error: "421 try again later",
      }),
      expect.objectContaining({ notificationId: idOf(3), attempt: 5, succeeded: false }),
      expect.objectContaining({
        notificationId: idOf(4),
        attempt: 2,
        providerMessageId: "<late@smtp.test>",
      }),
    ]);
  });

  it("records nothing for an empty batch", async () => {
    const { rows } = await bothWays(
      claimed,
      () => recordTries(db, [], recordedAt),
      () => recordThroughPrisma(db, [], recordedAt),
    );
    expect(rows.tries).toEqual([]);
    expect(rows.notifications.every((r) => r.version === 1)).toBe(true);
  });
});

describe("the backoff between tries", () => {
  it("doubles per failed try from the base, with a random half, up to six hours", () => {
    const ceiling = (attempt: number) => backoffMs(attempt, 1_000, () => 1);
    const floor = (attempt: number) => backoffMs(attempt, 1_000, () => 0);
    expect([1, 2, 3, 4].map(ceiling)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect([1, 2, 3, 4].map(floor)).toEqual([500, 1_000, 2_000, 4_000]);
    expect(ceiling(40)).toBe(6 * 60 * 60_000);
  });
});

beforeEach(async () => {
  await db.notificationAttempt.deleteMany();
  await db.notification.deleteMany();
});
