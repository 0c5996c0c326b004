// Who may read which article, answered once: anyone reads the PUBLIC published articles
// (no account needed); staff with `knowledge.show` also read the STAFF ones; editors
// (`knowledge.edit`) read drafts and archived ones too. The lists (Prisma and the search's
// SQL), the node lookup and the public pages all ask here.
import type { Caller } from "../../auth/caller.js";
import { hasPermission } from "../../auth/permissions.js";
import type { Prisma } from "../../db/client.js";
import type { ArticleAudience, ArticleStatus } from "../../db/generated/enums.js";

export type ArticleVisibility = { audiences: ArticleAudience[]; statuses: ArticleStatus[] };

const publicOnly: ArticleVisibility = { audiences: ["PUBLIC"], statuses: ["PUBLISHED"] };

export function articleVisibility(caller: Caller): ArticleVisibility {
  if (caller.kind !== "user" || !hasPermission(caller.roles, "knowledge.show")) return publicOnly;
  return {
    audiences: ["PUBLIC", "STAFF"],
    statuses: hasPermission(caller.roles, "knowledge.edit")
      ? ["DRAFT", "PUBLISHED", "ARCHIVED"]
      : ["PUBLISHED"],
  };
}

export function visibleArticlesWhere(caller: Caller): Prisma.ArticleWhereInput {
  const { audiences, statuses } = articleVisibility(caller);
  return { audience: { in: audiences }, status: { in: statuses } };
}

export function mayReadArticle(
  caller: Caller,
  article: { audience: ArticleAudience; status: ArticleStatus },
): boolean {
  const { audiences, statuses } = articleVisibility(caller);
  return audiences.includes(article.audience) && statuses.includes(article.status);
}
