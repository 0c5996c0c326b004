// @vitest-environment node
// The knowledge base end to end, in Chromium: a visitor without an account reads the public
// pages on a phone (Arabic, right to left, no horizontal scrolling, no script), finds
// «الإقرار» by typing «الاقرار» with the match marked; staff write an article in the panel with
// its preview, publish it (its revisions listed) and see it on the public page; and link an
// article to a contact from a request's case file in one click. Screenshots on failure.
import { expect, it } from "vitest";
import { gid } from "../helpers/ids.js";
import {
  browserSuite,
  caseFilePath,
  choose,
  describeInChromium,
  signInThroughPanel,
} from "./helpers.js";

describeInChromium("the knowledge base (Chromium)", () => {
  const { app, openPage, step } = browserSuite("knowledge-");

  it("lets a visitor search and read the public articles on a phone, in Arabic", async () => {
    const page = await openPage();
    await page.setViewportSize({ width: 375, height: 740 });
    await step("index", async () => {
      await page.goto(`${app().url}/kb/`);
      expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
      expect(await page.locator("h1").textContent()).toBe("قاعدة المعرفة");
      expect(await page.getByRole("link", { name: "قنوات التواصل الخمس مع الجمعية" }).count()).toBe(
        1,
      );
      // A STAFF article is not listed.
      expect(await page.getByText("خطوات خدمة العضو الست").count()).toBe(0);
      expect(await page.locator("script").count()).toBe(0);
    });
    await step("search", async () => {
      await page.getByRole("searchbox").fill("الاقرار");
      await page.getByRole("button", { name: "بحث" }).click();
      await page.waitForURL(/q=/);
      const marks = await page.locator("mark").allTextContents();
      expect(marks).toContain("الإقرار");
      await page.getByRole("link", { name: /ما الإقرار بصحة البيانات/ }).click();
    });
    await step("article", async () => {
      await page.waitForURL(/\/kb\/attestation-of-data/);
      expect(await page.locator("h1").textContent()).toBe("ما الإقرار بصحة البيانات ولماذا أوقّعه؟");
      expect(await page.locator("article strong").first().textContent()).toBe("حضورياً");
      const fits = await page.evaluate(
        () => document.documentElement.scrollWidth <= window.innerWidth,
      );
      expect(fits).toBe(true);
    });
  });

  it("lets staff write an article with a preview, publish it and see it on the public page", async () => {
    const page = await openPage();
    await step("write", async () => {
      await signInThroughPanel(page, app().url, "staff@wasl.demo", "Staff#2026");
      await page.goto(`${app().url}/#/articles/create`);
      await page.getByTestId("article-inputs").waitFor({ timeout: 20_000 });
      await choose(page, /التصنيف/, "أسئلة شائعة");
      await choose(page, /الجمهور/, "عامة (بلا حساب)");
      await page.getByLabel("العنوان المختصر للرابط").fill("e2e-office-hours");
      await page.getByLabel("العنوان بالعربية").fill("مواعيد استقبال الأعضاء");
      await page
        .getByLabel("النص بالعربية")
        .fill("نستقبلكم **من الأحد إلى الخميس**.\n\n- صباحاً\n- مساءً\n\n<script>alert(1)</script>");
      await page.getByTestId("article-preview-Ar").click();
      const preview = page.getByTestId("article-preview").first();
      expect(await preview.locator("strong").textContent()).toBe("من الأحد إلى الخميس");
      expect(await preview.locator("li").count()).toBe(2);
      expect(await preview.locator("script").count()).toBe(0);
      expect(await preview.textContent()).toContain("<script>alert(1)</script>");
      await page.getByRole("button", { name: /حفظ/ }).click();
    });
    await step("publish", async () => {
      await page.getByTestId("article-publish").waitFor({ timeout: 20_000 });
      await page.getByTestId("article-publish").click();
      await page.getByTestId("article-unpublish").waitFor({ timeout: 20_000 });
      await expect
        .poll(() => page.getByTestId("article-revision").count(), { timeout: 20_000 })
        .toBe(2);
    });
    await step("public-page", async () => {
      const visitor = await openPage();
      await visitor.goto(`${app().url}/kb/e2e-office-hours`);
      expect(await visitor.locator("h1").textContent()).toBe("مواعيد استقبال الأعضاء");
      expect(await visitor.locator("article li").count()).toBe(2);
      expect(await visitor.locator("script").count()).toBe(0);
    });
  });

  it("links an article to a contact from the case file in one click", async () => {
    const communication = await app().database.prisma.communication.findFirstOrThrow({
      where: { requestId: { not: null } },
      orderBy: { occurredAt: "desc" },
    });
    const page = await openPage();
    await step("link", async () => {
      await signInThroughPanel(page, app().url, "staff@wasl.demo", "Staff#2026");
      await page.goto(`${app().url}${caseFilePath(gid("Request", communication.requestId!))}`);
      await page.getByTestId("request-header").waitFor({ timeout: 20_000 });
      await page.getByRole("tab", { name: "التواصل" }).click();
      await page.getByTestId("communications-table").waitFor({ timeout: 20_000 });
      await page.getByTestId("link-article").first().click();
      await page.getByLabel("ابحث عن مقالة منشورة").fill("الاقرار");
      await page
        .getByTestId("link-article-results")
        .getByText("ما الإقرار بصحة البيانات ولماذا أوقّعه؟")
        .click();
      await page.getByTestId("linked-article").first().waitFor({ timeout: 20_000 });
    });
    const links = await app().database.prisma.communicationArticle.findMany({
      include: { article: { select: { slug: true } } },
    });
    expect(links.map((l) => l.article.slug)).toEqual(["attestation-of-data"]);
  });
});
