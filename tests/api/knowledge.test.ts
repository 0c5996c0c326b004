// The knowledge base through the API, on PGlite and PostgreSQL alike: who reads which article
// (PUBLIC published ones without an account, STAFF ones only staff, drafts only editors), the
// Arabic search (hamza forms, ta marbuta, prefixes, title matches first, highlights), the
// revisions and optimistic concurrency, typed errors naming the field, the public pages, and
// linking an article to a communication.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../api/db/client.js";
import { articleVisibility } from "../../api/modules/knowledge/policy.js";
import { prefixQuery, searchArticleIds } from "../../api/modules/knowledge/search.js";
import { searchWords } from "../../api/shared/arabic.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord, seedReferenceData } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
let db: PrismaClient;
const tokens: Record<string, string> = {};

const articleFields = "id slug titleAr status audience category version";
const create = `mutation($input: CreateArticleInput!) { createArticle(input: $input) {
  __typename ... on CreateArticleSuccess { article { ${articleFields} } }
  ... on ValidationError { fieldErrors { path message } } ... on Error { code message } } }`;
const update = `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) {
  __typename ... on UpdateArticleSuccess { article { ${articleFields} titleEn } }
  ... on ValidationError { fieldErrors { path message } } ... on Error { code message } } }`;
const changeStatus = `mutation($input: ChangeArticleStatusInput!) { changeArticleStatus(input: $input) {
  __typename ... on ChangeArticleStatusSuccess { article { ${articleFields} publishedAt } }
  ... on Error { code message } } }`;
const list = `query($filter: ArticleFilter, $first: Int, $search: String!) { articles(first: $first, filter: $filter) {
  totalCount edges { node { slug titleAr highlights(search: $search) { title { text match } snippet { text match } } } } } }`;

type Article = { id: string; slug: string; version: number; status: string };

async function write(input: Record<string, unknown>, publish = true): Promise<Article> {
  const created = await t.gql(create, { input }, { token: tokens.admin });
  const article = created.data?.createArticle.article as Article;
  if (!article) throw new Error(JSON.stringify(created));
  if (!publish) return article;
  const published = await t.gql(
    changeStatus,
    { input: { id: article.id, version: article.version, status: "PUBLISHED" } },
    { token: tokens.admin },
  );
  return published.data?.changeArticleStatus.article as Article;
}

async function search(text: string, token?: string) {
  const result = await t.gql(
    list,
    { filter: { search: text }, first: 20, search: text },
    token ? { token } : {},
  );
  expect(result.errors).toBeUndefined();
  return result.data?.articles as {
    totalCount: number;
    edges: { node: { slug: string; highlights: { title: { text: string; match: boolean }[] } } }[];
  };
}

beforeAll(async () => {
  t = await startTestApp();
  db = t.database.prisma;
  await seedReferenceData(db);
  for (const [name, roles] of Object.entries({
    admin: ["ADMIN"],
    staff: ["STAFF"],
    researcher: ["RESEARCHER"],
  } as const)) {
    tokens[name] = (await signInStaff(t, `${name}@kb.test`, [...roles])).token;
  }
  await write({
    slug: "attestation",
    category: "FAQ",
    audience: "PUBLIC",
    titleAr: "ما الإقرار بصحة البيانات؟",
    titleEn: "What is the attestation?",
    bodyAr: "يوقّع طالب الدعم **الإقرار** بصحة بياناته قبل رفع الطلب.",
  });
  await write({
    slug: "assistance-body",
    category: "FAQ",
    audience: "PUBLIC",
    titleAr: "المستندات المطلوبة",
    bodyAr: "لطلب مساعدة مالية أحضر الهوية وسجل الأسرة. وتُقبل المساعدة بعد دراسة اللجنة.",
  });
  await write({
    slug: "assistance-title",
    category: "PROCEDURE",
    audience: "PUBLIC",
    titleAr: "طلب مساعدة مالية",
    bodyAr: "الخطوات من التقديم إلى القرار.",
  });
  await write({
    slug: "staff-only",
    category: "DUTIES_REGULATION",
    audience: "STAFF",
    titleAr: "صلاحيات موظف علاقات الأعضاء في الإقرار",
    bodyAr: "يتحقق الموظف من توقيع الإقرار.",
  });
  await write(
    {
      slug: "draft-note",
      category: "MISCONCEPTION",
      audience: "PUBLIC",
      titleAr: "مسودة عن الإقرار",
      bodyAr: "لم تُنشر بعد.",
    },
    false,
  );
});
afterAll(() => t?.close());

describe("who reads which article", () => {
  const slugs = async (token?: string) =>
    (await search("الاقرار", token)).edges.map((e) => e.node.slug).sort();

  it("shows anyone the PUBLIC published articles, staff the STAFF ones too, editors the drafts", async () => {
    expect(await slugs()).toEqual(["attestation"]);
    expect(await slugs(tokens.researcher)).toEqual(["attestation", "staff-only"]);
    expect(await slugs(tokens.admin)).toEqual(["attestation", "draft-note", "staff-only"]);
  });

  it("answers null for a STAFF article asked by address without an account, and shows it to staff", async () => {
    const query = `query($slug: String) { article(slug: $slug) { slug bodyHtml author { fullName } } }`;
    const anonymous = await t.gql(query, { slug: "staff-only" });
    expect(anonymous.data?.article).toBeNull();
    const staff = await t.gql(query, { slug: "staff-only" }, { token: tokens.staff });
    expect(staff.data?.article.slug).toBe("staff-only");
    const open = await t.gql(query, { slug: "attestation" });
    expect(open.data?.article.bodyHtml).toContain("<strong>الإقرار</strong>");
    // The author is staff's business: a field error (and null) for an anonymous reader.
    expect(open.data?.article.author).toBeNull();
  });

  it("refuses the node lookup of a draft to a reader who is not an editor", async () => {
    const draft = await db.article.findUniqueOrThrow({ where: { slug: "draft-note" } });
    const gidOf = gid("Article", draft.id);
    const query = `query($id: ID!) { node(id: $id) { ... on Article { slug } } }`;
    const researcher = await t.gql(query, { id: gidOf }, { token: tokens.researcher });
    expect(researcher.data?.node ?? null).toBeNull();
    const admin = await t.gql(query, { id: gidOf }, { token: tokens.admin });
    expect(admin.data?.node.slug).toBe("draft-note");
  });
});

describe("Arabic search", () => {
  it("finds «الإقرار» for «الاقرار» and marks the match in the article's own spelling", async () => {
    const found = await search("الاقرار");
    expect(found.edges[0]?.node.slug).toBe("attestation");
    expect(found.edges[0]?.node.highlights.title.filter((s) => s.match).map((s) => s.text)).toEqual(
      ["الإقرار"],
    );
  });

  it("finds «مساعدة» for «مساعده», title matches first", async () => {
    const found = await search("مساعده");
    expect(found.totalCount).toBe(2);
    expect(found.edges.map((e) => e.node.slug)).toEqual(["assistance-title", "assistance-body"]);
  });

  it("matches a word's beginning, diacritics and all, and needs every word", async () => {
    expect((await search("مساع")).totalCount).toBe(2);
    expect((await search("مُسَاعَدَة مالية")).totalCount).toBe(2);
    expect((await search("مساعدة الهوية")).edges.map((e) => e.node.slug)).toEqual([
      "assistance-body",
    ]);
    expect((await search("attest")).edges.map((e) => e.node.slug)).toEqual(["attestation"]);
    expect((await search("؟!")).totalCount).toBe(5 - 2); // no word: the list, as for no search
  });
});

describe("the search's SQL, against the rule it implements", () => {
  it("finds exactly the readable articles with a word starting with each search word, title matches first", async () => {
    const all = await db.article.findMany();
    const admin = articleVisibility({
      kind: "user",
      id: "x",
      email: "x",
      fullName: "x",
      roles: ["ADMIN"],
      personalDataAccess: false,
    });
    for (const [text, visibility] of [
      ["الاقرار", articleVisibility({ kind: "anonymous" })],
      ["الاقرار", admin],
      ["مساعده", admin],
      ["مساع الهو", admin],
      ["ال", admin],
      ["attest", admin],
    ] as const) {
      const words = searchWords(text);
      const has = (column: string) => {
        const stored = column.split(" ");
        return words.every((w) => stored.some((s) => s.startsWith(w)));
      };
      const expected = all.filter(
        (a) =>
          visibility.audiences.includes(a.audience) &&
          visibility.statuses.includes(a.status) &&
          has(`${a.searchTitle} ${a.searchBody}`),
      );
      const { ids, totalCount } = await searchArticleIds(db, {
        query: prefixQuery(text)!,
        visibility,
        limit: 100,
        offset: 0,
      });
      expect(new Set(ids), text).toEqual(new Set(expected.map((a) => a.id)));
      expect(totalCount).toBe(expected.length);
      // Every article whose title holds the words comes before every one whose body alone does.
      const titled = ids.map((id) => has(all.find((a) => a.id === id)!.searchTitle));
      expect(titled, text).toEqual([...titled].sort((x, y) => Number(y) - Number(x)));
    }
  });
});

describe("writing articles", () => {
  it("keeps a revision per change and refuses a stale version, naming who changed it", async () => {
    const article = await write(
      { category: "FAQ", titleAr: "سؤال", titleEn: "A question?", bodyAr: "جواب." },
      false,
    );
    expect(article.slug).toMatch(/^a-question-[0-9a-f]{6}$/);
    const changed = await t.gql(
      update,
      { input: { id: article.id, version: article.version, titleEn: "The question" } },
      { token: tokens.staff },
    );
    expect(changed.data?.updateArticle.article).toMatchObject({
      titleEn: "The question",
      version: 2,
    });
    const stale = await t.gql(
      update,
      { input: { id: article.id, version: article.version, titleAr: "قديم" } },
      { token: tokens.staff },
    );
    expect(stale.data?.updateArticle).toMatchObject({ __typename: "ConflictError" });
    const revisions = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Article { revisions(first: 10) { totalCount edges { node { version titleEn editor { fullName } } } } } } }`,
      { id: article.id },
      { token: tokens.admin },
    );
    expect(revisions.data?.node.revisions.edges.map((e: Json) => e.node.titleEn)).toEqual([
      "The question",
      "A question?",
    ]);
    const researcher = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Article { revisions(first: 10) { totalCount } } } }`,
      { id: article.id },
      { token: tokens.researcher },
    );
    expect(researcher.data?.node ?? null).toBeNull();
  });

  it("names every faulty field in the caller's language and writes nothing", async () => {
    const before = await db.article.count();
    const result = await t.gql(
      create,
      { input: { category: "FAQ", titleAr: "  ", bodyAr: "نص", slug: "Not A Slug" } },
      { token: tokens.admin, language: "en" },
    );
    expect(result.data?.createArticle.__typename).toBe("ValidationError");
    const errors = result.data?.createArticle.fieldErrors as { path: string[]; message: string }[];
    expect(errors.map((e) => e.path.join("."))).toEqual(["input.titleAr", "input.slug"]);
    expect(errors[1]?.message).toMatch(/lower-case Latin/);
    const taken = await t.gql(
      create,
      { input: { category: "FAQ", titleAr: "مكرر", bodyAr: "نص", slug: "attestation" } },
      { token: tokens.admin },
    );
    expect(taken.data?.createArticle.fieldErrors[0].message).toBe(
      "العنوان المختصر «attestation» مستخدم لمقالة أخرى.",
    );
    expect(await db.article.count()).toBe(before);
  });

  it("lets only editors write: a researcher is refused", async () => {
    const result = await t.gql(
      create,
      { input: { category: "FAQ", titleAr: "س", bodyAr: "ج" } },
      { token: tokens.researcher },
    );
    expect(result.data?.createArticle).toMatchObject({
      __typename: "ForbiddenError",
      code: "FORBIDDEN",
    });
    expect(await db.article.count({ where: { titleAr: "س" } })).toBe(0);
  });
});

describe("the public pages", () => {
  it("serves an article without an account, in Arabic, right to left, without the panel", async () => {
    const response = await fetch(`${t.url}/kb/attestation`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain("<strong>الإقرار</strong>");
    expect(html).not.toMatch(/<script/);
    const english = await (await fetch(`${t.url}/kb/attestation?lang=en`)).text();
    expect(english).toContain('dir="ltr"');
    expect(english).toContain("What is the attestation?");
  });

  it("does not show a STAFF article or a draft, and searches like the API", async () => {
    expect((await fetch(`${t.url}/kb/staff-only`)).status).toBe(404);
    expect((await fetch(`${t.url}/kb/draft-note`)).status).toBe(404);
    expect((await fetch(`${t.url}/kb/%E0%A4%A`)).status).toBe(404);
    const found = await (await fetch(`${t.url}/kb/?q=${encodeURIComponent("الاقرار")}`)).text();
    expect(found).toContain("<mark>الإقرار</mark>");
    expect(found).not.toContain("صلاحيات موظف");
  });

  it("never passes raw HTML from an article", async () => {
    await write({
      slug: "hostile",
      category: "FAQ",
      audience: "PUBLIC",
      titleAr: "<img src=x onerror=alert(1)>",
      bodyAr:
        "<script>alert(1)</script> [رابط](javascript:alert(1)) [الموقع](https://example.org/a?b=1&c=2)",
    });
    const html = await (await fetch(`${t.url}/kb/hostile`)).text();
    expect(html).not.toMatch(/<script>alert|<img src=x|href="javascript/);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2">الموقع</a>');
  });
});

describe("linking an article to a communication", () => {
  it("links a published article in one call, once, and lists it on the contact", async () => {
    const member = await createMemberRecord(db, { fullNameAr: "سارة علي" });
    const communication = await db.communication.create({
      data: {
        memberId: member.id,
        channel: "PHONE",
        direction: "INBOUND",
        subject: "استفسار عن الإقرار",
      },
    });
    const article = await db.article.findUniqueOrThrow({ where: { slug: "attestation" } });
    const link = `mutation($input: LinkArticleToCommunicationInput!) { linkArticleToCommunication(input: $input) {
      __typename ... on LinkArticleToCommunicationSuccess { communication { articles { slug } } }
      ... on ValidationError { fieldErrors { path message } } ... on Error { code } } }`;
    const input = {
      communication: gid("Communication", communication.id),
      article: gid("Article", article.id),
    };
    for (let i = 0; i < 2; i++) {
      const result = await t.gql(link, { input }, { token: tokens.staff });
      expect(result.data?.linkArticleToCommunication.communication.articles).toEqual([
        { slug: "attestation" },
      ]);
    }
    const draft = await db.article.findUniqueOrThrow({ where: { slug: "draft-note" } });
    const refused = await t.gql(
      link,
      { input: { ...input, article: gid("Article", draft.id) } },
      { token: tokens.admin },
    );
    expect(refused.data?.linkArticleToCommunication.fieldErrors[0].path).toEqual([
      "input",
      "article",
    ]);
    expect(await db.communicationArticle.count()).toBe(1);
  });
});
