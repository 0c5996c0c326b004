// The same members page through our API on embedded PGlite (in memory) vs on PostgreSQL.

import { printBreakdown } from "./breakdown.js";
import { startServer } from "./child.js";
import {
  type Bench,
  fetchOnce,
  graphqlTarget,
  processesOf,
  profileHooks,
  signIn,
} from "./common.js";
import { membersPageQuery } from "./data.js";
import { assertClean, formatFigures, measure } from "./load.js";

type Page = {
  data: {
    members: { totalCount: number; edges: { node: { requests: { totalCount: number } } }[] };
  };
};

function shape(page: Page): string {
  const { totalCount, edges } = page.data.members;
  const requests = edges.reduce((sum, e) => sum + e.node.requests.totalCount, 0);
  return `${totalCount} members, ${edges.length} on the page with ${requests} requests`;
}

export const embedded: Bench = {
  name: "embedded",
  goal: 0.6,
  description: "members page as STAFF: our API on PGlite (in memory) vs our API on PostgreSQL",
  async run(context) {
    const postgres = await context.postgres();
    // Neither pinned to a core: PGlite runs in a thread of the server's process, which on
    // one core would share it with the server (both sides as they run without a bench).
    const servers = await Promise.all([
      startServer("wasl", { BENCH_SEED: "1" }, { pin: false }),
      startServer("wasl", { BENCH_DB_URL: postgres.url }, { pin: false }),
    ]);
    try {
      const [pglite, native] = servers;
      if (pglite!.engine !== "pglite" || native!.engine !== "postgresql" || !pglite!.credentials) {
        throw new Error("embedded: the servers did not open the expected engines");
      }
      console.log(`  PGlite (in memory) seeded: ${pglite!.seeded}`);
      const pgliteToken = await signIn(pglite!.url, pglite!.credentials);
      const nativeToken = await signIn(native!.url, postgres.credentials);
      const targets = [
        {
          ...graphqlTarget(
            "ours on PGlite (in memory)",
            pglite!.url,
            membersPageQuery,
            pgliteToken,
          ),
          processes: processesOf(pglite!),
        },
        {
          ...graphqlTarget("ours on PostgreSQL", native!.url, membersPageQuery, nativeToken),
          processes: processesOf(native!, postgres),
        },
      ];
      const [a, b] = (await Promise.all(targets.map(fetchOnce))) as Page[];
      if (shape(a!) !== shape(b!))
        throw new Error(`the data sets differ: ${shape(a!)} vs ${shape(b!)}`);
      console.log(`  same page on both: ${shape(a!)}`);
      const figures = await measure(targets, profileHooks("embedded", servers));
      for (const f of figures) console.log(formatFigures(f));
      assertClean(figures);
      await printBreakdown(targets[0]!, pglite!);
      await printBreakdown(targets[1]!, native!);
      return figures[0]!.rps / figures[1]!.rps;
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  },
};
