// @vitest-environment node
// The communications log and a declined data update end to end, in Arabic on the panel:
// staff open a request's case file, log a phone call (a time in the future is refused under
// its input, in Arabic), see it in the request's «التواصل» tab and on the member's file; then
// resolve a data update with «رفض التحديث» checked, after seeing the change asked for beside
// the current value, and find the member's data unchanged. Screenshots on failure.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { toRiyadhLocal } from "../../admin/src/shared/dates.js";
import { gid } from "../helpers/ids.js";
import {
  browserSuite,
  caseFilePath,
  choose,
  describeInChromium,
  screenshotDir,
  signInThroughPanel,
  takeInAsStaff,
} from "./helpers.js";

describeInChromium("communications and data updates on the staff panel (Chromium)", () => {
  const { app, openPage, step } = browserSuite("communications-");

  async function expectStatus(page: Page, status: string, label: string) {
    const chip = page.locator(
      `[data-testid="request-header"] [data-testid="request-status"][data-status="${status}"]`,
    );
    await chip.waitFor({ timeout: 20_000 });
    expect(((await chip.textContent()) ?? "").trim()).toBe(label);
  }

  it("logs a phone call in Arabic on a request's file and shows it there and on the member's", async () => {
    const request = await app().database.prisma.request.findFirstOrThrow({
      where: { reference: { not: null } },
      orderBy: { reference: "asc" },
      include: { member: true },
    });
    const requestGid = gid("Request", request.id);
    const subject = "اتصل العضو يسأل عن موعد الرد على طلبه";
    const staff = await openPage();

    await step("open-case-file", async () => {
      await signInThroughPanel(staff, app().url, "staff@wasl.demo", "Staff#2026");
      await staff.goto(`${app().url}${caseFilePath(requestGid)}`);
      await staff.getByTestId("request-header").waitFor({ timeout: 20_000 });
      await staff.getByRole("tab", { name: "التواصل" }).click();
      await staff.getByTestId("communications").waitFor();
      await staff
        .getByTestId("communications-table")
        .or(staff.getByTestId("communications-empty"))
        .first()
        .waitFor({ timeout: 20_000 });
    });

    await step("future-time-refused", async () => {
      await staff.getByTestId("communication-record").click();
      await staff.getByTestId("communication-form").waitFor();
      expect(await staff.getByTestId("communication-context").textContent()).toBe(
        `على الطلب ${request.reference}`,
      );
      await choose(staff, /القناة/, "هاتف");
      await staff.getByLabel("وارد — العضو تواصل معنا").check();
      await staff.locator('input[name="subject"]').fill(subject);
      await staff
        .locator('textarea[name="body"]')
        .first()
        .fill("سأل متى يصله الرد، وأفاد بأن رقم جواله تغيّر");
      await staff.locator('input[name="outcome"]').fill("وُعد بالرد خلال يومين عمل");
      // Tomorrow: the API refuses a time in the future, under the time's input.
      await staff
        .locator('input[name="occurredAt"]')
        .fill(toRiyadhLocal(new Date(Date.now() + 86_400_000)));
      await staff.getByTestId("communication-save").click();
      await staff.getByText("وقت التواصل لا يكون في المستقبل.").waitFor({ timeout: 20_000 });
      expect(await staff.locator('input[name="occurredAt"]').getAttribute("aria-invalid")).toBe(
        "true",
      );
    });

    await step("log-call", async () => {
      // An hour ago, in Riyadh time, as the employee would type it.
      await staff
        .locator('input[name="occurredAt"]')
        .fill(toRiyadhLocal(new Date(Date.now() - 3_600_000)));
      await staff.getByText(/بتوقيت الرياض · يوافق/).waitFor();
      await staff.screenshot({ path: `${screenshotDir}/communication-dialog-ar.png` });
      await staff.getByTestId("communication-save").click();
      await staff.getByText("سُجّل التواصل").waitFor({ timeout: 20_000 });
      await staff.getByTestId("communication-form").waitFor({ state: "detached" });
      const row = staff.getByTestId("communication-row").filter({ hasText: subject });
      await row.waitFor({ timeout: 20_000 });
      expect(await row.getByTestId("communication-channel").textContent()).toBe("هاتف");
      expect(await row.getByTestId("communication-direction").textContent()).toBe("وارد");
      const text = (await row.textContent()) ?? "";
      expect(text).toContain("وُعد بالرد خلال يومين عمل");
      expect(text).toContain("هـ"); // the Hijri date under the Gregorian one
      // Newest first: the call is the first row.
      expect(await staff.getByTestId("communication-row").first().textContent()).toContain(subject);
      const stored = await app().database.prisma.communication.findFirstOrThrow({
        where: { requestId: request.id, subject },
        include: { handledBy: true },
      });
      expect(stored).toMatchObject({
        channel: "PHONE",
        direction: "INBOUND",
        memberId: request.memberId,
      });
      expect(stored.handledBy?.email).toBe("staff@wasl.demo");
      expect(await staff.evaluate(() => document.documentElement.dir)).toBe("rtl");
      await staff.screenshot({
        path: `${screenshotDir}/communications-tab-ar.png`,
        fullPage: true,
      });
    });

    await step("member-file", async () => {
      await staff.getByTestId("request-member").click();
      await staff.waitForURL(/\/members\/[^/]+\/show/);
      // The URL changes before the member's file replaces the request's (its screen loads
      // lazily); the request's own «التواصل» tab must not be the one clicked.
      await staff.getByTestId("personal-data").waitFor({ timeout: 20_000 });
      await staff.getByRole("tab", { name: "التواصل" }).click();
      const row = staff.getByTestId("communication-row").filter({ hasText: subject });
      await row.waitFor({ timeout: 20_000 });
      // On the member's file the contact names its request.
      await row.getByRole("link", { name: request.reference ?? "" }).waitFor();
      await staff.getByTestId("communication-record").click();
      await staff.getByTestId("communication-form").waitFor();
      expect(await staff.getByTestId("communication-context").textContent()).toBe(
        `مع العضو ${request.member.fullNameAr}`,
      );
      await staff.getByRole("combobox", { name: /الطلب/ }).waitFor();
      await staff.waitForTimeout(400); // the dialog's opening transition
      await staff.screenshot({ path: `${screenshotDir}/member-communication-dialog-ar.png` });
      await staff.getByRole("button", { name: "إلغاء" }).click();
      await staff.getByTestId("communication-form").waitFor({ state: "detached" });
      await staff.screenshot({ path: `${screenshotDir}/member-communications-ar.png` });
    });
  });

  it("resolves a data update with the change declined: the member's data stay as they are", async () => {
    const member = await app().database.prisma.member.findFirstOrThrow({
      where: { status: "ACTIVE", district: { not: null } },
      orderBy: { memberNumber: "desc" },
    });
    const district = member.district === "الملقا" ? "النرجس" : "الملقا";
    const request = await takeInAsStaff<{ id: string; reference: string; status: string }>(
      app(),
      {
        member: gid("Member", member.id),
        type: "DATA_UPDATE",
        channel: "PHONE",
        subject: "تحديث الحي",
        details: JSON.stringify({ changes: { district } }),
      },
      "id reference status",
    );
    expect(request.status).toBe("SUBMITTED");
    const answer = "لم يُرفق ما يثبت العنوان الجديد؛ يرجى إرفاق عقد الإيجار وإعادة التقديم";
    const staff = await openPage();

    await step("open-data-update", async () => {
      await signInThroughPanel(staff, app().url, "staff@wasl.demo", "Staff#2026");
      await staff.goto(`${app().url}${caseFilePath(request.id)}`);
      await expectStatus(staff, "SUBMITTED", "مقدَّم");
      // The data tab shows the change asked for beside the current value.
      const change = staff.locator('[data-testid="requested-change"][data-field="district"]');
      await change.waitFor({ timeout: 20_000 });
      await staff.getByTestId("action-START_WORK").click();
      await staff.getByTestId("action-confirm").click();
      await expectStatus(staff, "IN_PROGRESS", "قيد المعالجة");
    });

    await step("resolve-declined", async () => {
      await staff.getByTestId("action-RESOLVE").click();
      const dialog = staff.getByRole("dialog");
      const change = dialog.locator('[data-testid="requested-change"][data-field="district"]');
      await change.waitFor();
      await change
        .getByTestId("requested-change-current")
        .filter({ hasText: member.district ?? "" })
        .waitFor({ timeout: 20_000 });
      expect(await change.getByTestId("requested-change-value").textContent()).toBe(district);
      await dialog.getByLabel("رفض التحديث — تبقى بيانات العضو كما هي").check();
      expect(await dialog.getByTestId("data-update-effect").textContent()).toBe(
        "لن تُطبَّق هذه التغييرات: تبقى بيانات العضو كما هي.",
      );
      await dialog.getByLabel("سبب رفض التحديث (سيطّلع عليه العضو)").fill(answer);
      await staff.screenshot({ path: `${screenshotDir}/resolve-data-update-declined-ar.png` });
      await staff.getByTestId("action-confirm").click();
      await expectStatus(staff, "RESOLVED", "تمت الإجابة");
      await staff.getByText(answer).first().waitFor();
    });

    await step("member-unchanged", async () => {
      const stored = await app().database.prisma.member.findUniqueOrThrow({
        where: { id: member.id },
      });
      expect(stored.district).toBe(member.district);
      expect(stored.version).toBe(member.version);
      await staff.getByTestId("request-member").click();
      await staff.waitForURL(/\/members\/[^/]+\/show/);
      await staff.getByTestId("personal-data").waitFor({ timeout: 20_000 });
      const main = staff.locator("main");
      await main
        .getByText(member.district ?? "", { exact: true })
        .first()
        .waitFor();
      expect(await main.getByText(district, { exact: true }).count()).toBe(0);
    });
  });
});
