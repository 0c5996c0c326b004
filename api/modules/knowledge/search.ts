// Arabic full-text search over the articles. The query and the stored text are normalised by
// the same function (api/shared/arabic.ts: hamza forms, ta marbuta, alif maqsura, diacritics,
// tatweel, punctuation), so «الاقرار» finds «الإقرار» and «مساعده» finds «مساعدة». Each word
// is a prefix (`word:*`), all must match; articles whose title holds them all come first,
// then by ts_rank (title words weigh A, body words B).
//
// Why full-text search and not trigrams, measured on 10,000 articles of ~250 words
// (.scratch figures quoted in the knowledge_base migration's report): both engines have the
// `simple` configuration and pg_trgm (PGlite loads it as a module), so both would work alike;
// the FTS GIN index was 4.6× smaller than the trigram one (1.4 MB vs 6.6 MB) and answered a
// word's prefix in milliseconds where a trigram LIKE rechecks every candidate's whole text;
// trigrams also miss words under three letters and rank nothing. Normalising in JavaScript
// (not in an SQL function) keeps one normaliser for members and articles.
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
