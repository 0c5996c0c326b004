// @vitest-environment node
// The staff panel end to end: Debian's Chromium against the real server on a fresh
// embedded database with the demo data. Screenshots of every open page on failure.

import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { gid } from "../helpers/ids.js";
import {
  browserSuite,
  describeInChromium,
  rowsOf,
  screenSizes,
  screenshotDir,
  signInThroughPanel,
  visualText,
} from "./helpers.js";

const ahmad = "أحمد محمد عبدالله القحطاني";

describeInChromium("staff panel (Chromium)", () => {
  const { app, openPage: openContext, step } = browserSuite("");

  async function findAhmad(page: Page) {
    await page.goto(`${app().url}/#/members`);
    const search = page.locator('input[name="q"]');
    await search.fill("احمد القحطاني"); // no hamza: the stored name is «أحمد»
    // The search is debounced into the URL; wait for it so a later click is not undone.
    await page.waitForURL(/filter=.*q/, { timeout: 20_000 });
    const grid = page.locator('#main-content [data-testid="members-grid"]').first();
    await grid.getByText(ahmad).first().waitFor({ timeout: 20_000 });
    await expect.poll(() => rowsOf(grid).count(), { timeout: 20_000 }).toBeLessThanOrEqual(10);
  }

  it("lets staff find a member in Arabic, edit them, and see API errors in Arabic; another browser sees the edit live", async () => {
    const staff = await openContext();
    const other = await openContext();
    let memberUrl = "";

    await step("staff-sign-in", async () => {
      await signInThroughPanel(staff, app().url, "staff@wasl.demo", "Staff#2026");
      expect(await staff.evaluate(() => document.documentElement.dir)).toBe("rtl");
      expect(await staff.evaluate(() => document.documentElement.lang)).toBe("ar");
      const bodyDirection = await staff.evaluate(() => getComputedStyle(document.body).direction);
      expect(bodyDirection).toBe("rtl");
      await staff
        .locator('[data-testid="live-indicator"][data-status="live"]')
        .waitFor({ timeout: 20_000 });
      // The dashboard's figures (one aggregate query; the charts load on demand).
      await staff.locator('[data-testid="open-total"]').waitFor({ timeout: 20_000 });
      await staff.getByText("الطلبات المفتوحة حسب الحالة").waitFor();
      await staff.screenshot({ path: `${screenshotDir}/dashboard-ar.png` });
    });

    await step("hamza-search", async () => {
      await findAhmad(staff);
      await staff.screenshot({ path: `${screenshotDir}/members-list-ar.png` });
      // The first data column sits on the right in RTL.
      const header = staff.locator("thead th").filter({ hasText: "رقم العضوية" }).first();
      const box = await header.boundingBox();
      expect(box && box.x > 640).toBe(true);
      await staff.getByRole("cell", { name: ahmad }).click();
      await staff.waitForURL(/\/show/);
      memberUrl = staff.url();
      await staff.getByText("بيانات شخصية مخفية").waitFor();
      // The list reads a row's columns only; the page reads the whole record (its district).
      const { district } = await app().database.prisma.member.findFirstOrThrow({
        where: { fullNameAr: ahmad },
        select: { district: true },
      });
      expect(district).toBeTruthy();
      await staff.getByText(district!, { exact: true }).waitFor({ timeout: 20_000 });
    });

    await step("second-browser-opens-member", async () => {
      await signInThroughPanel(other, app().url, "admin@wasl.demo", "Admin#2026");
      await other.goto(memberUrl);
      await other.getByText(ahmad).first().waitFor();
      await other
        .locator('[data-testid="live-indicator"][data-status="live"]')
        .waitFor({ timeout: 20_000 });
    });

    const district = `حي التجربة ${Date.now() % 1000}`;
    await step("edit-field", async () => {
      await staff.getByRole("link", { name: "تعديل" }).click();
      const input = staff.locator('input[name="district"]');
      await input.waitFor();
      // The masked ID and mobile inside the Arabic hints read as written (not 34*******1).
      const [idHint, mobileHint] = await staff.getByText("اتركه فارغاً للإبقاء").all();
      expect((await visualText(idHint!)).replace(/[^\d*]/g, "")).toMatch(/^[12]\*{7}\d\d$/);
      expect((await visualText(mobileHint!)).replace(/[^\d*+]/g, "")).toMatch(/^\+966\*{7}\d\d$/);
      await input.fill(district);
      await staff.getByRole("button", { name: "حفظ" }).click();
      await staff.waitForURL(/\/show/);
      await staff.getByText(district).waitFor();
    });

    await step("live-update", async () => {
      // No reload: the change arrives over graphql-ws.
      await other.getByText(district).waitFor({ timeout: 20_000 });
    });

    await step("invalid-national-id", async () => {
      await staff.getByRole("link", { name: "تعديل" }).click();
      const input = staff.locator('input[name="nationalId"]');
      await input.waitFor();
      await input.fill("1234567890");
      await staff.keyboard.press("Enter"); // keyboard submits the form
      await staff
        .getByText("رقم الهوية الوطنية أو الإقامة غير صحيح")
        .first()
        .waitFor({ timeout: 15_000 });
      expect(staff.url()).toMatch(/\/members\/[^/]+$/); // still on the form
    });
  });

  it("shows a committee member masked personal data and no admin menus", async () => {
    const page = await openContext();
    await step("committee", async () => {
      await signInThroughPanel(page, app().url, "committee1@wasl.demo", "Committee#2026");
      await findAhmad(page);
      const row = page.locator("tr").filter({ hasText: ahmad });
      const cells = await row.locator("td").allInnerTexts();
      expect(cells.some((c) => /^1\*{7}\d\d$|^2\*{7}\d\d$/.test(c.trim()))).toBe(true);
      expect(cells.some((c) => /^\+966\*{7}\d\d$/.test(c.trim()))).toBe(true);
      // Numbers are left-to-right islands in Arabic text: drawn in the order they are written
      // (the RTL style plugin used to flip a `direction` given through sx: 1*******34 read
      // as 34*******1).
      for (const [index, text] of cells.entries()) {
        if (/\*{7}/.test(text))
          expect(await visualText(row.locator("td").nth(index))).toBe(text.trim());
      }
      expect(await page.locator('a[href="#/users"]').count()).toBe(0);
      expect(await page.locator('a[href="#/audit"]').count()).toBe(0);
      expect(await page.getByRole("link", { name: "إنشاء" }).count()).toBe(0);
      await row.getByRole("cell", { name: ahmad }).click();
      await page.getByText("بيانات شخصية مخفية").waitFor();
      for (const testId of ["national-id", "mobile"]) {
        const value = page.getByTestId(testId);
        const text = ((await value.textContent()) ?? "").trim();
        expect(text).toMatch(/\*{7}\d\d$/);
        expect(await visualText(value)).toBe(text);
      }
      expect(await page.getByRole("button", { name: "إظهار البيانات الشخصية" }).count()).toBe(0);
      expect(await page.getByRole("link", { name: "تعديل" }).count()).toBe(0);
      await page.goto(`${app().url}/#/users`);
      await page
        .getByText("ليست لديك الصلاحية اللازمة")
        .or(page.getByText("الوصول مرفوض"))
        .first()
        .waitFor({ timeout: 15_000 });
    });
  });

  it.each(screenSizes)(
    "draws a member's masked ID and mobile as the API writes them, in the list and the case file, at $name size (item 1)",
    async (size) => {
      const member = await app().database.prisma.member.findFirstOrThrow({
        where: { fullNameAr: ahmad },
      });
      const page = await openContext(size);
      await step(`masked-${size.name}`, async () => {
        await signInThroughPanel(page, app().url, "committee1@wasl.demo", "Committee#2026");
        await page.goto(
          `${app().url}/#/members/${encodeURIComponent(gid("Member", member.id))}/show`,
        );
        await page.getByText("بيانات شخصية مخفية").waitFor();
        const api = await app().gql<{ member: { nationalIdMasked: string; mobileMasked: string } }>(
          "query($id: ID!) { member(id: $id) { nationalIdMasked mobileMasked } }",
          { id: gid("Member", member.id) },
          { token: await app().signIn("committee1@wasl.demo", "Committee#2026") },
        );
        for (const [testId, value] of [
          ["national-id", api.data!.member.nationalIdMasked],
          ["mobile", api.data!.member.mobileMasked],
        ] as const) {
          expect(value).toMatch(/\*{7}\d\d$/);
          const shown = page.getByTestId(testId);
          expect(((await shown.textContent()) ?? "").trim()).toBe(value);
          expect(await visualText(shown)).toBe(value);
        }
        // In the members list too: a table's cell, or a tablet's or a phone's card.
        await findAhmad(page);
        const listed = page
          .locator('#main-content [data-testid="members-grid"] bdi')
          .filter({ hasText: api.data!.member.nationalIdMasked })
          .first();
        expect(await visualText(listed)).toBe(api.data!.member.nationalIdMasked);
      });
    },
  );
});
