// @vitest-environment node
// The member's side of the electronic attestation, in a real browser: the link from the SMS
// opens /attest in Arabic, shows the declaration and the data, signs only after the member
// ticks that they read them, and says so; opened again, it says it was used. English on
// request. Screenshots on failure.
import { expect, it } from "vitest";
import { run } from "../../api/db/commands.js";
import { sendAttestationLink } from "../../api/modules/requests/attestation/links.js";
import { notificationTemplates } from "../../prisma/seed/content.js";
import { createRequestRecord, seedRequestRules } from "../fixtures/requests.js";
import { startTestApp } from "../helpers/app.js";
import { staffCaller } from "../helpers/callers.js";
import { createMemberRecord, createStaffUser } from "../helpers/fixtures.js";
import { browserSuite, describeInChromium, screenshotDir } from "./helpers.js";

describeInChromium("signing the attestation from the member's link (Chromium)", () => {
  const { app, openPage, step } = browserSuite("attestation-link-", {
    server: startTestApp,
    timeout: 120_000,
  });

  it("shows the declaration and the data, signs once, and says so in Arabic", async () => {
    const db = app().database.prisma;
    await seedRequestRules(db);
    await db.notificationTemplate.createMany({ data: notificationTemplates() });
    const staff = await createStaffUser(db, "desk@test.sa", ["STAFF"]);
    const member = await createMemberRecord(db, {
      fullNameAr: "مريم عبدالله الشهري",
      familySize: 4,
      monthlyIncome: "3100.00",
      maritalStatus: "WIDOWED",
    });
    const request = await createRequestRecord(db, member.id);
    await run(app().app.services, staffCaller(staff), sendAttestationLink, {
      requestId: request.id,
      publicUrl: app().config.publicUrl,
    });
    const sms = await db.notification.findFirstOrThrow({
      where: { requestId: request.id, channel: "SMS", event: "ATTESTATION_REQUESTED" },
    });
    const token = sms.body.match(/\/attest#([A-Za-z0-9_-]{43})/)?.[1];
    expect(token, sms.body).toBeDefined();
    const page = await openPage();

    await step("read", async () => {
      await page.goto(`${app().url}/attest#${token}`);
      await page.locator("#data dd").first().waitFor({ timeout: 20_000 });
      const data = (await page.locator("#data").textContent()) ?? "";
      expect(data).toContain("مريم عبدالله الشهري");
      expect(data).toContain(request.subject);
      expect(data).toMatch(/1\*{7}\d{2}/);
      expect(data).toContain("أرمل/ة");
      expect(((await page.locator("#text").textContent()) ?? "").length).toBeGreaterThan(20);
      expect(await page.locator("#status").textContent()).toContain("الرابط صالح حتى");
      expect(await page.locator("#sign").isDisabled()).toBe(true);
      await page.screenshot({ path: `${screenshotDir}/attestation-link-ar.png`, fullPage: true });
    });

    await step("sign", async () => {
      await page.getByLabel("قرأت الإقرار والبيانات أعلاه، وأقر بصحتها.").check();
      await page.locator("#sign").click();
      await page
        .getByText("تم توقيع الإقرار بنجاح. شكراً لك، سيتابع فريق الجمعية طلبك.")
        .waitFor({ timeout: 20_000 });
      const attestation = await db.attestation.findFirstOrThrow({
        where: { requestId: request.id },
      });
      expect(attestation.method).toBe("ELECTRONIC");
    });

    await step("used-and-english", async () => {
      await page.reload();
      await page.getByText("استُخدم هذا الرابط للتوقيع من قبل.", { exact: false }).waitFor();
      await page.getByRole("button", { name: "English" }).click();
      await page.getByText("This link was already used to sign.", { exact: false }).waitFor();
      expect(await page.locator("html").getAttribute("dir")).toBe("ltr");
    });
  });
});
