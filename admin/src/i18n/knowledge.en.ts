// The knowledge base in English; the same keys as knowledge.ar.ts.
import { articleCategoryLabels } from "../../../contract/knowledge.js";
import type { knowledgeAr } from "./knowledge.ar.js";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const knowledgeEn: Shape<typeof knowledgeAr> = {
  resource: {
    name: "Knowledge base |||| Article",
    fields: {
      q: "Search",
      titleAr: "Arabic title",
      titleEn: "English title",
      bodyAr: "Arabic text",
      bodyEn: "English text",
      category: "Category",
      audience: "Audience",
      status: "Status",
      slug: "Address name",
      publishedAt: "Published",
      updatedAt: "Last change",
      author: "Author",
    },
    helpers: {
      body: "Markdown: ## subheading, - item, 1. step, **bold**, [link](https://…). No HTML.",
      slug: "Lower-case Latin letters, digits and hyphens; taken from the English title when empty. A public article is at /kb/<name>.",
      search:
        "Search ignores hamza forms, ta marbuta, alif maqsura and diacritics, and matches word beginnings.",
    },
    tabs: { arabic: "العربية", english: "English", revisions: "Revision history" },
    preview: "Preview",
    edit_text: "Edit",
    publish: "Publish",
    unpublish: "Unpublish",
    archive: "Archive",
    published: "Article published",
    unpublished: "Article back to drafts",
    archived: "Article archived",
    public_page: "Public page",
    revisions_empty: "No revisions yet.",
    revision: "Revision %{version}",
    revision_by: "%{name} — %{date}",
    link: "Link an article",
    link_title: "Link a knowledge-base article to this contact",
    link_search: "Search the published articles",
    link_none: "No published article matches.",
    linked: "Article linked to the contact",
    linked_articles: "Articles sent",
    cancel: "Close",
  },
  enums: {
    article_category: articleCategoryLabels.en,
    article_audience: { PUBLIC: "Public (no account)", STAFF: "Staff only" },
    article_status: { DRAFT: "Draft", PUBLISHED: "Published", ARCHIVED: "Archived" },
  },
};
