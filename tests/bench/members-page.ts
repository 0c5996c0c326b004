// The members page (50 members, each with its 10 newest requests and counts) through our API
// on PostgreSQL vs the same page written by hand with `pg`: what GraphQL, Pothos and Prisma cost.
import { printBreakdown } from "./breakdown.js";
import { startServer } from "./child.js";
import {
  type Bench,
  graphqlTarget,
  identicalAnswers,
  processesOf,
  profileHooks,
  signIn,
} from "./common.js";
import { membersPageQuery } from "./data.js";
import { type FloorProbe, printFloor } from "./floor.js";
import { assertClean, formatFigures, measure } from "./load.js";
import { membersPage as handWrittenPage } from "./pg-members.js";

/** The page's shape as a minimal schema, for bare graphql-js (floor.ts). */
const membersPageSdl = `
type Query { members(first: Int!): MemberConnection! }
type MemberConnection { totalCount: Int! edges: [MemberEdge!]! }
type MemberEdge { node: Member! }
type Member {
  id: ID! memberNumber: String! fullNameAr: String! city: String! status: String!
  requests(first: Int!): RequestConnection!
}
type RequestConnection { totalCount: Int! edges: [RequestEdge!]! }
type RequestEdge { node: Request! }
type Request { id: ID! reference: String status: String! subject: String! }`;

/**
 * The page's reads: through Prisma, exactly the calls our API makes for the page (recorded
 * and replayed by floor.ts); through the baseline's pg queries.
 */
const membersPageFloor: FloorProbe = { pg: (pool) => handWrittenPage(pool, 50, 10) };

export const membersPage: Bench = {
  name: "members-page",
  goal: 0.35,
  description: "members page as STAFF: our API on PostgreSQL vs hand-written pg on node:http",
  async run(context) {
    const postgres = await context.postgres();
    const env = { BENCH_DB_URL: postgres.url };
    const servers = await Promise.all([startServer("wasl", env), startServer("pg-members", env)]);
    try {
      const [ours, baseline] = servers;
      const token = await signIn(ours!.url, postgres.credentials);
      const targets = [
        {
          ...graphqlTarget("ours (API on PostgreSQL)", ours!.url, membersPageQuery, token),
          processes: processesOf(ours!, postgres),
        },
        {
          ...graphqlTarget("hand-written pg on node:http", baseline!.url, membersPageQuery),
          processes: processesOf(baseline!, postgres),
        },
      ];
      const a = await identicalAnswers(targets);
      console.log(
        `  answers identical (${JSON.stringify(a).length} bytes of JSON, signed in as ${postgres.credentials.email})`,
      );
      const figures = await measure(targets, profileHooks("members-page", servers));
      for (const f of figures) console.log(formatFigures(f));
      assertClean(figures);
      await printBreakdown(targets[0]!, ours!);
      await printFloor(
        postgres.url,
        {
          ...membersPageFloor,
          graphql: { query: membersPageQuery, as: postgres.credentials, sdl: membersPageSdl },
        },
        figures[1]!.cpuPerRequest,
        figures[0]!.cpuPerRequest,
      );
      return figures[0]!.rps / figures[1]!.rps;
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  },
};
