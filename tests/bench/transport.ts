// `{ __typename }` through our full server (armor, CSRF, auth context, request logging) vs a
// bare graphql-yoga: what our HTTP and GraphQL plumbing costs when no resolver touches data.
import { isDeepStrictEqual } from "node:util";
import { printBreakdown } from "./breakdown.js";
import { startServer } from "./child.js";
import { type Bench, fetchOnce, graphqlTarget, processesOf, profileHooks } from "./common.js";
import { assertClean, formatFigures, measure } from "./load.js";

const query = "{__typename}";

export const transport: Bench = {
  name: "transport",
  goal: 0.85,
  description:
    "{__typename}: our full server (PGlite in memory, unauthenticated) vs bare graphql-yoga",
  async run() {
    const servers = await Promise.all([
      startServer("wasl"),
      startServer("yoga"),
      startServer("hello"),
    ]);
    try {
      const [ours, bare, hello] = servers;
      const targets = [
        {
          ...graphqlTarget("ours (buildApp, full server)", ours!.url, query),
          processes: processesOf(ours!),
        },
        {
          ...graphqlTarget("bare graphql-yoga on node:http", bare!.url, query),
          processes: processesOf(bare!),
        },
        {
          ...graphqlTarget("node:http hello-world", hello!.url, query),
          processes: processesOf(hello!),
        },
      ];
      for (const target of targets) {
        const answer = await fetchOnce(target);
        if (!isDeepStrictEqual(answer, { data: { __typename: "Query" } })) {
          throw new Error(`${target.name} answered ${JSON.stringify(answer)}`);
        }
      }
      const figures = await measure(targets, profileHooks("transport", servers));
      for (const f of figures) console.log(formatFigures(f));
      assertClean(figures);
      await printBreakdown(targets[0]!, ours!);
      const [o, b, h] = figures;
      console.log(`  bare yoga / node:http hello = ${(b!.rps / h!.rps).toFixed(3)}`);
      console.log(`  ours / node:http hello      = ${(o!.rps / h!.rps).toFixed(3)}`);
      return o!.rps / b!.rps;
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  },
};
