// The knowledge base's text handling, without a database: the Arabic normalisation search
// relies on (hamza forms, ta marbuta, alif maqsura, diacritics, tatweel, punctuation), the
// highlights that mark matches in the article's own spelling, and the safe Markdown subset.
import { describe, expect, it } from "vitest";
import { highlight, snippet } from "../../api/modules/knowledge/highlight.js";
import { prefixQuery } from "../../api/modules/knowledge/search.js";
import { foldWithOffsets, normaliseArabic, searchWords } from "../../api/shared/arabic.js";
import { markdownToText, renderMarkdown } from "../../contract/markdown.js";

describe("Arabic normalisation", () => {
  it.each([
    ["الإقرار", "الاقرار"],
    ["أحمد", "احمد"],
    ["آمنة", "امنه"],
    ["مساعدة", "مساعده"],
    ["مستشفى", "مستشفي"],
    ["مسؤول", "مسوول"],
    ["هيئة", "هييه"],
    ["مُسَاعَدَةٌ", "مساعده"],
    ["الجمعـــية", "الجمعيه"],
    ["٢٠٢٦", "2026"],
    ["  Knowledge   BASE ", "knowledge base"],
  ])("folds «%s» to «%s»", (text, folded) => {
    expect(normaliseArabic(text)).toBe(folded);
  });

  it("splits search words on Arabic and Latin punctuation", () => {
    expect(searchWords("ما الإقرار؟ البيانات، والمستندات؛ (FAQ)")).toEqual([
      "ما",
      "الاقرار",
      "البيانات",
      "والمستندات",
      "faq",
    ]);
  });

  it("maps each folded character back to where it came from", () => {
    const text = "مُسَاعَدَة";
    const { folded, offsets } = foldWithOffsets(text);
    expect(folded).toBe("مساعده");
    expect(offsets.map((o) => text[o])).toEqual(["م", "س", "ا", "ع", "د", "ة"]);
  });

  it("makes a prefix query of every word, and none of punctuation alone", () => {
    expect(prefixQuery("الإقرار  بصحة")).toBe("الاقرار:* & بصحه:*");
    expect(prefixQuery("؟! ...")).toBeUndefined();
  });
});

describe("highlights", () => {
  const marked = (segments: { text: string; match: boolean }[]) =>
    segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join("");

  it("marks a match in the article's own spelling, its diacritics included", () => {
    expect(marked(highlight("ما الإقرار بصحة البيانات؟", "الاقرار"))).toBe(
      "ما [الإقرار] بصحة البيانات؟",
    );
    expect(marked(highlight("طلب مُسَاعَدَة مالية", "مساعده"))).toBe("طلب [مُسَاعَدَة] مالية");
  });

  it("marks word beginnings only, each word of the search", () => {
    expect(marked(highlight("المساعدة ومساعدة مساعدات", "مساع"))).toBe(
      "المساعدة ومساعدة [مساع]دات",
    );
    expect(marked(highlight("Two-week decision", "two dec"))).toBe("[Two]-week [dec]ision");
  });

  it("cuts a passage around the first match of a Markdown body, without its markup", () => {
    const body = `# مقدمة\n\n${"كلام تمهيدي طويل ".repeat(30)}\n\n- يوقّع **الإقرار** طالب الدعم.`;
    const passage = marked(snippet(body, "الاقرار", 80));
    expect(passage.startsWith("…")).toBe(true);
    expect(passage).toContain("[الإقرار]");
    expect(passage).not.toMatch(/\*\*|#/);
  });
});

describe("Markdown, rendered safely", () => {
  it("renders headings, lists, emphasis, quotes and safe links", () => {
    expect(
      renderMarkdown(
        "# عنوان\n\nفقرة **مهمة** و*مائلة* و`رمز`.\n\n1. أولاً\n2. ثانياً\n\n- بند\n\n> اقتباس\n\n[الموقع](https://wasl.example/kb/) [داخلي](/kb/faq)",
      ),
    ).toBe(
      [
        "<h2>عنوان</h2>",
        "<p>فقرة <strong>مهمة</strong> و<em>مائلة</em> و<code>رمز</code>.</p>",
        "<ol><li>أولاً</li><li>ثانياً</li></ol>",
        "<ul><li>بند</li></ul>",
        "<blockquote>اقتباس</blockquote>",
        '<p><a href="https://wasl.example/kb/">الموقع</a> <a href="/kb/faq">داخلي</a></p>',
      ].join("\n"),
    );
  });

  it("lets no raw HTML or script address through", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n<img src=x onerror="alert(1)">\n[x](javascript:alert(1)) [y](https://a.example/"onmouseover=alert(1))\n`<b>`',
    );
    expect(html).not.toMatch(/<script|<img|<b>|href="javascript|onmouseover=alert\(1\)"/);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("[x](javascript:alert(1))");
    expect(html).toContain("<code>&lt;b&gt;</code>");
  });

  it("gives the plain text of a body", () => {
    expect(markdownToText("## عنوان\n- **بند** [رابط](/kb/a)\n> `رمز`")).toBe("عنوان بند رابط رمز");
  });
});
