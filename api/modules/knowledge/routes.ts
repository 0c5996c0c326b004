// The knowledge base's public pages, served by the API server without an account and without
// the panel's bundle: /kb/ (the PUBLIC articles, searchable) and /kb/<slug> (one article).
// Arabic and right-to-left by default, English with ?lang=en; one small stylesheet inline,
// fit for a phone. Only what the policy shows an anonymous caller appears here.
import type { ServerResponse } from "node:http";
import { articleCategories, articleCategoryLabels } from "../../../contract/knowledge.js";
import { renderMarkdown } from "../../../contract/markdown.js";
import { anonymous } from "../../auth/caller.js";
import { registerRoute } from "../../http/routes.js";
import { escapeHtml } from "../../shared/html.js";
import { highlight, type Segment, snippet } from "./highlight.js";
import { visibleArticlesWhere } from "./policy.js";
import { listArticles } from "./queries.js";

type Lang = "ar" | "en";

const words = {
  ar: {
    title: "قاعدة المعرفة",
    search: "ابحث في المقالات",
    submit: "بحث",
    found: (n: number) => `${n} نتيجة`,
    none: "لا توجد مقالات مطابقة.",
    back: "كل المقالات",
    missing: "المقالة غير موجودة أو غير متاحة للعموم.",
    other: "English",
    updated: "آخر تحديث",
  },
  en: {
    title: "Knowledge base",
    search: "Search the articles",
    submit: "Search",
    found: (n: number) => `${n} result${n === 1 ? "" : "s"}`,
    none: "No article matches.",
    back: "All articles",
    missing: "This article does not exist or is not public.",
    other: "العربية",
    updated: "Last updated",
  },
} as const;

const style = `
*{box-sizing:border-box}body{margin:0;font:17px/1.7 system-ui,"Noto Naskh Arabic","IBM Plex Sans Arabic",sans-serif;color:#1c2430;background:#f6f7f9}
header{background:#0b5d4b;color:#fff;padding:.8rem 1rem;display:flex;justify-content:space-between;align-items:center;gap:1rem}
header a{color:#fff}main{max-width:46rem;margin:0 auto;padding:1rem}
article,section,form{background:#fff;border-radius:.6rem;padding:1rem;margin:0 0 1rem;box-shadow:0 1px 2px #0001}
form{display:flex;gap:.5rem}input{flex:1;min-width:0;font:inherit;padding:.5rem;border:1px solid #bbb;border-radius:.4rem}
button{font:inherit;padding:.5rem 1rem;border:0;border-radius:.4rem;background:#0b5d4b;color:#fff}
h1{font-size:1.5rem;line-height:1.4;margin:.2rem 0 .6rem}h2{font-size:1.2rem}ul.list{list-style:none;padding:0;margin:0}
ul.list li{padding:.5rem 0;border-bottom:1px solid #eee}mark{background:#ffe58a}small{color:#5b6472}
a{color:#0b5d4b}blockquote{border-inline-start:4px solid #0b5d4b;margin:0;padding-inline-start:.8rem;color:#394150}`;

function page(
  res: ServerResponse,
  lang: Lang,
  status: number,
  title: string,
  body: string,
  other: string,
) {
  const w = words[lang];
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-cache",
    "content-security-policy":
      "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action 'self'",
  });
  res.end(`<!doctype html>
<html lang="${lang}" dir="${lang === "ar" ? "rtl" : "ltr"}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${style}</style></head>
<body><header><a href="/kb/${lang === "en" ? "?lang=en" : ""}"><strong>${w.title}</strong></a><a href="${escapeHtml(other)}">${w.other}</a></header>
<main>${body}</main></body></html>`);
}

function marked(segments: Segment[]): string {
  return segments
    .map((s) => (s.match ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text)))
    .join("");
}

function dateOf(lang: Lang, date: Date): string {
  return new Intl.DateTimeFormat(lang === "ar" ? "ar-SA-u-ca-gregory-nu-latn" : "en-GB", {
    dateStyle: "long",
    timeZone: "Asia/Riyadh",
  }).format(date);
}

registerRoute({
  path: "/kb/",
  create:
    ({ prisma }) =>
    async (req, res) => {
      if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405).end();
      const url = new URL(req.url ?? "/", "http://localhost");
      const lang: Lang = url.searchParams.get("lang") === "en" ? "en" : "ar";
      const w = words[lang];
      const suffix = lang === "en" ? "?lang=en" : "";
      // Addresses are Latin letters, digits and hyphens: nothing to decode (a malformed
      // escape is then simply an address that matches no article).
      const slug = url.pathname.slice("/kb/".length);
      if (slug) {
        const article = await prisma.article.findFirst({
          where: { AND: [{ slug }, visibleArticlesWhere(anonymous)] },
        });
        const otherUrl = `/kb/${encodeURIComponent(slug)}${lang === "en" ? "" : "?lang=en"}`;
        if (!article)
          return page(
            res,
            lang,
            404,
            w.title,
            `<section><p>${w.missing}</p><a href="/kb/${suffix}">${w.back}</a></section>`,
            otherUrl,
          );
        const title = (lang === "en" && article.titleEn) || article.titleAr;
        const body = (lang === "en" && article.bodyEn) || article.bodyAr;
        return page(
          res,
          lang,
          200,
          `${title} · ${w.title}`,
          `<article><small>${escapeHtml(articleCategoryLabels[lang][article.category])}</small>
<h1>${escapeHtml(title)}</h1>${renderMarkdown(body)}
<p><small>${w.updated}: ${escapeHtml(dateOf(lang, article.updatedAt))}</small></p></article>
<a href="/kb/${suffix}">${w.back}</a>`,
          otherUrl,
        );
      }
      const search = (url.searchParams.get("q") ?? "").slice(0, 200);
      const { rows, totalCount } = await listArticles(
        prisma,
        anonymous,
        { search },
        { limit: 50, offset: 0 },
        {
          id: true,
          slug: true,
          titleAr: true,
          titleEn: true,
          bodyAr: true,
          bodyEn: true,
          category: true,
        },
      );
      const link = (a: (typeof rows)[number], title: string) =>
        `<a href="/kb/${encodeURIComponent(a.slug)}${suffix}">${title}</a>`;
      const form = `<form method="get" action="/kb/" role="search">${lang === "en" ? '<input type="hidden" name="lang" value="en">' : ""}
<input type="search" name="q" value="${escapeHtml(search)}" placeholder="${w.search}" aria-label="${w.search}"><button>${w.submit}</button></form>`;
      const otherUrl = `/kb/?${new URLSearchParams({ ...(search ? { q: search } : {}), ...(lang === "en" ? {} : { lang: "en" }) })}`;
      let list: string;
      if (search.trim()) {
        list = rows.length
          ? `<section><p><small>${w.found(totalCount)}</small></p><ul class="list">${rows
              .map((a) => {
                const title = (lang === "en" && a.titleEn) || a.titleAr;
                const body = (lang === "en" && a.bodyEn) || a.bodyAr;
                return `<li>${link(a, marked(highlight(title, search)))}<br><small>${marked(snippet(body, search))}</small></li>`;
              })
              .join("")}</ul></section>`
          : `<section><p>${w.none}</p></section>`;
      } else {
        list = articleCategories
          .map((category) => {
            const inCategory = rows.filter((a) => a.category === category);
            if (!inCategory.length) return "";
            return `<section><h2>${escapeHtml(articleCategoryLabels[lang][category])}</h2><ul class="list">${inCategory
              .map(
                (a) => `<li>${link(a, escapeHtml((lang === "en" && a.titleEn) || a.titleAr))}</li>`,
              )
              .join("")}</ul></section>`;
          })
          .join("");
      }
      page(res, lang, 200, w.title, `<h1>${w.title}</h1>${form}${list}`, otherUrl);
    },
});
