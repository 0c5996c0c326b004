// Member search on the large data set (100k members): what the front desk types, Arabic
// names (one or two words, hamza and ta marbuta written either way) and whole member
// numbers, each request the next term of the list, through our API as STAFF on PostgreSQL.
// Each request is the one the panel's members list sends for the term: the first page of 25,
// newest first, the list's fields and its capped count (tests/admin/build-query.test.ts
// checks it against the panel's buildQuery, which node cannot load outside the bundler).
// Goal: p95 < 50 ms at 10 connections (latency.ts: ratio = 50 ms / p95).
import { memberRowFields } from "../../admin/src/dataProvider/fragments.js";
import { memberFilter, memberOrderBy } from "../../admin/src/dataProvider/resources/members.js";
import type { Bench } from "./common.js";
import { measureLatency } from "./latency.js";

export const membersSearchGoalMs = 50;

const panelListQuery = `
  query MemberList($first: Int!, $after: String, $filter: MemberFilter, $orderBy: MemberOrder) {
    connection: members(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      cappedCount { count more }
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { node { ${memberRowFields} } }
    }
  }`;

/** The panel's request for the first page of its members list searched for `term`. */
export function panelSearch(term: string) {
  return {
    query: panelListQuery,
    variables: {
      first: 25,
      after: null,
      filter: memberFilter({ q: term }),
      orderBy: memberOrderBy({ field: "createdAt", order: "DESC" }),
    },
  };
}

/** Names as typed at the desk (some without their hamza), and member numbers as printed. */
export const searchTerms = [
  "محمد",
  "احمد العتيبي",
  "فاطمه",
  "عبدالله القحطاني",
  "ابراهيم",
  "نورة الشهري",
  "M-012345",
  "045678",
  "M-000777",
  "099001",
];

export const membersSearch: Bench = {
  name: "members-search",
  goal: 1,
  description: `member search as the panel sends it (Arabic names, member numbers; 25 per page, capped count) as STAFF on 100k members: p95 < ${membersSearchGoalMs} ms on PostgreSQL`,
  run(context) {
    let next = 0;
    return measureLatency(
      context,
      "PostgreSQL",
      {
        query: panelSearch("").query,
        variables: () => panelSearch(searchTerms[next++ % searchTerms.length]!).variables,
        describe: (answer) => {
          const { cappedCount } = (
            answer as { data: { connection: { cappedCount: { count: number; more: boolean } } } }
          ).data.connection;
          const found = `${cappedCount.more ? "more than " : ""}${cappedCount.count}`;
          return `"${searchTerms[0]}" finds ${found} members`;
        },
      },
      { goalMs: membersSearchGoalMs, notDoneMs: 80 },
    );
  },
};
