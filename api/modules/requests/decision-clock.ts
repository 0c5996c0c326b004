// The decision clock: a submitted request must be decided (or resolved) within its type's
// period; asking the member for more information pauses the clock and resuming moves the due
// date by the time it stood still. The pure arithmetic, and its SQL twin for lists.
import type { Db, Prisma } from "../../db/client.js";
import type { RequestStatus } from "../../db/generated/enums.js";
import { clockRunningStates, undecidedStates } from "./lifecycle.js";

export const dayMs = 24 * 60 * 60 * 1000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * dayMs);
}

/** The due date after a pause: moved later by the time the clock stood still. */
export function resumedDueAt(decisionDueAt: Date, pausedAt: Date, now: Date): Date {
  return new Date(decisionDueAt.getTime() + Math.max(0, now.getTime() - pausedAt.getTime()));
}

export type ClockFacts = {
  status: RequestStatus;
  decisionDueAt: Date | null;
  clockPausedAt: Date | null;
};

/**
 * The due date as it stands now: while paused, the time since the pause does not count, so
 * the due date moves with the clock.
 */
export function effectiveDueAt(request: ClockFacts, now: Date): Date | null {
  if (!request.decisionDueAt) return null;
  return request.clockPausedAt
    ? resumedDueAt(request.decisionDueAt, request.clockPausedAt, now)
    : request.decisionDueAt;
}

/** Overdue: submitted, not yet decided or resolved, and past its (effective) due date. */
export function isOverdue(request: ClockFacts, now: Date): boolean {
  const due = effectiveDueAt(request, now);
  return !!due && undecidedStates.includes(request.status) && due.getTime() < now.getTime();
}

/** Due within the warning lead time, and not overdue yet. */
export function isDueSoon(request: ClockFacts, now: Date, leadDays: number): boolean {
  const due = effectiveDueAt(request, now);
  if (!due || !undecidedStates.includes(request.status) || isOverdue(request, now)) return false;
  return due.getTime() - now.getTime() <= leadDays * dayMs;
}

/** Whole days left (rounded up); negative once overdue; null when no clock applies. */
export function daysRemaining(request: ClockFacts, now: Date): number | null {
  const due = effectiveDueAt(request, now);
  if (!due || !undecidedStates.includes(request.status)) return null;
  const days = (due.getTime() - now.getTime()) / dayMs;
  return days >= 0 ? Math.ceil(days) : Math.floor(days);
}

/** Whether the clock runs in this state (not paused, not decided). */
export function clockRuns(status: RequestStatus): boolean {
  return clockRunningStates.includes(status);
}

/**
 * Overdue in SQL: undecided and past the due date, where a paused clock stopped at the pause.
 * `status`: the one status a list is already narrowed to, if any; the undecided states then
 * narrow it no further (or leave nothing overdue) and are not repeated. Repeated, as a second
 * condition on the status beside the list's own, they keep PostgreSQL 15 from reading an index
 * on the status and the deadline in deadline order: it reads and sorts every match instead.
 */
export function overdueWhere(
  db: Db,
  now: Date,
  status?: RequestStatus | null,
): Prisma.RequestWhereInput {
  const late: Prisma.RequestWhereInput = {
    OR: [
      { clockPausedAt: null, decisionDueAt: { lt: now } },
      { clockPausedAt: { not: null }, decisionDueAt: { lt: db.request.fields.clockPausedAt } },
    ],
  };
  if (!status) return { status: { in: [...undecidedStates] }, ...late };
  return undecidedStates.includes(status) ? late : { id: { in: [] } };
}

/** Setting "decisionWarningLeadDays": how early a request counts as due soon (default 3). */
export async function warningLeadDays(db: Db): Promise<number> {
  const setting = await db.setting.findUnique({ where: { key: "decisionWarningLeadDays" } });
  const value = Number(setting?.value);
  return Number.isFinite(value) && value >= 0 ? value : 3;
}
