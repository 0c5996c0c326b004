// A filtered request list on the large data set (1M requests): the staff desk's "overdue
// financial-support requests awaiting a decision" page, through our API as STAFF.
// Goal: p95 < 50 ms on PostgreSQL at 10 connections (latency.ts: ratio = 50 ms / p95).
// The same page on PGlite (in memory, in the server's process) is printed as information;
// BENCH_LIST_PGLITE=0 skips it, BENCH_PGLITE_LARGE_REQUESTS / _MEMBERS size its data set
// (default: as on PostgreSQL; seeding 1M rows into PGlite takes minutes and ~3.4 GB).
import { startServer } from "./child.js";
import { type Bench, fetchOnce, graphqlTarget, processesOf, signIn } from "./common.js";
import { largeSize } from "./large-data.js";
import { measureLatency, oneConnection } from "./latency.js";
import { assertClean, formatFigures, measure, settings } from "./load.js";

export const requestsListGoalMs = 50;

export const requestsListQuery =
  "{ requests(first: 50, filter: { status: SUBMITTED, type: FINANCIAL_SUPPORT, overdue: true }, " +
  "orderBy: { field: DECISION_DUE_AT, direction: ASC }) { totalCount edges { node { reference " +
  "status subject decisionDueAt overdue daysRemaining member { fullNameAr memberNumber } } } } }";

export const requestsList: Bench = {
  name: "requests-list",
  goal: 1,
  description: `filtered request page (SUBMITTED, FINANCIAL_SUPPORT, overdue; 50 by deadline) as STAFF on the large data set: p95 < ${requestsListGoalMs} ms on PostgreSQL`,
  async run(context) {
    const p95Ratio = await measureLatency(
      context,
      "PostgreSQL",
      {
        query: requestsListQuery,
        describe: (answer) => {
          const { totalCount, edges } = (
            answer as { data: { requests: { totalCount: number; edges: unknown[] } } }
          ).data.requests;
          return `totalCount=${totalCount}, ${edges.length} edges`;
        },
      },
      { goalMs: requestsListGoalMs, notDoneMs: 80 },
    );

    if (process.env.BENCH_LIST_PGLITE !== "0") {
      const pgliteSize = largeSize("BENCH_PGLITE_LARGE");
      const began = Date.now();
      const server = await startServer(
        "wasl-large",
        {
          BENCH_LARGE_MEMBERS: String(pgliteSize.members),
          BENCH_LARGE_REQUESTS: String(pgliteSize.requests),
        },
        { startTimeoutMs: 30 * 60_000, pin: false },
      );
      try {
        console.log(
          `  PGlite (in memory): ${server.seeded} (server ready in ${((Date.now() - began) / 1000).toFixed(0)} s)`,
        );
        const token = await signIn(server.url, server.credentials!);
        const target = {
          ...graphqlTarget("ours (API on PGlite)", server.url, requestsListQuery, token),
          processes: processesOf(server),
        };
        await fetchOnce(target);
        const [figures] = await measure([target]);
        console.log(formatFigures(figures!));
        assertClean([figures!]);
        const unloaded = await oneConnection(target);
        console.log(
          `  PGlite: p50=${figures!.p50.toFixed(2)} ms p95=${figures!.p95.toFixed(2)} ms at ${settings.connections} connections; ` +
            `1 connection: p50=${unloaded.p50.toFixed(2)} ms p95=${unloaded.p95.toFixed(2)} ms (information, no goal)`,
        );
      } finally {
        await server.stop();
      }
    }
    return p95Ratio;
  },
};
