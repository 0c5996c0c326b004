// @vitest-environment node
// Edits are never lost (issue 13, item 2), in two browser contexts: while staff type into a
// member's form, an admin saves the same member elsewhere. The staff's form keeps what they
// typed and says who changed the record and when, offering "reload" and "keep editing";
// saving the stale edits is refused by the version check, with the same choice; reloading
// shows the admin's version. An untouched form simply shows the newer version. A user's edit
// screen (no live events of its own) reports the refused save the same way (item 11).
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { gid } from "../helpers/ids.js";
import { browserSuite, describeInChromium, screenSizes, signInThroughPanel } from "./helpers.js";

/** Saves the open form (right after an earlier save too: its notice covers nothing, see layouts.test.ts). */
async function save(page: Page): Promise<void> {
  await page.getByRole("button", { name: "حفظ" }).click();
}

describeInChromium("an edit form and a live update (Chromium)", () => {
  const { app, openPage, step } = browserSuite("keep-edits-");

  it.each(screenSizes)(
    "keeps unsaved edits, names who changed the record, and offers reload or keep editing ($name)",
    async (size) => {
      const member = await app().database.prisma.member.findFirstOrThrow({
        where: { status: "ACTIVE" },
        orderBy: { memberNumber: "asc" },
      });
      const editUrl = `${app().url}/#/members/${encodeURIComponent(gid("Member", member.id))}`;
      const staff = await openPage(size);
      const admin = await openPage(size);
      const district = (page: typeof staff) => page.locator('input[name="district"]');

      await step(`${size.name}-both-open-the-form`, async () => {
        await signInThroughPanel(staff, app().url, "staff@wasl.demo", "Staff#2026");
        await signInThroughPanel(admin, app().url, "admin@wasl.demo", "Admin#2026");
        for (const page of [staff, admin]) {
          await page.goto(editUrl);
          await district(page).waitFor();
          await page
            .locator('[data-testid="live-indicator"][data-status="live"]')
            .waitFor({ timeout: 20_000 });
        }
        await district(staff).fill("مسودة الموظف لم تُحفظ");
      });

      await step(`${size.name}-admin-saves-meanwhile`, async () => {
        await district(admin).fill("حي المدير");
        await save(admin);
        await admin.waitForURL(/\/show/);
      });

      await step(`${size.name}-staff-edits-kept-with-banner`, async () => {
        const banner = staff.getByTestId("changed-since-banner");
        await banner.waitFor({ timeout: 20_000 });
        const text = (await banner.textContent()) ?? "";
        expect(text).toContain("تغيّر هذا السجل منذ فتحته");
        expect(text).toContain("عبدالرحمن سعد العتيبي"); // by whom
        expect(text).toMatch(/20\d\d/); // when
        expect(await district(staff).inputValue()).toBe("مسودة الموظف لم تُحفظ");
      });

      await step(`${size.name}-keep-editing-then-save-meets-the-version-check`, async () => {
        await staff.getByRole("button", { name: "تابع التعديل" }).click();
        await staff.getByTestId("changed-since-banner").waitFor({ state: "detached" });
        await district(staff).fill("مسودة الموظف المعدّلة");
        await save(staff);
        const refused = staff.getByTestId("conflict-notice");
        await refused.waitFor({ timeout: 20_000 });
        expect((await refused.textContent()) ?? "").toContain("لم يُحفظ تعديلك");
        expect(staff.url()).not.toMatch(/\/show/);
        expect(await district(staff).inputValue()).toBe("مسودة الموظف المعدّلة");
        const stored = await app().database.prisma.member.findUniqueOrThrow({
          where: { id: member.id },
        });
        expect(stored.district).toBe("حي المدير");
      });

      await step(`${size.name}-reload-shows-the-new-version`, async () => {
        await staff
          .getByTestId("conflict-notice")
          .getByRole("button", { name: "أعد التحميل" })
          .click();
        await staff.getByTestId("conflict-notice").waitFor({ state: "detached" });
        await expect.poll(() => district(staff).inputValue()).toBe("حي المدير");
      });

      await step(`${size.name}-untouched-form-follows-silently`, async () => {
        await admin.goto(editUrl);
        await district(admin).fill("حي ثالث");
        await save(admin);
        await admin.waitForURL(/\/show/);
        await expect.poll(() => district(staff).inputValue(), { timeout: 20_000 }).toBe("حي ثالث");
        expect(await staff.getByTestId("changed-since-banner").count()).toBe(0);
        // Saving now goes through: the form holds the version it shows.
        await district(staff).fill("حي الموظف");
        await save(staff);
        await staff.waitForURL(/\/show/);
        await staff.getByText("حي الموظف").first().waitFor();
      });
    },
  );

  it.each(screenSizes)(
    "reports a user's stale save as a conflict, keeps the edits, reloads on demand ($name)",
    async (size) => {
      const user = await app().database.prisma.user.findUniqueOrThrow({
        where: { email: "researcher@wasl.demo" },
      });
      const editUrl = `${app().url}/#/users/${encodeURIComponent(gid("User", user.id))}`;
      const first = await openPage(size);
      const second = await openPage(size);
      const fullName = (page: typeof first) => page.locator('input[name="fullName"]');
      const saved = `${user.fullName} (${size.name})`;

      await step(`user-${size.name}-both-open-the-form`, async () => {
        for (const page of [first, second]) {
          await signInThroughPanel(page, app().url, "admin@wasl.demo", "Admin#2026");
          await page.goto(editUrl);
          await fullName(page).waitFor();
        }
      });
      await step(`user-${size.name}-first-saves`, async () => {
        await fullName(first).fill(saved);
        await save(first);
        await first.waitForURL(/#\/users$/);
      });
      await step(`user-${size.name}-stale-save-refused`, async () => {
        await fullName(second).fill("اسم لم يُحفظ");
        await save(second);
        const refused = second.getByTestId("conflict-notice");
        await refused.waitFor({ timeout: 20_000 });
        expect((await refused.textContent()) ?? "").toContain("لم يُحفظ تعديلك");
        expect(await fullName(second).inputValue()).toBe("اسم لم يُحفظ");
        const stored = await app().database.prisma.user.findUniqueOrThrow({
          where: { id: user.id },
        });
        expect(stored.fullName).toBe(saved);
      });
      await step(`user-${size.name}-reload`, async () => {
        await second
          .getByTestId("conflict-notice")
          .getByRole("button", { name: "أعد التحميل" })
          .click();
        await second.getByTestId("conflict-notice").waitFor({ state: "detached" });
        await expect.poll(() => fullName(second).inputValue()).toBe(saved);
      });
    },
  );
});
