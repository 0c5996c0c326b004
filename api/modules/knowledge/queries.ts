// The knowledge base's queries: the article list (searchable, ranked) and one article, by
// global ID or address name. Anyone may ask; what they get is what the policy lets them read.

import { queryFromInfo } from "@pothos/plugin-prisma";
import { offsetForArgs, resolveOffsetConnection } from "@pothos/plugin-relay";
import type { Caller } from "../../auth/caller.js";
import type { Db, Prisma } from "../../db/client.js";
import type { ArticleAudience, ArticleCategory, ArticleStatus } from "../../db/generated/enums.js";
import { builder } from "../../graphql/builder.js";
import { maxPageSize, requirePageSize } from "../../graphql/pagination.js";
import { articleVisibility, visibleArticlesWhere } from "./policy.js";
import { prefixQuery, searchArticleIds } from "./search.js";
import {
  ArticleAudienceEnum,
  ArticleCategoryEnum,
  ArticleNode,
  ArticleStatusEnum,
} from "./types.js";

const ArticleFilterInput = builder.inputType("ArticleFilter", {
  description: "Narrows the article list; all given conditions must hold.",
  fields: (t) => ({
    search: t.string({
      required: false,
      description:
        "Words to find in the title or text, in Arabic or English; each is a word's beginning, hamza forms, ta marbuta, alif maqsura and diacritics ignored. Sorts by relevance, title matches first.",
    }),
    category: t.field({ type: ArticleCategoryEnum, required: false, description: "Category." }),
    audience: t.field({ type: ArticleAudienceEnum, required: false, description: "Audience." }),
    status: t.field({ type: ArticleStatusEnum, required: false, description: "Status." }),
  }),
});

export type ArticleFilter = {
  search?: string | null | undefined;
  category?: ArticleCategory | null | undefined;
  audience?: ArticleAudience | null | undefined;
  status?: ArticleStatus | null | undefined;
};

/**
 * A page of the articles the caller may read, with the columns of `select`:
 * by relevance when searching (the search's ids, then their rows), else most recently
 * changed first.
 */
export async function listArticles<Select extends Prisma.ArticleSelect & { id: true }>(
  db: Db,
  caller: Caller,
  filter: ArticleFilter | null | undefined,
  page: { limit: number; offset: number },
  select: Select,
): Promise<{ rows: Prisma.ArticleGetPayload<{ select: Select }>[]; totalCount: number }> {
  const visibility = articleVisibility(caller);
  // A filter narrows what the policy lets the caller read; it never widens it.
  if (filter?.audience)
    visibility.audiences = visibility.audiences.filter((a) => a === filter.audience);
  if (filter?.status) visibility.statuses = visibility.statuses.filter((s) => s === filter.status);
  const query = filter?.search ? prefixQuery(filter.search) : undefined;
  if (query) {
    const { ids, totalCount } = await searchArticleIds(db, {
      query,
      visibility,
      category: filter?.category,
      ...page,
    });
    const rows = ids.length
      ? await db.article.findMany({ select, where: { id: { in: ids } } })
      : [];
    // Prisma's payload type of a generic selection cannot see the id added to it.
    const byId = new Map(rows.map((r) => [(r as unknown as { id: string }).id, r]));
    return {
      rows: ids.flatMap((id) => byId.get(id) ?? []) as Prisma.ArticleGetPayload<{
        select: Select;
      }>[],
      totalCount,
    };
  }
  const where = {
    audience: { in: visibility.audiences },
    status: { in: visibility.statuses },
    ...(filter?.category ? { category: filter.category } : {}),
  };
  const [rows, totalCount] = await Promise.all([
    db.article.findMany({
      select,
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: page.offset,
      take: page.limit,
    }),
    db.article.count({ where }),
  ]);
  return { rows, totalCount };
}

builder.queryFields((t) => ({
  articles: t.connection(
    {
      type: ArticleNode,
      description:
        "Knowledge-base articles, paged (first or last, at most 100): PUBLIC published ones for anyone, STAFF ones for staff, drafts for editors.",
      authScopes: { public: true },
      args: {
        filter: t.arg({
          type: ArticleFilterInput,
          required: false,
          description: "Filters and search.",
        }),
      },
      resolve: async (_root, args, context, info) => {
        requirePageSize(args);
        const { offset, limit } = offsetForArgs({ args, maxSize: maxPageSize });
        // The columns and relations the query asks of the nodes, loaded with them (one query).
        // The node's selection always holds its id (ArticleNode's `select`).
        const { select } = queryFromInfo({ context, info, path: ["edges", "node"] }) as {
          select: Prisma.ArticleSelect & { id: true };
        };
        const { rows, totalCount } = await listArticles(
          context.prisma,
          await context.caller(),
          args.filter,
          { offset, limit },
          select,
        );
        const connection = await resolveOffsetConnection(
          { args, maxSize: maxPageSize },
          () => rows,
        );
        return { ...connection, totalCount };
      },
    },
    {
      name: "ArticleConnection",
      description: "A page of articles.",
      fields: (c) => ({
        totalCount: c.int({
          description: "How many articles match, across all pages.",
          resolve: (connection) => (connection as { totalCount: number }).totalCount,
        }),
      }),
    },
    { name: "ArticleEdge", description: "An article in a page." },
  ),
  article: t.prismaField({
    type: ArticleNode,
    nullable: true,
    description: "One article by global ID or address name; null if none (or not yours to read).",
    authScopes: { public: true },
    args: {
      id: t.arg.globalID({ required: false, for: ArticleNode, description: "Global ID." }),
      slug: t.arg.string({ required: false, description: "Address name, e.g. faq-channels." }),
    },
    resolve: async (query, _root, args, context) => {
      const where = args.id ? { id: args.id.id } : args.slug ? { slug: args.slug } : undefined;
      if (!where) return null;
      return context.prisma.article.findFirst({
        ...query,
        where: { AND: [where, visibleArticlesWhere(await context.caller())] },
      });
    },
  }),
}));
