// The figures the association watches (DOMAIN.md), computed in SQL over the Request table:
// one round of aggregate queries, never by downloading lists.

import type { DashboardFigures as ContractFigures, CountBy } from "../../../contract/dashboard.js";
import type { Caller } from "../../auth/caller.js";
import { type Db, Prisma } from "../../db/client.js";
import { undecidedStates } from "../requests/lifecycle.js";
import { visibleRequestsSql } from "../requests/policy.js";

/** Requests someone still has to act on (a decision, an answer or completion). */
export const openStatuses = [
  "SUBMITTED",
  "NEEDS_INFO",
  "WITH_RESEARCHER",
  "IN_COMMITTEE",
  "IN_PROGRESS",
  "APPROVED",
] as const;

export type DashboardPeriod = { from: Date; to: Date };
export type { CountBy };
/** The figures as the API computes them: the contract's, with dates. */
export type DashboardFigures = ContractFigures<Date>;

const dayMs = 86_400_000;

/** The last 30 days up to now unless the caller says otherwise; from is before to. */
export function resolvePeriod(
  from?: Date | null,
  to?: Date | null,
  now = new Date(),
): DashboardPeriod {
  const end = to ?? now;
  const start = from ?? new Date(end.getTime() - 30 * dayMs);
  return start <= end ? { from: start, to: end } : { from: end, to: start };
}

type CountRow = { key: string; count: bigint | number };
const counts = (rows: CountRow[]): CountBy[] =>
  rows.map((r) => ({ key: r.key, count: Number(r.count) }));

/**
 * Statuses as `$1::"RequestStatus", …` for `IN (…)`. A text array cast to the enum's array
 * hides the values from the planner: it guessed 580,000 open requests of 1M for 40,000 and
 * planned parallel scans for them.
 */
const statusList = (statuses: readonly string[]) =>
  Prisma.join(statuses.map((status) => Prisma.sql`${status}::"RequestStatus"`));

/** Counts summed by a key, largest first. */
function sumBy<T extends { count: bigint | number }>(
  rows: T[],
  key: (row: T) => string,
): CountBy[] {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + Number(row.count));
  return [...sums].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count);
}

export async function dashboardFigures(
  db: Db,
  caller: Caller,
  period: DashboardPeriod,
  now = new Date(),
): Promise<DashboardFigures> {
  const { from, to } = period;
  // A researcher's figures count the cases referred to them: counts never reveal hidden rows.
  const visible = visibleRequestsSql(caller);
  const open = statusList(openStatuses);
  // Still waiting for their decision (or answer): these can be overdue.
  const awaiting = statusList(undecidedStates);
  // Every condition is on a column as stored (enum to enum, a range on one column), so that
  // PostgreSQL answers from the indexes (schema.prisma) rather than reading all of Request:
  // `"status"::text = ANY(…)` or a range on COALESCE(…) can use no index.
  // Decision time: decidedAt for committee types, resolvedAt for service types.
  // Three statements, each one index range read once (index-only where the table is
  // vacuumed): the open requests by status with the overdue among them, the decided, and the
  // submissions by channel and type (summed here: GROUPING SETS cost a third more).
  const [openRows, decidedRows, submittedRows] = await Promise.all([
    db.$queryRaw<(CountRow & { overdue: bigint | number })[]>`
      SELECT "status"::text AS key, count(*) AS count,
             count(*) FILTER (
               WHERE "status" IN (${awaiting}) AND "decisionDueAt" < ${now}
             ) AS overdue
      FROM "Request"
      WHERE "status" IN (${open}) ${visible} GROUP BY "status" ORDER BY count(*) DESC`,
    // Decided in the period: by its decidedAt, or by its resolvedAt when it has none; each
    // branch reads only its own index range (an OR made PostgreSQL read every undecided row).
    // date_part is double precision; EXTRACT's numeric made the median's sort twice as slow.
    db.$queryRaw<{ decided: bigint; within: bigint; median_hours: number | null }[]>`
      WITH decided AS (
        SELECT "decidedAt" AS at, "submittedAt", "decisionDueAt" FROM "Request"
        WHERE "decidedAt" >= ${from} AND "decidedAt" < ${to} AND "submittedAt" IS NOT NULL ${visible}
        UNION ALL
        SELECT "resolvedAt" AS at, "submittedAt", "decisionDueAt" FROM "Request"
        WHERE "resolvedAt" >= ${from} AND "resolvedAt" < ${to} AND "decidedAt" IS NULL
          AND "submittedAt" IS NOT NULL ${visible}
      )
      SELECT count(*) AS decided,
             count(*) FILTER (WHERE "decisionDueAt" IS NULL OR at <= "decisionDueAt") AS within,
             percentile_cont(0.5) WITHIN GROUP (
               ORDER BY date_part('epoch', at - "submittedAt")
             ) / 3600.0 AS median_hours
      FROM decided`,
    db.$queryRaw<{ channel: string; type: string; count: bigint }[]>`
      SELECT "channel"::text AS channel, "typeCode"::text AS type, count(*) AS count FROM "Request"
      WHERE "submittedAt" >= ${from} AND "submittedAt" < ${to} ${visible}
      GROUP BY "channel", "typeCode"`,
  ]);
  const byChannel = sumBy(submittedRows, (r) => r.channel);
  const byType = sumBy(submittedRows, (r) => r.type);
  const openByStatus = counts(openRows);
  const decided = Number(decidedRows[0]?.decided ?? 0);
  const within = Number(decidedRows[0]?.within ?? 0);
  const median = decidedRows[0]?.median_hours;
  return {
    period,
    openTotal: openByStatus.reduce((sum, s) => sum + s.count, 0),
    openByStatus,
    overdue: openRows.reduce((sum, r) => sum + Number(r.overdue), 0),
    decidedInPeriod: decided,
    decidedWithinDue: within,
    decidedWithinDueShare: decided ? within / decided : null,
    medianHoursToDecision:
      median === null || median === undefined ? null : Math.round(Number(median) * 10) / 10,
    submittedInPeriod: byChannel.reduce((sum, c) => sum + c.count, 0),
    byChannel,
    byType,
  };
}

/** Dashboards being computed now, per database client, by what they count. */
const computing = new WeakMap<Db, Map<string, Promise<DashboardFigures>>>();

/**
 * dashboardFigures, shared by identical requests that arrive while it is being computed: the
 * same reach (visibleRequestsSql) and the same period. Staff open the dashboard together
 * (the morning, a meeting): each computation reads about 130,000 index entries at 1M
 * requests (three statements, tens of milliseconds of PostgreSQL CPU), and ten at once queued behind one
 * another on two cores. A request that joins gets the figures of a computation that began at
 * most one computation earlier than it arrived, and nothing is kept once it is answered:
 * there is no cache to invalidate.
 */
export function sharedDashboardFigures(
  db: Db,
  caller: Caller,
  period: DashboardPeriod,
): Promise<DashboardFigures> {
  const visible = visibleRequestsSql(caller);
  const key = JSON.stringify([
    visible.sql,
    visible.values,
    period.from.toISOString(),
    period.to.toISOString(),
  ]);
  const running = computing.get(db) ?? new Map<string, Promise<DashboardFigures>>();
  computing.set(db, running);
  const shared = running.get(key);
  if (shared) return shared;
  const figures = dashboardFigures(db, caller, period).finally(() => running.delete(key));
  running.set(key, figures);
  return figures;
}
