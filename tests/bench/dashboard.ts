// The dashboard on the large data set (1M requests): every figure in one query, as STAFF, for
// the 30 days up to the data set's reference date (benchNow), through our API on PostgreSQL.
// Goal: p95 < 200 ms at 10 connections (latency.ts: ratio = 200 ms / p95).
import type { Bench } from "./common.js";
import { benchNow } from "./data.js";
import { measureLatency } from "./latency.js";

export const dashboardGoalMs = 200;

const from = new Date(benchNow.getTime() - 30 * 86_400_000).toISOString();
const dashboardQuery =
  `{ dashboard(from: "${from}", to: "${benchNow.toISOString()}") { openTotal overdue ` +
  "openByStatus { key count } decidedInPeriod decidedWithinDue decidedWithinDueShare " +
  "medianHoursToDecision submittedInPeriod byChannel { key count } byType { key count } } }";

export const dashboard: Bench = {
  name: "dashboard",
  goal: 1,
  description: `dashboard figures as STAFF on 1M requests: p95 < ${dashboardGoalMs} ms on PostgreSQL`,
  run(context) {
    return measureLatency(
      context,
      "PostgreSQL",
      {
        query: dashboardQuery,
        describe: (answer) => {
          const figures = (answer as { data: { dashboard: Record<string, unknown> } }).data
            .dashboard;
          return `openTotal=${figures.openTotal}, overdue=${figures.overdue}, submittedInPeriod=${figures.submittedInPeriod}`;
        },
      },
      { goalMs: dashboardGoalMs, notDoneMs: 400 },
    );
  },
};
