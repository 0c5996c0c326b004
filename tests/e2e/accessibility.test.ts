// @vitest-environment node
// Accessibility (issue 13, items 12-14; WCAG 2.1 AA): axe-core finds no violation of the
// wcag2a, wcag2aa, wcag21a and wcag21aa rules on the main screens in Arabic, at desktop,
// tablet and phone size; a keyboard alone signs in, finds a member, opens them, opens one of
// their requests and saves a form, with a focus indicator that can be seen; required fields
// are marked aria-required. At the three sizes too:
// every list's rows open from the keyboard (item 12), filter cards sit in the DOM where they
// are read (item 13), pagination speaks Arabic and charts carry their figures as text (item
// 14), forms check in Arabic (item 8), the audit names people and records (item 9), and
// requests are found by member name and ready-made lists (item 5).
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { gid } from "../helpers/ids.js";
import {
  browserSuite,
  caseFilePath,
  describeInChromium,
  rowsOf,
  screenSizes,
  settled,
  signInThroughPanel,
} from "./helpers.js";

const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The page's violations, one line each: rule, impact, the first elements it names. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(tags).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`)
        .join(" | ")}`,
  );
}

/**
 * Presses Tab until the focused element passes `test` (at most `max` presses). The test runs
 * in the page: it sees only its arguments (the element, and `value`), no closure.
 */
async function tabTo(
  page: Page,
  describeIt: string,
  test: (element: Element, value: string) => boolean,
  value = "",
  max = 80,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const reached = await page.evaluate(
      `(${test.toString()})(document.activeElement ?? document.body, ${JSON.stringify(value)})`,
    );
    if (reached) return;
  }
  throw new Error(`Tab never reached ${describeIt}`);
}

/** The focused element shows it: a solid outline at least 2 px wide (item 13). */
async function expectVisibleFocus(page: Page, what: string): Promise<void> {
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
  });
  expect(outline.style, what).toBe("solid");
  expect(outline.width, what).toBeGreaterThanOrEqual(2);
}

describeInChromium("accessibility (Chromium, axe-core and the keyboard)", () => {
  const { app, openPage, step } = browserSuite("a11y-");

  it.each(screenSizes)(
    "has no WCAG 2.1 A/AA violation on the main screens at $name size",
    async (size) => {
      const db = app().database.prisma;
      const member = await db.member.findFirstOrThrow({
        where: { status: "ACTIVE" },
        orderBy: { memberNumber: "asc" },
      });
      const request = await db.request.findFirstOrThrow({
        where: { status: "IN_COMMITTEE" },
        orderBy: { createdAt: "asc" },
      });
      const partner = await db.partner.findFirstOrThrow();
      const m = encodeURIComponent(gid("Member", member.id));
      const screens: [string, string][] = [
        ["dashboard", "/#/"],
        ["members", "/#/members"],
        ["member", `/#/members/${m}/show`],
        ["member-edit", `/#/members/${m}`],
        ["requests", "/#/requests"],
        ["request", caseFilePath(gid("Request", request.id))],
        ["request-create", "/#/requests/create"],
        ["member-create", "/#/members/create"],
        ["users", "/#/users"],
        ["audit", "/#/audit"],
        ["partners", "/#/partners"],
        ["partner-edit", `/#/partners/${encodeURIComponent(gid("Partner", partner.id))}`],
      ];
      const found: string[] = [];
      const titles = new Map<string, string>();
      const page = await openPage(size);
      await step(`${size.name}-login`, async () => {
        await page.goto(`${app().url}/#/login`);
        await page.locator('input[name="email"]').waitFor();
        for (const v of await violations(page)) found.push(`login: ${v}`);
        await signInThroughPanel(page, app().url, "admin@wasl.demo", "Admin#2026");
      });
      for (const [name, path] of screens) {
        await step(`${size.name}-${name}`, async () => {
          await page.goto(`${app().url}${path}`);
          await settled(page);
          for (const v of await violations(page)) found.push(`${name}: ${v}`);
          // Item 14: a page of its own — one h1 and its own title in the browser's tab.
          const [headings, title] = await page.evaluate(() => [
            document.querySelectorAll("h1").length,
            document.title,
          ]);
          if (headings !== 1) found.push(`${name}: ${headings} h1`);
          titles.set(name, String(title));
        });
      }
      expect(found).toEqual([]);
      // The lists' titles differ from one another and from the panel's bare name.
      const lists = ["members", "requests", "users", "audit", "partners"].map((n) => titles.get(n));
      expect(new Set(lists).size).toBe(lists.length);
      expect(lists).not.toContain("وصل");
    },
    240_000,
  );

  it.each(screenSizes)(
    "lets a keyboard alone sign in, find a member, open them and a request, and save a form at $name size",
    async (size) => {
      const db = app().database.prisma;
      const member = await db.member.findFirstOrThrow({
        where: { status: "ACTIVE", requests: { some: { reference: { not: null } } } },
        orderBy: { memberNumber: "asc" },
        skip: screenSizes.indexOf(size),
      });
      const memberHref = `#/members/${encodeURIComponent(gid("Member", member.id))}/show`;
      const district = `حي لوحة المفاتيح ${size.name}`;
      const page = await openPage(size);
      await step(`${size.name}-keyboard-sign-in`, async () => {
        await page.goto(`${app().url}/#/login`);
        await page.locator('input[name="email"]').waitFor();
        await tabTo(page, "the e-mail field", (e) => e.getAttribute("name") === "email");
        await page.keyboard.type("staff@wasl.demo");
        await page.keyboard.press("Tab");
        await page.keyboard.type("Staff#2026");
        await page.keyboard.press("Enter");
        await page.waitForSelector('[data-testid="live-indicator"]', { timeout: 30_000 });
      });
      await step(`${size.name}-keyboard-find-member`, async () => {
        // On a phone the menu is a drawer, closed: its button opens it first.
        if (!(await page.locator('a[href="#/members"]').isVisible())) {
          await tabTo(
            page,
            "the menu button",
            (e) => e.getAttribute("aria-label") === "فتح القائمة",
          );
          await page.keyboard.press("Enter");
        }
        await tabTo(page, "the members menu item", (e) => e.getAttribute("href") === "#/members");
        await expectVisibleFocus(page, "the members menu item");
        await page.keyboard.press("Enter");
        await page.waitForURL(/#\/members/);
        await tabTo(page, "the search box", (e) => e.getAttribute("name") === "q");
        await page.keyboard.type(member.memberNumber);
        await page.waitForURL(/filter=/, { timeout: 20_000 });
        await page.locator(`a[href="${memberHref}"]`).waitFor({ timeout: 20_000 });
      });
      await step(`${size.name}-keyboard-open-member`, async () => {
        // The member's link: their name in a table, their whole card on a tablet or a phone.
        await tabTo(
          page,
          "the member's link",
          (e, href) => e.tagName === "A" && e.getAttribute("href") === href,
          memberHref,
        );
        await page.keyboard.press("Enter");
        await page.waitForURL(/\/show/);
      });
      await step(`${size.name}-keyboard-open-request`, async () => {
        // A tab strip is one stop for Tab; its tabs are reached with the arrow keys (in
        // Arabic the next tab is to the left).
        await page.getByRole("tab").first().waitFor(); // the case file drawn, as a reader waits
        await tabTo(page, "the tab strip", (e) => e.getAttribute("role") === "tab");
        await expectVisibleFocus(page, "a tab");
        for (let i = 0; i < 8; i++) {
          const name = await page.evaluate(() => document.activeElement?.textContent ?? "");
          if (name.includes("الطلبات")) break;
          await page.keyboard.press("ArrowLeft");
        }
        await page.keyboard.press("Enter");
        await page.waitForURL(/show\/requests/);
        await page.locator('a[href*="#/requests/"]').first().waitFor({ timeout: 20_000 });
        await tabTo(page, "a request's link", (e) =>
          (e.getAttribute("href") ?? "").startsWith("#/requests/"),
        );
        await page.keyboard.press("Enter");
        await page.getByTestId("request-header").waitFor({ timeout: 20_000 });
      });
      await step(`${size.name}-keyboard-save-form`, async () => {
        await page.goBack();
        await page.goBack();
        await page.waitForURL(/\/members\/[^/]+\/show$/);
        await tabTo(
          page,
          "the edit link",
          // Named by its text, or on a phone (an icon alone) by its aria-label.
          (e) =>
            e.tagName === "A" && /تعديل/.test(`${e.textContent} ${e.getAttribute("aria-label")}`),
        );
        await page.keyboard.press("Enter");
        await page.locator('input[name="district"]').waitFor();
        await tabTo(page, "the district field", (e) => e.getAttribute("name") === "district");
        await page.keyboard.press("ControlOrMeta+a");
        await page.keyboard.type(district);
        await tabTo(
          page,
          "the save button",
          (e) => e.tagName === "BUTTON" && /حفظ/.test(e.textContent ?? ""),
        );
        await expectVisibleFocus(page, "the save button");
        await page.keyboard.press("Enter");
        await page.waitForURL(/\/show/);
        await page.getByText(district).first().waitFor();
      });
      await page.context().close();
    },
    180_000,
  );

  it.each(screenSizes)(
    "says which fields are required to assistive technology, not only with «*», at $name size (item 14)",
    async (size) => {
      const page = await openPage(size);
      await signInThroughPanel(page, app().url, "admin@wasl.demo", "Admin#2026");
      for (const path of ["/#/members/create", "/#/requests/create", "/#/users/create"]) {
        await step(`${size.name}-required-${path}`, async () => {
          await page.goto(`${app().url}${path}`);
          await settled(page);
          // Every label with react-admin's required mark names a control marked aria-required,
          // and no control is marked without the mark.
          const fields = await page.evaluate(() =>
            [...document.querySelectorAll("#main-content label")].map((label) => {
              const mark = [...label.querySelectorAll('span[aria-hidden="true"]')].some(
                (s) => s.textContent?.trim() === "*",
              );
              const l = label as HTMLLabelElement;
              const control =
                (l.htmlFor && document.getElementById(l.htmlFor)) ||
                label.querySelector("input") ||
                (l.id && document.querySelector(`[aria-labelledby~="${CSS.escape(l.id)}"]`));
              return {
                label: label.textContent?.trim() ?? "",
                mark,
                required: control ? control.getAttribute("aria-required") === "true" : null,
              };
            }),
          );
          const marked = fields.filter((f) => f.mark);
          expect(marked.length, path).toBeGreaterThan(0);
          for (const f of marked) expect(f.required, `${path} ${f.label}`).toBe(true);
          for (const f of fields.filter((f) => !f.mark && f.required !== null))
            expect(f.required, `${path} ${f.label}`).toBe(false);
        });
      }
      await page.context().close();
    },
    120_000,
  );

  it.each(screenSizes)(
    "checks a form in Arabic, never with the browser's English bubble, at $name size (item 8)",
    async (size) => {
      const member = await app().database.prisma.member.findFirstOrThrow({
        where: { status: "ACTIVE" },
        orderBy: { memberNumber: "desc" },
      });
      const page = await openPage(size);
      await step(`${size.name}-email-validated-in-arabic`, async () => {
        await signInThroughPanel(page, app().url, "staff@wasl.demo", "Staff#2026");
        await page.goto(`${app().url}/#/members/${encodeURIComponent(gid("Member", member.id))}`);
        const input = page.locator('input[name="email"]');
        await input.waitFor();
        expect(
          await page
            .locator("form")
            .first()
            .evaluate((f) => (f as HTMLFormElement).noValidate),
        ).toBe(true);
        await input.fill("ليس-بريداً");
        await page.getByRole("button", { name: "حفظ" }).click();
        await page.getByText("يجب أن يكون بريداً إلكترونياً صحيحاً").first().waitFor();
        expect(page.url()).not.toMatch(/\/show/);
        const stored = await app().database.prisma.member.findUniqueOrThrow({
          where: { id: member.id },
        });
        expect(stored.email).toBe(member.email);
      });
      await page.context().close();
    },
  );

  it.each(screenSizes)(
    "shows the audit log as people and records, not UUIDs, at $name size (item 9)",
    async (size) => {
      const member = await app().database.prisma.member.findFirstOrThrow({
        where: { status: "ACTIVE" },
        orderBy: { memberNumber: "asc" },
      });
      const page = await openPage(size);
      await step(`${size.name}-audit-labels`, async () => {
        await signInThroughPanel(page, app().url, "admin@wasl.demo", "Admin#2026");
        const m = encodeURIComponent(gid("Member", member.id));
        await page.goto(`${app().url}/#/members/${m}`);
        await page.locator('input[name="district"]').fill(`حي سجل التدقيق ${size.name}`);
        await page.getByRole("button", { name: "حفظ" }).click();
        await page.waitForURL(/\/show/);
        await page.goto(`${app().url}/#/audit`);
        const grid = page.getByTestId("audit-grid");
        await grid.waitFor();
        const row = rowsOf(grid).filter({ hasText: member.memberNumber }).first();
        await row.waitFor({ timeout: 20_000 });
        const text = (await row.textContent()) ?? "";
        expect(text).toContain("عبدالرحمن سعد العتيبي"); // the actor's name
        expect(text).toContain("مدير النظام"); // and role
        expect(text).toContain("تعديل"); // the action in Arabic
        const link = row.getByRole("link", {
          name: `${member.fullNameAr} (${member.memberNumber})`,
        });
        expect(await link.getAttribute("href")).toBe(`#/members/${m}/show`);
        const gridText = (await grid.textContent()) ?? "";
        expect(gridText).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no UUIDs
        // Records are named in Arabic, never by their type's code (articles' English bodies in
        // the changes column may well say "Member").
        const entities = await grid.getByTestId("audit-entity").allTextContents();
        expect(entities.join(" ")).not.toMatch(/\b[A-Z][a-z]+[A-Z]?[a-z]*\b/);
      });
      await page.context().close();
    },
  );

  it.each(screenSizes)(
    "finds requests by the member's name and offers the ready-made lists at $name size (item 5)",
    async (size) => {
      const db = app().database.prisma;
      const request = await db.request.findFirstOrThrow({
        where: { reference: { not: null } },
        include: { member: true },
        orderBy: { createdAt: "asc" },
      });
      const page = await openPage(size);
      await step(`${size.name}-requests-by-member-name`, async () => {
        await signInThroughPanel(page, app().url, "staff@wasl.demo", "Staff#2026");
        await page.goto(`${app().url}/#/requests`);
        const search = page.getByRole("textbox", { name: "المرجع أو اسم العضو أو رقمه أو هويته" });
        await search.fill(request.member.fullNameAr.replace(/[أإآ]/g, "ا"));
        await page.waitForURL(/filter=.*q/, { timeout: 20_000 });
        await page
          .getByRole("link", { name: request.reference ?? "" })
          .waitFor({ timeout: 20_000 });
        const expected = await db.request.count({ where: { memberId: request.memberId } });
        await expect.poll(() => rowsOf(page.getByTestId("requests-grid")).count()).toBe(expected);
        await page.goto(`${app().url}/#/requests`);
        const lists = page.getByTestId("request-saved-filters");
        for (const name of ["طلباتي", "مستحقة هذا الأسبوع", "متأخرة"])
          await lists.getByText(name).waitFor();
        await lists.getByText("متأخرة").click();
        await page.waitForURL(/overdue/, { timeout: 20_000 });
      });
      await page.context().close();
    },
  );

  it.each(screenSizes)(
    "opens a record from every list with the keyboard at $name size (item 12)",
    async (size) => {
      const page = await openPage(size);
      await signInThroughPanel(page, app().url, "admin@wasl.demo", "Admin#2026");
      for (const [resource, grid] of [
        ["members", "members-grid"],
        ["requests", "requests-grid"],
        ["users", "users-grid"],
        ["partners", "partners-grid"],
        ["requestTypes", "request-types-grid"],
      ] as const) {
        await step(`${size.name}-keyboard-${resource}`, async () => {
          await page.goto(`${app().url}/#/${resource}`);
          await settled(page);
          const list = page.locator(`#main-content [data-testid="${grid}"]`).first();
          const rows = rowsOf(list);
          await rows.first().waitFor({ timeout: 20_000 });
          // Every row holds a link to its record: the keyboard's way in.
          const linked = rows.filter({ has: page.locator(`a[href^="#/${resource}/"]`) });
          const asLinks = list.locator(`:scope > a[href^="#/${resource}/"]`);
          expect((await linked.count()) + (await asLinks.count()), resource).toBe(
            await rows.count(),
          );
          await tabTo(
            page,
            `a ${resource} row's link`,
            (e, r) =>
              e.tagName === "A" &&
              (e.getAttribute("href") ?? "").startsWith(`#/${r}/`) &&
              !!e.closest("#main-content"),
            resource,
            120,
          );
          const href = await page.evaluate(() => document.activeElement?.getAttribute("href"));
          await page.keyboard.press("Enter");
          await page.waitForURL((url) => url.hash === href, { timeout: 20_000 });
        });
      }
      await page.context().close();
    },
    180_000,
  );

  it.each(screenSizes)(
    "reads the lists' filter cards in the order they are shown at $name size (item 13)",
    async (size) => {
      const page = await openPage(size);
      await signInThroughPanel(page, app().url, "admin@wasl.demo", "Admin#2026");
      for (const [resource, card, grid] of [
        ["members", "member-filters", "members-grid"],
        ["requests", "request-saved-filters", "requests-grid"],
      ] as const) {
        await step(`${size.name}-reading-order-${resource}`, async () => {
          await page.goto(`${app().url}/#/${resource}`);
          await rowsOf(page.getByTestId(grid)).first().waitFor({ timeout: 20_000 });
          await settled(page);
          // Nothing is moved out of its DOM place by a flex or grid order.
          const reordered = await page.evaluate(() =>
            [...document.querySelectorAll("#main-content *")]
              .filter((e) => getComputedStyle(e).order !== "0")
              .map((e) => `${e.tagName}.${e.className}`.slice(0, 80)),
          );
          expect(reordered, resource).toEqual([]);
          // Where the card is shown, the DOM puts it where an Arabic reader meets it: after the
          // list if drawn to its left or under it, before it if drawn to its right or above.
          const order = await page.evaluate(
            ([c, g]) => {
              const cardEl = document.querySelector(`[data-testid="${c}"]`);
              const gridEl = document.querySelector(`#main-content [data-testid="${g}"]`);
              if (!cardEl || !gridEl) return "missing";
              const card = cardEl.getBoundingClientRect();
              if (card.width === 0) return "hidden";
              // Beside the list, the list's column (its table may scroll wider inside it).
              const column = cardEl.closest(".RaList-main")
                ? gridEl
                : (gridEl.closest(".RaList-main") ?? gridEl);
              const list = column.getBoundingClientRect();
              const domAfter = !!(
                gridEl.compareDocumentPosition(cardEl) & Node.DOCUMENT_POSITION_FOLLOWING
              );
              const drawnAfter = card.right <= list.left + 1 || card.top >= list.bottom - 1;
              const drawnBefore = card.left >= list.right - 1 || card.bottom <= list.top + 1;
              if (domAfter ? drawnAfter : drawnBefore) return domAfter ? "after" : "before";
              return `DOM ${domAfter ? "after" : "before"} the list, drawn elsewhere`;
            },
            [card, grid] as const,
          );
          expect(["after", "before"], `${resource}: ${order}`).toContain(order);
        });
      }
      await page.context().close();
    },
    120_000,
  );

  it.each(screenSizes)(
    "labels the pagination in Arabic and gives the charts a text alternative at $name size (item 14)",
    async (size) => {
      const page = await openPage(size);
      await signInThroughPanel(page, app().url, "staff@wasl.demo", "Staff#2026");
      await step(`${size.name}-charts-text`, async () => {
        await settled(page);
        const charts = page.locator("#main-content figure");
        expect(await charts.count()).toBeGreaterThanOrEqual(3);
        const lists = page.locator('[data-testid="chart-figures"]');
        expect(await lists.count()).toBe(await charts.count());
        for (const list of await lists.all())
          expect(await list.locator("li").count()).toBeGreaterThan(0);
      });
      await step(`${size.name}-pagination-arabic`, async () => {
        await page.goto(`${app().url}/#/members`);
        await settled(page);
        const pagination = page.locator(".MuiTablePagination-root, .MuiPagination-root").first();
        await pagination.waitFor();
        // What is shown and what is spoken: text, buttons' names and titles.
        const words = await pagination.evaluate((e) =>
          [
            e.textContent ?? "",
            ...[...e.querySelectorAll("[aria-label], [title]")].flatMap((b) => [
              b.getAttribute("aria-label") ?? "",
              b.getAttribute("title") ?? "",
            ]),
          ].join(" | "),
        );
        expect(words).not.toMatch(/[A-Za-z]{2,}/);
        expect(words).toMatch(/[\u0600-\u06FF]/);
      });
      await page.context().close();
    },
    120_000,
  );
});
