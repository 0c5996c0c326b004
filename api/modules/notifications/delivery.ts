// The delivery worker: claims due notifications, hands them to their channel, and records
// what happened. Claiming is one statement with FOR UPDATE SKIP LOCKED that moves the rows to
// SENDING with a lease, so two workers (two API instances) never claim the same row, and a
// worker that dies mid-batch leaves rows whose lease runs out and that are claimed again:
// nothing is lost; a message may go out twice (at-least-once), with the same idempotency key.
// Each group of channels is claimed and sent on its own loop: a slow receiver on one channel
// (a partner's webhook timing out) never holds up the members' e-mail and SMS.
import type { Config, DeliveryConfig } from "../../config.js";
import { Prisma, type PrismaClient } from "../../db/client.js";
import type { OutboxStatus } from "../../db/generated/enums.js";
import type { Logger } from "../../logger.js";
import {
  type DeliveredChannel,
  DeliveryError,
  type OutgoingMessage,
  providedChannels,
  type Sender,
  type Senders,
} from "./channels.js";
import { captureSender, smtpSender } from "./email.js";
import type { OutboxChangedEvent } from "./events.js";
import { httpSmsGateway, logSmsGateway } from "./sms.js";

/** The senders the configuration asks for: SMTP or the local capture, an SMS gateway. */
export function createSenders(config: Config, log: Logger): Senders {
  const { mailFrom, sms } = config.delivery;
  return {
    EMAIL: config.smtpUrl
      ? smtpSender(config.smtpUrl, mailFrom)
      : captureSender(config.dataDir, mailFrom, log),
    SMS: sms.gateway === "http" ? httpSmsGateway(sms) : logSmsGateway(log),
  };
}

/** The longest wait between two tries, however many failed before. */
const maxBackoffMs = 6 * 60 * 60_000;
/** An error as stored: enough to act on, never a page of text. */
const errorLimit = 1000;

/**
 * The wait before try `attempt + 1`: the base doubled per failed try, of which a random half
 * ("equal jitter"), so that rows that failed together do not all come back together.
 */
export function backoffMs(attempt: number, baseMs: number, random: () => number): number {
  const ceiling = Math.min(maxBackoffMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export type DeliveryOutcome = { sent: number; retrying: number; failed: number };

/** A notification claimed for one try: what its channel needs, and which try it is. */
export type Claimed = OutgoingMessage & { attempts: number };

/** Which channels a loop claims: the members' channels together, each provided one alone. */
export type ChannelGroup = readonly DeliveredChannel[];

/**
 * Claims up to `batchSize` notifications of `channels` due at `at`, oldest due first: PENDING
 * rows that are due, and SENDING rows whose worker's lease ran out (it died).
 * Each moves to SENDING with one more try and a lease until `at + leaseMs`. Rows another
 * transaction holds (a worker's claim, a cancel) are skipped, not waited for.
 * Raw SQL: Prisma has no FOR UPDATE SKIP LOCKED, and the claim must be one statement. Its
 * equivalence with the same selection through Prisma: tests/api/outbox-statements.test.ts.
 */
export function claimDue(
  prisma: PrismaClient,
  {
    at,
    leaseMs,
    batchSize,
    channels,
  }: { at: Date; leaseMs: number; batchSize: number; channels: ChannelGroup },
): Promise<Claimed[]> {
  const leaseUntil = new Date(at.getTime() + leaseMs);
  return prisma.$queryRaw<Claimed[]>`
    UPDATE "Notification" SET
      "status" = 'SENDING', "attempts" = "attempts" + 1, "nextAttemptAt" = ${leaseUntil},
      "updatedAt" = ${at}, "version" = "version" + 1
    WHERE "id" IN (
      SELECT "id" FROM "Notification"
      WHERE "status" IN ('PENDING', 'SENDING') AND "nextAttemptAt" <= ${at}
        AND "channel" IN (${Prisma.join(channels.map((c) => Prisma.sql`${c}::"NotificationChannel"`))})
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "channel", "address", "language", "subject", "body", "attempts"`;
}

/** One try at a claimed notification, and the state it leads to. */
export type DeliveryTry = {
  row: Claimed;
  outcome: keyof DeliveryOutcome;
  startedAt: Date;
  finishedAt: Date;
  providerMessageId: string | null;
  /** The HTTP status a webhook's receiver answered, when there was one. */
  responseCode: number | null;
  /** The error as stored (at most `errorLimit` characters), or null when sent. */
  error: string | null;
  /** SENT, FAILED (last try), or PENDING again (to retry). */
  status: OutboxStatus;
  /** When to try again (retrying only); otherwise the row keeps its own. */
  nextAttemptAt: Date | null;
};

/**
 * Records a batch's tries in one transaction of two statements: each row's new state, and
 * the tries. Only rows still claimed by this try change: if a lease ran out and another
 * worker took a row meanwhile, that worker's try stands (this try is still on record).
 * Raw SQL: each row gets values of its own (a measured hot path, tests/bench/outbox.ts); its
 * equivalence with the same writes through Prisma: tests/api/outbox-statements.test.ts.
 */
export async function recordTries(
  prisma: PrismaClient,
  tries: DeliveryTry[],
  at: Date,
): Promise<void> {
  if (!tries.length) return;
  const values = tries.map(
    (t) =>
      Prisma.sql`(${t.row.id}::uuid, ${t.row.attempts}::int, ${t.status}::"OutboxStatus",
        ${t.outcome === "sent" ? t.finishedAt : null}::timestamp(3), ${t.providerMessageId}::text,
        ${t.error}::text, ${t.nextAttemptAt}::timestamp(3))`,
  );
  await prisma.$transaction([
    prisma.$executeRaw`
      UPDATE "Notification" AS n SET
        "status" = v."status", "sentAt" = COALESCE(v."sentAt", n."sentAt"),
        "providerMessageId" = COALESCE(v."providerMessageId", n."providerMessageId"),
        "lastError" = v."lastError", "nextAttemptAt" = COALESCE(v."next", n."nextAttemptAt"),
        "updatedAt" = ${at}, "version" = n."version" + 1
      FROM (VALUES ${Prisma.join(values)})
        AS v("id", "attempts", "status", "sentAt", "providerMessageId", "lastError", "next")
      WHERE n."id" = v."id" AND n."status" = 'SENDING' AND n."attempts" = v."attempts"`,
    prisma.notificationAttempt.createMany({
      data: tries.map((t) => ({
        notificationId: t.row.id,
        attempt: t.row.attempts,
        startedAt: t.startedAt,
        finishedAt: t.finishedAt,
        succeeded: t.outcome === "sent",
        providerMessageId: t.providerMessageId,
        error: t.error,
        responseCode: t.responseCode,
      })),
    }),
  ]);
}

export type DeliveryWorker = {
  /** Claims one batch of due notifications and delivers it. */
  deliverDue(): Promise<DeliveryOutcome>;
  /** Delivers batches until none is due (tests, the bench, a retry sweep). */
  drain(): Promise<DeliveryOutcome>;
  /** Polls every `pollMs` until stopped. */
  start(): void;
  /** Stops polling and waits for the batch in hand; closes the senders. */
  stop(): Promise<void>;
};

export function createDeliveryWorker(options: {
  prisma: PrismaClient;
  senders: Senders;
  config: DeliveryConfig;
  log: Logger;
  now?: () => Date;
  random?: () => number;
  /** Told of each batch claimed and each batch recorded (the outbox screen's live updates). */
  onChange?: (event: OutboxChangedEvent) => void;
}): DeliveryWorker {
  const { prisma, senders, config, log } = options;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const provided = providedChannels();
  const sendersByChannel = new Map<DeliveredChannel, Sender>([
    ...(Object.entries(senders) as [DeliveredChannel, Sender][]),
    ...provided.map(
      ([channel, factory]) =>
        [channel, factory({ prisma, config, log, now })] as [DeliveredChannel, Sender],
    ),
  ]);
  const groups: ChannelGroup[] = [
    Object.keys(senders) as DeliveredChannel[],
    ...provided.map(([channel]) => [channel]),
  ];

  /** One try at one claimed row: what the provider answered, and what follows from it. */
  async function attempt(row: Claimed): Promise<DeliveryTry> {
    const startedAt = now();
    let providerMessageId: string | null = null;
    let responseCode: number | null = null;
    let error: DeliveryError | null = null;
    try {
      const sender = sendersByChannel.get(row.channel as DeliveredChannel);
      if (!sender) throw new DeliveryError(`no sender for channel ${row.channel}`, false);
      const delivered = await sender.send(row);
      providerMessageId = delivered.providerMessageId;
      responseCode = delivered.responseCode ?? null;
    } catch (caught) {
      error =
        caught instanceof DeliveryError
          ? caught
          : new DeliveryError(caught instanceof Error ? caught.message : String(caught), false);
      responseCode = error.responseCode ?? null;
    }
    const finishedAt = now();
    const lastTry = error && (error.permanent || row.attempts >= config.maxAttempts);
    const outcome: keyof DeliveryOutcome = !error ? "sent" : lastTry ? "failed" : "retrying";
    if (error)
      log.warn(
        { notificationId: row.id, attempt: row.attempts, outcome, err: error.message },
        "notification not delivered",
      );
    return {
      row,
      outcome,
      startedAt,
      finishedAt,
      providerMessageId,
      responseCode,
      error: error ? error.message.slice(0, errorLimit) : null,
      status: !error ? "SENT" : lastTry ? "FAILED" : "PENDING",
      nextAttemptAt:
        outcome === "retrying"
          ? new Date(finishedAt.getTime() + backoffMs(row.attempts, config.backoffMs, random))
          : null,
    };
  }

  async function deliverGroup(channels: ChannelGroup): Promise<DeliveryOutcome> {
    const rows = await claimDue(prisma, {
      at: now(),
      leaseMs: config.leaseMs,
      batchSize: config.batchSize,
      channels,
    });
    // The batch goes out together (SMTP's pool and the gateway take several at once) and is
    // recorded together. A worker that dies before recording leaves the batch SENDING: its
    // lease runs out and it is sent again (at least once, with the same idempotency key).
    const notificationIds = rows.map((row) => row.id);
    if (rows.length)
      options.onChange?.({ change: "CLAIMED", notificationIds, at: now().toISOString() });
    const tries = await Promise.all(rows.map(attempt));
    await recordTries(prisma, tries, now());
    if (rows.length)
      options.onChange?.({ change: "DELIVERY_RECORDED", notificationIds, at: now().toISOString() });
    const outcome: DeliveryOutcome = { sent: 0, retrying: 0, failed: 0 };
    for (const t of tries) outcome[t.outcome]++;
    return outcome;
  }

  const add = (total: DeliveryOutcome, batch: DeliveryOutcome) => {
    total.sent += batch.sent;
    total.retrying += batch.retrying;
    total.failed += batch.failed;
  };

  async function deliverDue(): Promise<DeliveryOutcome> {
    const total: DeliveryOutcome = { sent: 0, retrying: 0, failed: 0 };
    for (const batch of await Promise.all(groups.map(deliverGroup))) add(total, batch);
    return total;
  }

  /** Batches one after another until one comes back short: nothing more is due. */
  async function lane(channels: ChannelGroup, total: DeliveryOutcome): Promise<void> {
    for (;;) {
      const batch = await deliverGroup(channels);
      add(total, batch);
      if (batch.sent + batch.retrying + batch.failed < config.batchSize) return;
    }
  }

  /** Two batches in flight: one is claimed and recorded while the other is being sent, so
   * the database's work hides behind the network's (SKIP LOCKED keeps them apart). */
  async function drainGroup(channels: ChannelGroup, total: DeliveryOutcome) {
    await Promise.all([lane(channels, total), lane(channels, total)]);
  }

  async function drain(): Promise<DeliveryOutcome> {
    const total: DeliveryOutcome = { sent: 0, retrying: 0, failed: 0 };
    await Promise.all(groups.map((channels) => drainGroup(channels, total)));
    return total;
  }

  let stopped = false;
  /** One polling loop per group of channels, so that none waits for another's batch. */
  const loops = groups.map((channels) => {
    const loop = { timer: undefined as NodeJS.Timeout | undefined, running: Promise.resolve() };
    const tick = () => {
      loop.running = drainGroup(channels, { sent: 0, retrying: 0, failed: 0 })
        .catch((error: unknown) => log.error({ err: error }, "delivery worker: batch failed"))
        .finally(() => {
          if (!stopped) loop.timer = setTimeout(tick, config.pollMs);
        });
    };
    return { loop, tick };
  });

  return {
    deliverDue,
    drain,
    start() {
      stopped = false;
      for (const { loop, tick } of loops) loop.timer = setTimeout(tick, 0);
    },
    async stop() {
      stopped = true;
      for (const { loop } of loops) clearTimeout(loop.timer);
      await Promise.all(loops.map(({ loop }) => loop.running));
      await Promise.all([...sendersByChannel.values()].map((sender) => sender.close()));
    },
  };
}
