// Scheduled jobs: each runs once per due time however many instances run it. A run is
// claimed by inserting its (job, due time) row, which only one instance can do; what a run
// queues is keyed (`dedupeKey`), so a run that died half-way is completed by the next one
// without sending anything twice. The delivery worker's own polling is the retry sweep: its
// claim (SKIP LOCKED) is safe on any number of instances.
import type { PrismaClient } from "../../db/client.js";
import type { Logger } from "../../logger.js";
import type { WaslPubSub } from "../../pubsub.js";
import { dayMs, isDueSoon, isOverdue, warningLeadDays } from "../requests/decision-clock.js";
import { undecidedStates } from "../requests/lifecycle.js";
import { enqueueStaffReminder } from "./staff.js";

export type JobContext = { prisma: PrismaClient; pubsub: WaslPubSub; now: Date };

export type ScheduledJob = {
  name: string;
  everyMs: number;
  /** Does the job's work for one due time; returns how many things it did. */
  run(context: JobContext): Promise<number>;
};

/** The due time a moment falls in: the start of its `everyMs` slot. */
export const dueTimeOf = (now: Date, everyMs: number) =>
  new Date(Math.floor(now.getTime() / everyMs) * everyMs);

/**
 * Runs the job for the due time `now` falls in, unless an instance already claimed it.
 * Returns how many things it did, or null when another instance has (or had) the run.
 */
export async function runIfDue(job: ScheduledJob, context: JobContext): Promise<number | null> {
  const dueAt = dueTimeOf(context.now, job.everyMs);
  const claimed = await context.prisma.scheduledJobRun.createMany({
    data: [{ job: job.name, dueAt, startedAt: context.now }],
    skipDuplicates: true,
  });
  if (!claimed.count) return null;
  const processed = await job.run(context);
  await context.prisma.scheduledJobRun.update({
    where: { job_dueAt: { job: job.name, dueAt } },
    data: { finishedAt: new Date(), processed },
  });
  return processed;
}

/** Undecided requests due within the warning lead time, or past it, and who works on them. */
async function requestsNeedingReminders(prisma: PrismaClient, now: Date) {
  const lead = await warningLeadDays(prisma);
  const requests = await prisma.request.findMany({
    where: {
      status: { in: [...undecidedStates] },
      decisionDueAt: { not: null, lte: new Date(now.getTime() + lead * dayMs) },
    },
    select: {
      id: true,
      status: true,
      decisionDueAt: true,
      clockPausedAt: true,
      assigneeId: true,
      researcherId: true,
    },
  });
  return requests.flatMap((request) => {
    const event = isOverdue(request, now)
      ? ("DECISION_OVERDUE" as const)
      : isDueSoon(request, now, lead)
        ? ("DUE_DATE_REMINDER" as const)
        : undefined;
    const users = new Set([request.assigneeId, request.researcherId].filter((id) => id !== null));
    return event ? [...users].map((userId) => ({ request, event, userId })) : [];
  });
}

/**
 * Which of these reminders an earlier run queued, in a few statements. Each run finds every
 * overdue request again: one transaction per reminder to learn it was queued before cost a
 * backlog of 13,000 overdue requests 13,000 transactions every quarter of an hour, competing
 * with the pages staff were reading. A queued reminder's first notification carries the key
 * with `:0` (enqueueStaffReminder).
 */
async function alreadyQueued(prisma: PrismaClient, keys: string[]): Promise<Set<string>> {
  const queued = new Set<string>();
  const chunk = 1000;
  for (let i = 0; i < keys.length; i += chunk) {
    const rows = await prisma.notification.findMany({
      where: { dedupeKey: { in: keys.slice(i, i + chunk).map((key) => `${key}:0`) } },
      select: { dedupeKey: true },
    });
    for (const row of rows) queued.add(row.dedupeKey!.slice(0, -":0".length));
  }
  return queued;
}

/**
 * Reminds the staff on each undecided request that its decision is due soon, then that it is
 * overdue: once per request, user and due date (a moved due date reminds again).
 */
export const decisionReminders = (everyMs: number): ScheduledJob => ({
  name: "decision-reminders",
  everyMs,
  async run({ prisma, pubsub, now }) {
    let queued = 0;
    const reminders = (await requestsNeedingReminders(prisma, now)).map((reminder) => ({
      ...reminder,
      dedupeKey: `${reminder.event}:${reminder.request.id}:${reminder.userId}:${reminder.request.decisionDueAt!.toISOString()}`,
    }));
    const queuedBefore = await alreadyQueued(
      prisma,
      reminders.map((r) => r.dedupeKey),
    );
    for (const { request, event, userId, dedupeKey } of reminders) {
      if (queuedBefore.has(dedupeKey)) continue;
      const fresh = await prisma.$transaction((tx) =>
        enqueueStaffReminder(tx, { event, userId, requestId: request.id, now, dedupeKey }),
      );
      if (fresh) {
        queued++;
        pubsub.publish("staffNotificationAdded", { userId });
      }
    }
    // Their e-mails wait in the outbox: its screen refetches.
    if (queued)
      pubsub.publish("outboxChanged", {
        change: "QUEUED",
        notificationIds: [],
        at: now.toISOString(),
      });
    return queued;
  },
});

export type Scheduler = { start(): void; stop(): Promise<void> };

/** Checks every `tickMs` whether a job's next due time came, and runs it if no one has. */
export function createScheduler(options: {
  prisma: PrismaClient;
  pubsub: WaslPubSub;
  log: Logger;
  jobs: ScheduledJob[];
  tickMs?: number;
}): Scheduler {
  const { jobs, log } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    const now = new Date();
    running = Promise.all(
      jobs.map((job) =>
        runIfDue(job, { ...options, now }).catch((error: unknown) =>
          log.error({ err: error, job: job.name }, "scheduled job failed"),
        ),
      ),
    ).finally(() => {
      if (!stopped) timer = setTimeout(tick, options.tickMs ?? 5_000);
    });
  };
  return {
    start() {
      stopped = false;
      timer = setTimeout(tick, 0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
