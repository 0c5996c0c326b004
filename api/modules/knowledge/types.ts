// The knowledge base's GraphQL types: the article (readable per api/modules/knowledge/policy.ts),
// its revisions, its search highlights, and the articles linked to a communication.
import { renderMarkdown } from "../../../contract/markdown.js";
import { withCaller } from "../../auth/policy.js";
import { ArticleAudience, ArticleCategory, ArticleStatus } from "../../db/generated/enums.js";
import { builder } from "../../graphql/builder.js";
import { describedEnum } from "../../graphql/enums.js";
import { pagedQuery } from "../../graphql/pagination.js";
import { CommunicationNode } from "../communications/types.js";
import { StaffRefType } from "../users/types.js";
import { highlight, type Segment, snippet } from "./highlight.js";
import { mayReadArticle } from "./policy.js";

export const ArticleCategoryEnum = describedEnum(
  ArticleCategory,
  "ArticleCategory",
  "BYLAWS: the basic bylaws; DUTIES_REGULATION: the duties and authorities regulation; FAQ: a frequently asked question; MISCONCEPTION: a common misconception corrected; PROCEDURE: how something is done.",
  {
    BYLAWS: "The association's basic bylaws (النظام الأساسي).",
    DUTIES_REGULATION: "The duties and authorities regulation (لائحة المهام والصلاحيات).",
    FAQ: "A frequently asked question.",
    MISCONCEPTION: "A common misconception, corrected.",
    PROCEDURE: "How something is done, step by step.",
  },
);

export const ArticleAudienceEnum = describedEnum(
  ArticleAudience,
  "ArticleAudience",
  "PUBLIC: anyone, without an account (/kb/…); STAFF: signed-in staff only.",
  {
    PUBLIC: "Anyone, without an account (the public /kb/ pages).",
    STAFF: "Signed-in staff only.",
  },
);

export const ArticleStatusEnum = describedEnum(
  ArticleStatus,
  "ArticleStatus",
  "DRAFT: seen by editors only; PUBLISHED: readable by its audience; ARCHIVED: withdrawn, kept for the record.",
  {
    DRAFT: "Being written: seen by editors only.",
    PUBLISHED: "Readable by its audience.",
    ARCHIVED: "Withdrawn, kept for the record.",
  },
);

const SegmentType = builder.objectRef<Segment>("HighlightSegment").implement({
  description: "A piece of a highlighted text: a search match or the text between matches.",
  fields: (t) => ({
    text: t.exposeString("text", { description: "The text, as written in the article." }),
    match: t.exposeBoolean("match", { description: "Whether it matches the search." }),
  }),
});

type Highlights = { title: Segment[]; snippet: Segment[] };

const HighlightsType = builder.objectRef<Highlights>("ArticleHighlights").implement({
  description: "Where a search's words occur in an article (in the language asked for).",
  fields: (t) => ({
    title: t.field({
      type: [SegmentType],
      description: "The whole title, its matches marked.",
      resolve: (h) => h.title,
    }),
    snippet: t.field({
      type: [SegmentType],
      description: "A passage of the body around its first match, its matches marked.",
      resolve: (h) => h.snippet,
    }),
  }),
});

const LanguageArg = builder.enumType("ArticleLanguage", {
  description: "Which version of an article.",
  values: {
    AR: { description: "The Arabic version." },
    EN: { description: "The English version (the Arabic one when there is none)." },
  } as const,
});

export const ArticleNode = builder.prismaNode("Article", {
  description:
    "A knowledge-base article (مقالة): bylaws, a regulation, a frequently asked question, a misconception corrected or a procedure, in Arabic and English.",
  id: { field: "id", description: "Global ID." },
  select: { id: true, audience: true, status: true },
  // PUBLIC published articles are anyone's; the rest as the policy says.
  authScopes: (article, context) =>
    withCaller(context, (caller) => mayReadArticle(caller, article) && { public: true }),
  fields: (t) => ({
    slug: t.exposeString("slug", {
      description: "The address name: a PUBLIC article is at /kb/<slug>.",
    }),
    titleAr: t.exposeString("titleAr", { description: "Arabic title." }),
    titleEn: t.exposeString("titleEn", { nullable: true, description: "English title." }),
    bodyAr: t.exposeString("bodyAr", { description: "Arabic text (Markdown)." }),
    bodyEn: t.exposeString("bodyEn", { nullable: true, description: "English text (Markdown)." }),
    bodyHtml: t.string({
      description:
        "The text rendered as safe HTML (no raw HTML of the source passes; links only http(s) or site-relative).",
      args: {
        language: t.arg({ type: LanguageArg, required: false, description: "AR if omitted." }),
      },
      select: { bodyAr: true, bodyEn: true },
      resolve: (a, args) =>
        renderMarkdown(args.language === "EN" ? (a.bodyEn ?? a.bodyAr) : a.bodyAr),
    }),
    category: t.expose("category", { type: ArticleCategoryEnum, description: "Category." }),
    audience: t.expose("audience", { type: ArticleAudienceEnum, description: "Who may read it." }),
    status: t.expose("status", {
      type: ArticleStatusEnum,
      description: "Draft, published or archived.",
    }),
    publishedAt: t.expose("publishedAt", {
      type: "DateTime",
      nullable: true,
      description: "When it was first published.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was written." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "Last change." }),
    version: t.exposeInt("version", {
      description: "Its version: send it back with a change (optimistic concurrency).",
    }),
    author: t.field({
      type: StaffRefType,
      nullable: true,
      description: "Who wrote it (staff only).",
      authScopes: { permission: "knowledge.show" },
      select: { author: { select: { id: true, fullName: true } } },
      resolve: (a) => a.author,
    }),
    highlights: t.field({
      type: HighlightsType,
      description: "Where a search's words occur in the title and the body.",
      args: {
        search: t.arg.string({ required: true, description: "The search text." }),
        language: t.arg({ type: LanguageArg, required: false, description: "AR if omitted." }),
      },
      select: { titleAr: true, titleEn: true, bodyAr: true, bodyEn: true },
      resolve: (a, { search, language }) => {
        const en = language === "EN";
        return {
          title: highlight((en && a.titleEn) || a.titleAr, search),
          snippet: snippet((en && a.bodyEn) || a.bodyAr, search),
        };
      },
    }),
    revisions: t.relatedConnection(
      "revisions",
      {
        cursor: "id",
        description: "Every saved state of the article, newest first (editors only).",
        authScopes: { permission: "knowledge.edit" },
        totalCount: true,
        query: pagedQuery({ orderBy: { version: "desc" as const } }),
      },
      { name: "ArticleRevisionConnection", description: "A page of an article's revisions." },
      { name: "ArticleRevisionEdge", description: "A revision in a page." },
    ),
  }),
});

builder.prismaNode("ArticleRevision", {
  description:
    "One saved state of an article (مراجعة): what it said after a change, and who made it.",
  id: { field: "id", description: "Global ID." },
  authScopes: { permission: "knowledge.edit" },
  fields: (t) => ({
    version: t.exposeInt("version", { description: "The article's version it recorded." }),
    titleAr: t.exposeString("titleAr", { description: "Arabic title." }),
    titleEn: t.exposeString("titleEn", { nullable: true, description: "English title." }),
    bodyAr: t.exposeString("bodyAr", { description: "Arabic text (Markdown)." }),
    bodyEn: t.exposeString("bodyEn", { nullable: true, description: "English text (Markdown)." }),
    category: t.expose("category", { type: ArticleCategoryEnum, description: "Category." }),
    audience: t.expose("audience", { type: ArticleAudienceEnum, description: "Audience." }),
    status: t.expose("status", { type: ArticleStatusEnum, description: "Status." }),
    editor: t.field({
      type: StaffRefType,
      nullable: true,
      description: "Who made the change.",
      select: { editor: { select: { id: true, fullName: true } } },
      resolve: (r) => r.editor,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When." }),
  }),
});

builder.prismaObjectField(CommunicationNode, "articles", (t) =>
  t.field({
    type: [ArticleNode],
    description:
      "Knowledge-base articles linked to this contact (sent or cited in answer), first linked first.",
    select: { articles: { select: { article: true }, orderBy: { linkedAt: "asc" as const } } },
    resolve: (communication, _args, context) =>
      withCaller(context, (caller) =>
        communication.articles.map((l) => l.article).filter((a) => mayReadArticle(caller, a)),
      ),
  }),
);
