// Arabic full-text search over the articles. The query and the stored text are normalised by
// the same function (api/shared/arabic.ts: hamza forms, ta marbuta, alif maqsura, diacritics,
// tatweel, punctuation), so «الاقرار» finds «الإقرار» and «مساعده» finds «مساعدة». Each word
// is a prefix (`word:*`), all must match; articles whose title holds them all come first,
// ranked among themselves by ts_rank on the title, then the most recently changed (ranking on
// the whole text would read every match's body vector).
//
// Why full-text search and not trigrams, measured on both engines (pg_trgm loads on PGlite as
// a module; both have the `simple` configuration) with 10,000 articles of ~250 words, a GIN
// index each, the machine shared (load average ~20), p50/p95 in ms of the first page:
//                          FTS (stored tsvector)        trigram (LIKE '%w%' per word)
//   word in 1,467 articles  PGlite 54/98, PG 12/45       PGlite 36/87, PG 77/196
//   word in 979 articles    PGlite 21/110, PG 13/33      PGlite 27/41, PG 49/90
//   two words, 115 matches  PGlite 10/67, PG 3/10        PGlite 8/23, PG 8/18
//   index size              5.6 MB                       27–34 MB
// Alike on PGlite, FTS several times faster on PostgreSQL, with an index a sixth the size;
// and FTS matches word beginnings (trigrams match inside words, and cannot use the index for
// a word under three letters), ranks (ts_rank) and tells title matches apart. Computing the
// vectors per query instead of storing them took up to 2.3 s a query on PGlite: they are stored
// by a trigger. Normalising in JavaScript, not in an SQL function, keeps one normaliser.
import type { Db } from "../../db/client.js";
import { Prisma } from "../../db/client.js";
import type { ArticleCategory } from "../../db/generated/enums.js";
import { searchWords } from "../../shared/arabic.js";
import type { ArticleVisibility } from "./policy.js";

/** At most this many words of a query are matched (each one narrows the result). */
const maxQueryWords = 8;

/** The prefix query of a search text, or undefined when it holds no word. */
export function prefixQuery(search: string): string | undefined {
  const words = searchWords(search).slice(0, maxQueryWords);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : undefined;
}

export type ArticleSearch = {
  query: string;
  visibility: ArticleVisibility;
  category?: ArticleCategory | null | undefined;
  limit: number;
  offset: number;
};

/**
 * The search's statement: the ids of a page of matching articles, best first, each with the
 * match count. The caller loads the columns it shows (the API: what the query selects).
 */
export function articleSearchSql({ query, visibility, category, limit, offset }: ArticleSearch) {
  return Prisma.sql`
    SELECT a."id", count(*) OVER ()::int AS "totalCount"
    FROM "Article" a, to_tsquery('simple'::regconfig, ${query}) q
    WHERE a."searchVector" @@ q
      AND a."audience"::text = ANY(${visibility.audiences})
      AND a."status"::text = ANY(${visibility.statuses})
      ${category ? Prisma.sql`AND a."category"::text = ${category}` : Prisma.empty}
    ORDER BY a."titleVector" @@ q DESC, ts_rank(a."titleVector", q) DESC,
      a."updatedAt" DESC, a."id"
    LIMIT ${limit} OFFSET ${offset}`;
}

/** The ids of a page of the articles matching a prefix query (`prefixQuery`), best first. */
export async function searchArticleIds(
  db: Db,
  search: ArticleSearch,
): Promise<{ ids: string[]; totalCount: number }> {
  const rows = await db.$queryRaw<{ id: string; totalCount: number }[]>(articleSearchSql(search));
  return { ids: rows.map((r) => r.id), totalCount: rows[0]?.totalCount ?? 0 };
}
