// The baseline of the kb-search bench: the search's very SQL statement (the module's own,
// on the same GIN index) run with `pg` on node:http, then the page's columns by id (as the
// API loads them), answering the same JSON as our GraphQL.
import type { RequestListener } from "node:http";
import pg from "pg";
import { anonymous } from "../../api/auth/caller.js";
import { articleVisibility } from "../../api/modules/knowledge/policy.js";
import { articleSearchSql, prefixQuery } from "../../api/modules/knowledge/search.js";
import { gid } from "../helpers/ids.js";
import { jsonListener } from "./hand-written.js";
import { kbSearchText } from "./kb-data.js";

type Match = { id: string; totalCount: number };
type Row = { id: string; slug: string; titleAr: string; category: string };

const rowsSql = `SELECT a.id, a.slug, a."titleAr", a.category::text AS category FROM "Article" a WHERE a.id = ANY($1::uuid[])`;

export async function kbSearch(pool: pg.Pool) {
  const statement = articleSearchSql({
    query: prefixQuery(kbSearchText)!,
    visibility: articleVisibility(anonymous),
    // One more row than the page, as our connection asks, to know whether another follows.
    limit: 21,
    offset: 0,
  });
  const matches = (await pool.query<Match>(statement.text, statement.values as unknown[])).rows;
  const ids = matches.slice(0, 20).map((m) => m.id);
  const byId = new Map((await pool.query<Row>(rowsSql, [ids])).rows.map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)!);
  return {
    data: {
      articles: {
        totalCount: matches[0]?.totalCount ?? 0,
        edges: rows.map((r) => ({
          node: {
            id: gid("Article", r.id),
            slug: r.slug,
            titleAr: r.titleAr,
            category: r.category,
          },
        })),
      },
    },
  };
}

/** POST /graphql (any body) → the search's first page as JSON. Pool size as our PrismaPg (10). */
export function createKbSearchHandler(databaseUrl: string): {
  listener: RequestListener;
  close(): Promise<void>;
} {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const listener = jsonListener(() => kbSearch(pool));
  return { listener, close: () => pool.end() };
}
