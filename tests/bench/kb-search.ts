// Knowledge-base search on 10,000 articles, as a visitor of the public pages searches
// (no account): our API (GraphQL, policy, Prisma's raw query) on PostgreSQL vs the search's
// very SQL statement run with `pg` on node:http, on the same GIN index. Goals: ratio ≥ 0.5
// and our p95 under 30 ms.
import { openDatabase } from "../../api/db/client.js";
import { startServer } from "./child.js";
import {
  type Bench,
  graphqlTarget,
  identicalAnswers,
  processesOf,
  profileHooks,
} from "./common.js";
import { kbSearchQuery, seedKbArticles } from "./kb-data.js";
import { assertClean, formatFigures, measure, smoke } from "./load.js";

const p95GoalMs = 30;

export const kbSearch: Bench = {
  name: "kb-search",
  goal: 0.5,
  description: `article search on 10,000 articles: our API on PostgreSQL vs its SQL with pg on node:http (p95 goal < ${p95GoalMs} ms)`,
  async run(context) {
    const postgres = await context.postgres();
    const database = await openDatabase({ databaseUrl: postgres.url, dataDir: "memory://" });
    try {
      if (
        (await database.prisma.article.count({ where: { slug: { startsWith: "bench-" } } })) === 0
      ) {
        const began = Date.now();
        const count = await seedKbArticles(database.prisma, smoke ? 500 : 10_000);
        console.log(`  seeded ${count} articles in ${Date.now() - began} ms`);
      }
    } finally {
      await database.close();
    }
    const env = { BENCH_DB_URL: postgres.url };
    const servers = await Promise.all([startServer("wasl", env), startServer("pg-kb", env)]);
    try {
      const [ours, baseline] = servers;
      const targets = [
        {
          ...graphqlTarget("ours (API on PostgreSQL)", ours!.url, kbSearchQuery),
          processes: processesOf(ours!, postgres),
        },
        {
          ...graphqlTarget("the search's SQL with pg on node:http", baseline!.url, kbSearchQuery),
          processes: processesOf(baseline!, postgres),
        },
      ];
      const a = await identicalAnswers(targets);
      const found = (a as { data: { articles: { totalCount: number } } }).data.articles.totalCount;
      console.log(`  answers identical: ${found} PUBLIC articles match, 20 on the page`);
      const figures = await measure(targets, profileHooks("kb-search", servers));
      for (const f of figures) console.log(formatFigures(f));
      assertClean(figures);
      const p95 = figures[0]!.p95;
      console.log(
        `  our p95 ${p95.toFixed(2)} ms: ${p95 < p95GoalMs ? "under" : "OVER"} the ${p95GoalMs} ms goal`,
      );
      return figures[0]!.rps / figures[1]!.rps;
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  },
};
