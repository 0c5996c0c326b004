// The knowledge base's articles: the list's search and filters, and the inputs of writing
// one (its Arabic and English versions). Publishing and linking are calls of their own
// (dataProvider/knowledge.ts).
import { articleFields } from "../fragments.js";
import { mutation, type ResourceSpec, updateInput } from "../spec.js";
import { compact, trimmed } from "../values.js";

export function articleFilter(filter: Record<string, unknown> = {}) {
  return compact({
    search: trimmed(typeof filter.q === "string" ? filter.q : filter.search),
    category: filter.category,
    audience: filter.audience,
    status: filter.status,
  });
}

const articleEditable = [
  "titleAr",
  "titleEn",
  "bodyAr",
  "bodyEn",
  "category",
  "audience",
  "slug",
] as const;
const requiredText = new Set(["titleAr", "bodyAr"]);

function articleValue(field: string, value: unknown): unknown {
  if (typeof value === "string") value = value.trim();
  if (value === "" || value === undefined) return requiredText.has(field) ? "" : null;
  return value;
}

export function articleCreateInput(data: Record<string, unknown>) {
  const input: Record<string, unknown> = {};
  for (const field of articleEditable) {
    const value = articleValue(field, data[field]);
    if (value !== null) input[field] = value;
  }
  input.titleAr ??= "";
  input.bodyAr ??= "";
  input.category ??= "";
  return input;
}

/** Only what changed, with the version read; an emptied address keeps the current one. */
export function articleUpdateInput(
  id: string,
  data: Record<string, unknown>,
  previous: Record<string, unknown> = {},
) {
  const input = updateInput({ id }, articleEditable, data, previous, articleValue);
  if (input.slug === null) delete input.slug;
  return input;
}

export const articles: ResourceSpec = {
  typeName: "Article",
  listField: "articles",
  fields: articleFields,
  listArgs: "$filter: ArticleFilter",
  listVariables: (params) => ({ filter: articleFilter(params.filter) }),
  create: mutation("createArticle", "article", articleCreateInput),
  update: mutation("updateArticle", "article", articleUpdateInput),
};
