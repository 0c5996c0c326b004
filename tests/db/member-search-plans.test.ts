// The member search stays index-driven on a large membership: the panel's search for a common
// name (thousands of matches, past the capped count's cap), a two-word name and a member
// number, sent through the API as STAFF; each statement the API sends over "Member" is
// EXPLAINed with its own parameters. None may read the whole table (a Seq Scan of "Member"),
// and the capped count must stop at its cap rather than sort every match first (Prisma's
// `count` with `take` orders by ID, which walked the primary key through 17,000 members).
// The data set is prisma/seed's large one (WASL_PLAN_MEMBERS members, default 30,000),
// analysed and vacuumed as autovacuum leaves a table.
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedLarge } from "../../prisma/seed/index.js";
import { benchNow } from "../bench/data.js";
import { panelSearch } from "../bench/members-search.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { createStaffUser, password } from "../helpers/fixtures.js";

const members = Number(process.env.WASL_PLAN_MEMBERS) || 30_000;

let t: TestApp;
let token: string;
let statements: { sql: string; params: string }[] = [];

beforeAll(async () => {
  t = await startTestApp({
    listen: false,
    onQuery: (sql, params) => statements.push({ sql, params }),
  });
  const db = t.database.prisma;
  await seedLarge(db, { members, requests: members, now: benchNow });
  await db.$executeRawUnsafe("VACUUM ANALYZE");
  await createStaffUser(db, "plans@test.sa", ["STAFF"]);
  token = await t.signIn("plans@test.sa", password);
}, 600_000);
afterAll(() => t.close());

/** The plan's nodes, from EXPLAIN (FORMAT JSON): type and relation. */
function nodesOf(plan: Json, found: { type: string; relation?: string }[] = []) {
  found.push({ type: plan["Node Type"], relation: plan["Relation Name"] });
  for (const child of plan.Plans ?? []) nodesOf(child, found);
  return found;
}

/** Sends the panel's search for `term` and EXPLAINs each statement it sent over "Member". */
async function plansOf(term: string) {
  statements = [];
  const { query, variables } = panelSearch(term);
  const answer = await t.gql(query, variables, { token });
  expect(answer.errors).toBeUndefined();
  const sent = statements.filter(({ sql }) => /FROM ("public"\.)?"Member"/.test(sql));
  expect(sent.length).toBeGreaterThan(0);
  const plans: { sql: string; nodes: { type: string; relation?: string }[] }[] = [];
  for (const { sql, params } of sent) {
    const rows = await t.database.prisma.$queryRawUnsafe<{ "QUERY PLAN": Json }[]>(
      `EXPLAIN (FORMAT JSON) ${sql}`,
      ...(JSON.parse(params) as unknown[]),
    );
    const plan = rows[0]!["QUERY PLAN"];
    plans.push({ sql, nodes: nodesOf((Array.isArray(plan) ? plan[0] : plan).Plan) });
  }
  return { answer, plans };
}

it.each(["محمد", "عبدالله القحطاني", "M-001234"])(
  "searches «%s» without a sequential scan of Member, the capped count stopping at its cap",
  async (term) => {
    const { answer, plans } = await plansOf(term);
    for (const { sql, nodes } of plans) {
      const member = nodes.filter((n) => n.relation === "Member").map((n) => n.type);
      expect(member, sql).not.toContain("Seq Scan");
      if (/count\(\*\)/i.test(sql)) {
        const types = nodes.map((n) => n.type);
        expect(types, sql).toContain("Limit");
        expect(types, sql).not.toContain("Sort");
        expect(sql, sql).not.toMatch(/ORDER BY/i);
      }
    }
    if (term === "محمد")
      expect(answer.data?.connection.cappedCount).toEqual({ count: 1000, more: true });
  },
);
