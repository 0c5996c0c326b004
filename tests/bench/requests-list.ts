// A filtered request list on the large data set (1M requests): the staff desk's "overdue
// financial-support requests awaiting a decision" page, through our API as STAFF.
// Goal: p95 < 50 ms on PostgreSQL. This bench has no baseline server: its ratio is
// 50 ms / p95, so ratio ≥ 1 means the p95 goal is met (`bench requests-list ratio=… goal=1`).
// The same page on PGlite (in memory, in the server's process) is printed as information;
// BENCH_LIST_PGLITE=0 skips it, BENCH_PGLITE_LARGE_REQUESTS / _MEMBERS size its data set
// (default: as on PostgreSQL; seeding 1M rows into PGlite takes minutes and ~3.4 GB).
// The PostgreSQL database is the bench's own (not the shared demo one): 1M rows would change
// the other benches' figures.

import { openDatabase } from "../../api/db/client.js";
import { startServer } from "./child.js";
import {
  type Bench,
  fetchOnce,
  graphqlTarget,
  processesOf,
  profileHooks,
  signIn,
} from "./common.js";
import type { Credentials } from "./data.js";
import { largeSize, seedLargeBenchData } from "./large-data.js";
import { assertClean, formatFigures, measure, settings, type Target } from "./load.js";
import { startPostgres } from "./postgres.js";

export const requestsListGoalMs = 50;

/** measure() with one connection (settings are restored afterwards). */
async function oneConnection(target: Target) {
  const saved = settings.connections;
  settings.connections = 1;
  try {
    const [figures] = await measure([target]);
    assertClean([figures!]);
    return figures!;
  } finally {
    settings.connections = saved;
  }
}

export const requestsListQuery =
  "{ requests(first: 50, filter: { status: SUBMITTED, type: FINANCIAL_SUPPORT, overdue: true }, " +
  "orderBy: { field: DECISION_DUE_AT, direction: ASC }) { totalCount edges { node { reference " +
  "status subject decisionDueAt overdue daysRemaining member { fullNameAr memberNumber } } } } }";

export const requestsList: Bench = {
  name: "requests-list",
  goal: 1,
  description: `filtered request page (SUBMITTED, FINANCIAL_SUPPORT, overdue; 50 by deadline) as STAFF on the large data set: p95 < ${requestsListGoalMs} ms on PostgreSQL`,
  async run() {
    const size = largeSize();
    const postgres = await startPostgres();
    let p95: number;
    try {
      const database = await openDatabase({ databaseUrl: postgres.url, dataDir: "memory://" });
      let credentials: Credentials;
      try {
        const seeded = await seedLargeBenchData(database.prisma, size);
        credentials = { email: seeded.email, password: seeded.password };
        console.log(`  PostgreSQL: ${postgres.description}; ${seeded.seeded}`);
      } finally {
        await database.close();
      }
      const server = await startServer("wasl", { BENCH_DB_URL: postgres.url });
      try {
        const token = await signIn(server.url, credentials);
        const target = {
          ...graphqlTarget("ours (API on PostgreSQL)", server.url, requestsListQuery, token),
          processes: processesOf(server, postgres),
        };
        const answer = (await fetchOnce(target)) as {
          data: { requests: { totalCount: number; edges: unknown[] } };
        };
        console.log(
          `  answer: totalCount=${answer.data.requests.totalCount}, ${answer.data.requests.edges.length} edges, ` +
            `${JSON.stringify(answer).length} bytes of JSON`,
        );
        const [figures] = await measure([target], profileHooks("requests-list", [server]));
        console.log(formatFigures(figures!));
        assertClean([figures!]);
        p95 = figures!.p95;
        console.log(
          `  PostgreSQL: p50=${figures!.p50.toFixed(2)} ms p95=${p95.toFixed(2)} ms at ${settings.connections} connections: ` +
            `${p95 < requestsListGoalMs ? "PASS" : "FAIL"} (goal p95 < ${requestsListGoalMs} ms)`,
        );
        // For the diagnosis: the same page one at a time, without queueing behind other
        // requests on this 2-core machine (information; the goal is judged at full load).
        const unloaded = await oneConnection(target);
        console.log(
          `  PostgreSQL, 1 connection (information): p50=${unloaded.p50.toFixed(2)} ms ` +
            `p95=${unloaded.p95.toFixed(2)} ms, ${unloaded.rps.toFixed(0)} req/s`,
        );
      } finally {
        await server.stop();
      }
    } finally {
      await postgres.stop();
    }

    if (process.env.BENCH_LIST_PGLITE !== "0") {
      const pgliteSize = largeSize("BENCH_PGLITE_LARGE");
      const began = Date.now();
      const server = await startServer(
        "wasl-large",
        {
          BENCH_LARGE_MEMBERS: String(pgliteSize.members),
          BENCH_LARGE_REQUESTS: String(pgliteSize.requests),
        },
        { startTimeoutMs: 30 * 60_000 },
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
    return requestsListGoalMs / p95;
  },
};
