// The knowledge base's commands: write an article (Arabic and English), publish, unpublish or
// archive it, and link one to a communication. Every change of an article saves a revision
// (what it said, who changed it) and an audit entry in the same transaction.
import { randomBytes } from "node:crypto";
import type { CommandContext } from "../../db/commands.js";
import type { Article } from "../../db/generated/client.js";
import type { ArticleAudience, ArticleCategory, ArticleStatus } from "../../db/generated/enums.js";
import { FieldErrors, NotFoundError, refusal } from "../../errors.js";
import { searchWords } from "../../shared/arabic.js";
import { changedFields, recordAudit, staleWrite } from "../audit/service.js";
import { mayReadCase } from "../requests/policy.js";
import { mayReadArticle } from "./policy.js";

export const articleLimits = { title: 200, body: 50_000, slug: 80 } as const;
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type ArticleInput = {
  titleAr?: string | null | undefined;
  titleEn?: string | null | undefined;
  bodyAr?: string | null | undefined;
  bodyEn?: string | null | undefined;
  category?: ArticleCategory | null | undefined;
  audience?: ArticleAudience | null | undefined;
  slug?: string | null | undefined;
};

type ArticleText = Pick<Article, "titleAr" | "titleEn" | "bodyAr" | "bodyEn">;

/** The search columns of an article's text (both languages): what the GIN index covers. */
export function articleSearchColumns(article: ArticleText) {
  return {
    searchTitle: searchWords(`${article.titleAr} ${article.titleEn ?? ""}`).join(" "),
    searchBody: searchWords(`${article.bodyAr} ${article.bodyEn ?? ""}`).join(" "),
  };
}

/** A slug from the English title, or a random one when there is none to take it from. */
function slugOf(titleEn: string | null | undefined): string {
  const words = (titleEn ?? "").toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const base = words
    .join("-")
    .slice(0, articleLimits.slug - 7)
    .replace(/-+$/, "");
  const suffix = randomBytes(3).toString("hex");
  return base ? `${base}-${suffix}` : `article-${suffix}`;
}

function requireEditor(context: CommandContext) {
  if (context.caller.kind !== "user") throw refusal(context.caller.kind !== "anonymous");
  return context.caller;
}

/** The input checked: texts trimmed and bounded, the Arabic title and body required on create. */
function checkInput(input: ArticleInput, creating: boolean) {
  const errors = new FieldErrors();
  const data = {
    titleAr: errors.text("titleAr", input.titleAr, articleLimits.title, creating),
    titleEn: errors.text("titleEn", input.titleEn, articleLimits.title),
    bodyAr: errors.text("bodyAr", input.bodyAr, articleLimits.body, creating),
    bodyEn: errors.text("bodyEn", input.bodyEn, articleLimits.body),
    slug: errors.text("slug", input.slug, articleLimits.slug),
    category: input.category ?? undefined,
    audience: input.audience ?? undefined,
  };
  if (!creating && input.titleAr !== undefined && !data.titleAr)
    errors.add("titleAr", "validation.required");
  if (!creating && input.bodyAr !== undefined && !data.bodyAr)
    errors.add("bodyAr", "validation.required");
  if (creating && !data.category) errors.add("category", "validation.required");
  if (data.slug && !slugPattern.test(data.slug)) errors.add("slug", "knowledge.slugFormat");
  errors.throwIfAny();
  return data;
}

async function slugTaken(context: CommandContext, slug: string, id?: string) {
  const other = await context.tx.article.findUnique({ where: { slug }, select: { id: true } });
  if (other && other.id !== id) {
    const errors = new FieldErrors();
    errors.add("slug", "knowledge.slugTaken", { slug });
    errors.throwIfAny();
  }
}

/** Saves the article as it now is as its revision `version`. */
async function saveRevision(context: CommandContext, article: Article) {
  await context.tx.articleRevision.create({
    data: {
      articleId: article.id,
      version: article.version,
      titleAr: article.titleAr,
      titleEn: article.titleEn,
      bodyAr: article.bodyAr,
      bodyEn: article.bodyEn,
      category: article.category,
      audience: article.audience,
      status: article.status,
      editorId: context.caller.kind === "user" ? context.caller.id : null,
      createdAt: context.now,
    },
  });
}

/** Writes a new article as a draft (revision 1). */
export async function createArticle(context: CommandContext, input: ArticleInput) {
  const editor = requireEditor(context);
  const data = checkInput(input, true);
  const text = {
    titleAr: data.titleAr!,
    titleEn: data.titleEn || null,
    bodyAr: data.bodyAr!,
    bodyEn: data.bodyEn || null,
  };
  const slug = data.slug || slugOf(text.titleEn);
  await slugTaken(context, slug);
  const article = await context.tx.article.create({
    data: {
      ...text,
      ...articleSearchColumns(text),
      slug,
      category: data.category!,
      audience: data.audience ?? "STAFF",
      status: "DRAFT",
      authorId: editor.id,
      createdAt: context.now,
      updatedAt: context.now,
    },
  });
  await saveRevision(context, article);
  await recordAudit(context, {
    action: "CREATE",
    entityType: "Article",
    entityId: article.id,
    changes: changedFields(
      {},
      { ...text, slug, category: article.category, audience: article.audience },
    ),
  });
  return article;
}

async function loadArticle(context: CommandContext, id: string) {
  const article = await context.tx.article.findUnique({ where: { id } });
  if (!article || !mayReadArticle(context.caller, article)) throw new NotFoundError("Article", id);
  return article;
}

/** Writes the version-guarded change, its revision and its audit entry. */
async function writeChange(
  context: CommandContext,
  before: Article,
  sentVersion: number,
  data: Partial<Article>,
  action: "UPDATE" | "TRANSITION",
) {
  const [article] = await context.tx.article.updateManyAndReturn({
    where: { id: before.id, version: sentVersion },
    data: { ...data, version: { increment: 1 }, updatedAt: context.now },
  });
  if (!article) throw await staleWrite(context, "Article", before.id, sentVersion);
  await saveRevision(context, article);
  await recordAudit(context, {
    action,
    entityType: "Article",
    entityId: article.id,
    // The search columns follow from the text: the log keeps what an editor changed.
    changes: changedFields(before, { ...data, searchTitle: undefined, searchBody: undefined }),
  });
  return article;
}

/** Changes an article's text, category, audience or address; a new revision. */
export async function updateArticle(
  context: CommandContext,
  input: ArticleInput & { id: string; version: number },
) {
  requireEditor(context);
  const data = checkInput(input, false);
  const before = await loadArticle(context, input.id);
  if (data.slug) await slugTaken(context, data.slug, before.id);
  const text = {
    titleAr: data.titleAr ?? before.titleAr,
    titleEn: data.titleEn === undefined ? before.titleEn : data.titleEn || null,
    bodyAr: data.bodyAr ?? before.bodyAr,
    bodyEn: data.bodyEn === undefined ? before.bodyEn : data.bodyEn || null,
  };
  return writeChange(
    context,
    before,
    input.version,
    {
      ...text,
      ...articleSearchColumns(text),
      ...(data.slug ? { slug: data.slug } : {}),
      ...(data.category ? { category: data.category } : {}),
      ...(data.audience ? { audience: data.audience } : {}),
    },
    "UPDATE",
  );
}

/**
 * Publishes (PUBLISHED: readable by its audience), unpublishes (back to DRAFT) or archives an
 * article; the first publication's time is kept.
 */
export async function setArticleStatus(
  context: CommandContext,
  input: { id: string; version: number; status: ArticleStatus },
) {
  requireEditor(context);
  const before = await loadArticle(context, input.id);
  if (before.status === input.status) {
    const errors = new FieldErrors();
    errors.add("status", "knowledge.alreadyInStatus");
    errors.throwIfAny();
  }
  return writeChange(
    context,
    before,
    input.version,
    {
      status: input.status,
      ...(input.status === "PUBLISHED" && !before.publishedAt ? { publishedAt: context.now } : {}),
    },
    "TRANSITION",
  );
}

/**
 * Links a published article to a communication (an answer to an inquiry cites it): the
 * caller must be able to read both. Linking twice changes nothing.
 */
export async function linkArticle(
  context: CommandContext,
  input: { communicationId: string; articleId: string },
) {
  const editor = requireEditor(context);
  const communication = await context.tx.communication.findUnique({
    where: { id: input.communicationId },
    select: { id: true, request: { select: { researcherId: true } } },
  });
  if (
    !communication ||
    !mayReadCase(editor, { researcherId: communication.request?.researcherId ?? null })
  )
    throw new NotFoundError("Communication", input.communicationId);
  const article = await loadArticle(context, input.articleId);
  if (article.status !== "PUBLISHED") {
    const errors = new FieldErrors();
    errors.add("article", "knowledge.linkUnpublished");
    errors.throwIfAny();
  }
  const key = { communicationId: communication.id, articleId: article.id };
  const existing = await context.tx.communicationArticle.findUnique({
    where: { communicationId_articleId: key },
  });
  if (!existing) {
    await context.tx.communicationArticle.create({
      data: { ...key, linkedById: editor.id, linkedAt: context.now },
    });
    await recordAudit(context, {
      action: "UPDATE",
      entityType: "Communication",
      entityId: communication.id,
      changes: { articles: { before: null, after: article.slug } },
    });
  }
  return { communicationId: communication.id, article };
}
