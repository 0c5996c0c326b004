// Member search on the large data set (100k members): what the front desk types, Arabic
// names (one or two words, hamza and ta marbuta written either way) and whole member
// numbers, each request the next term of the list, through our API as STAFF on PostgreSQL.
// Goal: p95 < 50 ms at 10 connections (latency.ts: ratio = 50 ms / p95).
import type { Bench } from "./common.js";
import { measureLatency } from "./latency.js";

export const membersSearchGoalMs = 50;

const membersSearchQuery =
  "query($search: String!) { members(first: 20, filter: { search: $search }) { totalCount " +
  "edges { node { id memberNumber fullNameAr city status } } } }";

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
  description: `member search (Arabic names, member numbers; 20 per page) as STAFF on 100k members: p95 < ${membersSearchGoalMs} ms on PostgreSQL`,
  run(context) {
    let next = 0;
    return measureLatency(
      context,
      "PostgreSQL",
      {
        query: membersSearchQuery,
        variables: () => ({ search: searchTerms[next++ % searchTerms.length] }),
        describe: (answer) => {
          const { totalCount } = (answer as { data: { members: { totalCount: number } } }).data
            .members;
          return `"${searchTerms[0]}" finds ${totalCount} members`;
        },
      },
      { goalMs: membersSearchGoalMs, notDoneMs: 80 },
    );
  },
};
