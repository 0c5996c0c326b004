// @vitest-environment node
// Request types and request edits on the staff panel, in Arabic (Chromium): an admin opens
// the request types, sees an API field error under its input, changes FINANCIAL_SUPPORT's
// decision period and sees it in the list, and is told plainly when someone else saved the
// type meanwhile; staff do not see the screen, edit a draft request's subject from its case
// file and see it there, and get no Edit button on a submitted request.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { editableStates } from "../../api/modules/requests/lifecycle.js";
import { gid } from "../helpers/ids.js";
import {
  browserSuite,
  describeInChromium,
  screenshotDir,
  signInThroughPanel,
  takeInAsStaff,
} from "./helpers.js";

describeInChromium("request types and request edits on the staff panel (Chromium)", () => {
  const { app, openPage, step } = browserSuite("request-types-");

  const periodCell = (page: Page, code: string) =>
    page.locator(`[data-testid="request-type-period"][data-code="${code}"]`);

  async function openFinancialSupport(page: Page) {
    await page.goto(`${app().url}/#/requestTypes`);
    await page.getByTestId("request-types-grid").waitFor({ timeout: 20_000 });
    await page.getByRole("cell", { name: "دعم مالي", exact: true }).click();
    await page.getByTestId("request-type-inputs").waitFor({ timeout: 20_000 });
    await page.locator('input[name="decisionPeriodDays"]').waitFor();
  }

  it("lets an admin change a type's decision period, with the API's errors on the inputs", async () => {
    const admin = await openPage();

    await step("admin-opens-request-types", async () => {
      await signInThroughPanel(admin, app().url, "admin@wasl.demo", "Admin#2026");
      await admin.locator('a[href="#/requestTypes"]').click();
      await admin.getByTestId("request-types-grid").waitFor({ timeout: 20_000 });
      expect(await periodCell(admin, "FINANCIAL_SUPPORT").textContent()).toBe("14");
      const chips = admin.getByTestId("request-type-required-documents").nth(1);
      expect(await chips.textContent()).toContain("سجل الأسرة");
      await admin.screenshot({ path: `${screenshotDir}/request-types-list-ar.png` });
    });

    await step("api-field-error", async () => {
      await openFinancialSupport(admin);
      // Blank once trimmed: only the API says so, under the input it names.
      await admin.locator('input[name="nameAr"]').fill("   ");
      await admin.getByRole("button", { name: "حفظ" }).click();
      const nameAr = admin.locator(".ra-input-nameAr");
      await nameAr.locator(".Mui-error").first().waitFor({ timeout: 20_000 });
      expect(await nameAr.textContent()).toContain("مطلوب");
      await admin.screenshot({ path: `${screenshotDir}/request-type-edit-ar.png`, fullPage: true });
    });

    await step("save-period", async () => {
      await admin.locator('input[name="nameAr"]').fill("دعم مالي");
      await admin.locator('input[name="decisionPeriodDays"]').fill("21");
      await admin.getByRole("button", { name: "حفظ" }).click();
      await admin.getByTestId("request-types-grid").waitFor({ timeout: 20_000 });
      await expect.poll(() => periodCell(admin, "FINANCIAL_SUPPORT").textContent()).toBe("21");
      const stored = await app().database.prisma.requestType.findUniqueOrThrow({
        where: { code: "FINANCIAL_SUPPORT" },
      });
      expect(stored).toMatchObject({ decisionPeriodDays: 21, nameAr: "دعم مالي", version: 2 });
    });

    await step("conflict", async () => {
      await openFinancialSupport(admin);
      // Someone else saves the type after this form read it.
      const token = await app().signIn("admin@wasl.demo", "Admin#2026");
      const other = await app().gql(
        `mutation($input: UpdateRequestTypeInput!) { updateRequestType(input: $input) { __typename } }`,
        { input: { code: "FINANCIAL_SUPPORT", version: 2, decisionPeriodDays: 28 } },
        { token },
      );
      expect(other.data?.updateRequestType.__typename).toBe("UpdateRequestTypeSuccess");
      await admin.locator('input[name="decisionPeriodDays"]').fill("30");
      await admin.getByRole("button", { name: "حفظ" }).click();
      await admin.getByText("لم يُحفظ تعديلك").waitFor({ timeout: 20_000 });
      expect(
        (
          await app().database.prisma.requestType.findUniqueOrThrow({
            where: { code: "FINANCIAL_SUPPORT" },
          })
        ).decisionPeriodDays,
      ).toBe(28);
    });
  });

  it("lets staff edit a draft's subject from its case file, and hides what they may not do", async () => {
    const staff = await openPage();
    const member = await app().database.prisma.member.findFirstOrThrow({
      where: { status: "ACTIVE" },
      orderBy: { memberNumber: "asc" },
    });
    const draft = await takeInAsStaff<{ id: string; status: string }>(
      app(),
      {
        member: gid("Member", member.id),
        type: "FINANCIAL_SUPPORT",
        channel: "IN_PERSON",
        subject: "طلب دعم إيجار",
        amountRequested: "1500",
      },
      "id status",
    );
    expect(draft.status).toBe("DRAFT");
    const caseFile = `${app().url}/#/requests/${encodeURIComponent(draft.id)}/show`;

    await step("staff-has-no-request-types", async () => {
      await signInThroughPanel(staff, app().url, "staff@wasl.demo", "Staff#2026");
      await staff.locator('a[href="#/requests"]').first().waitFor();
      expect(await staff.locator('a[href="#/requestTypes"]').count()).toBe(0);
    });

    await step("edit-draft", async () => {
      await staff.goto(caseFile);
      await staff.getByTestId("request-header").waitFor({ timeout: 20_000 });
      await staff.getByTestId("request-edit").click();
      const subject = staff.locator('input[name="subject"]');
      await subject.waitFor({ timeout: 20_000 });
      expect(await subject.inputValue()).toBe("طلب دعم إيجار");
      expect(await staff.locator('input[name="amountRequested"]').inputValue()).toMatch(/^1500/);
      await subject.fill("طلب دعم إيجار لثلاثة أشهر");
      await staff.screenshot({ path: `${screenshotDir}/request-edit-ar.png`, fullPage: true });
      await staff.getByRole("button", { name: "حفظ" }).click();
      await staff.waitForURL(/\/requests\/[^/]+\/show/, { timeout: 20_000 });
      const header = staff.getByTestId("request-header");
      await header.getByText("طلب دعم إيجار لثلاثة أشهر").waitFor({ timeout: 20_000 });
      const stored = await app().database.prisma.request.findFirstOrThrow({
        where: { subject: "طلب دعم إيجار لثلاثة أشهر" },
      });
      expect(stored.version).toBe(2);
    });

    await step("no-edit-once-submitted", async () => {
      // Any request past the editable states (the demo data's mix depends on today's date).
      const submitted = await app().database.prisma.request.findFirstOrThrow({
        where: { status: { notIn: [...editableStates] } },
        orderBy: { createdAt: "desc" },
      });
      await staff.goto(
        `${app().url}/#/requests/${encodeURIComponent(gid("Request", submitted.id))}/show`,
      );
      await staff.getByTestId("request-header").waitFor({ timeout: 20_000 });
      await staff.getByTestId("request-status").first().waitFor();
      expect(await staff.getByTestId("request-edit").count()).toBe(0);
    });
  });
});
