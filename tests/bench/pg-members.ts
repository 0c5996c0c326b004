// The baseline of the members-page bench: the same page, with the same JSON shape as our
// GraphQL answer, written by hand with `pg` on node:http. Three statements: the total count
// and the page (with each member's request count) in parallel, then each member's ten newest
// requests through a LATERAL join.
import type { RequestListener } from "node:http";
import pg from "pg";
import { gid } from "../helpers/ids.js";
import { jsonListener } from "./hand-written.js";

type MemberRow = {
  id: string;
  memberNumber: string;
  fullNameAr: string;
  city: string;
  status: string;
  requestCount: string;
};

type RequestRow = {
  memberId: string;
  id: string;
  reference: string | null;
  status: string;
  subject: string;
};

const countSql = 'SELECT count(*) AS "totalCount" FROM "Member"';

const pageSql = `
SELECT m.id, m."memberNumber", m."fullNameAr", m.city, m.status::text AS status,
       (SELECT count(*) FROM "Request" r WHERE r."memberId" = m.id) AS "requestCount"
FROM "Member" m
ORDER BY m."createdAt" DESC, m.id DESC
LIMIT $1`;

const requestsSql = `
SELECT p.id AS "memberId", r.id, r.reference, r.status, r.subject
FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, position)
CROSS JOIN LATERAL (
  SELECT q.id, q.reference, q.status::text AS status, q.subject, q."createdAt"
  FROM "Request" q
  WHERE q."memberId" = p.id
  ORDER BY q."createdAt" DESC, q.id DESC
  LIMIT $2
) r
ORDER BY p.position, r."createdAt" DESC, r.id DESC`;

export async function membersPage(pool: pg.Pool, first: number, requestsFirst: number) {
  const [count, page] = await Promise.all([
    pool.query<{ totalCount: string }>(countSql),
    pool.query<MemberRow>(pageSql, [first]),
  ]);
  const ids = page.rows.map((m) => m.id);
  const requests = ids.length
    ? await pool.query<RequestRow>(requestsSql, [ids, requestsFirst])
    : { rows: [] };
  const byMember = new Map<
    string,
    { node: { id: string; reference: string | null; status: string; subject: string } }[]
  >();
  for (const r of requests.rows) {
    const edges = byMember.get(r.memberId) ?? [];
    edges.push({
      node: {
        id: gid("Request", r.id),
        reference: r.reference,
        status: r.status,
        subject: r.subject,
      },
    });
    byMember.set(r.memberId, edges);
  }
  return {
    data: {
      members: {
        totalCount: Number(count.rows[0]?.totalCount ?? 0),
        edges: page.rows.map((m) => ({
          node: {
            id: gid("Member", m.id),
            memberNumber: m.memberNumber,
            fullNameAr: m.fullNameAr,
            city: m.city,
            status: m.status,
            requests: { totalCount: Number(m.requestCount), edges: byMember.get(m.id) ?? [] },
          },
        })),
      },
    },
  };
}

/** POST /graphql (any body) → the members page as JSON. Pool size as our PrismaPg (10). */
export function createMembersPageHandler(databaseUrl: string): {
  listener: RequestListener;
  close(): Promise<void>;
} {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const listener = jsonListener(() => membersPage(pool, 50, 10));
  return { listener, close: () => pool.end() };
}
