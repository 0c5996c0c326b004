// @vitest-environment node
// The electronic attestation from the staff panel to the member's phone and back, in Arabic:
// staff open a financial support draft whose attestation is missing, send the member the
// signing link (the dialog says what the member receives), see until when it works (with the
// Hijri date) and the notification on the timeline; the member opens the link from the SMS
// in another browser, ticks that they read it and signs; the case file left open learns of
// it at once, and reloaded reads signed «إلكترونياً (من رابط العضو)» and offers no more link.
// Screenshots on failure.
import { expect, it } from "vitest";
import { gid, rawId } from "../helpers/ids.js";
import {
  browserSuite,
  caseFilePath,
  describeInChromium,
  screenshotDir,
  signInThroughPanel,
  takeInAsStaff,
} from "./helpers.js";

describeInChromium("sending the signing link from the staff panel (Chromium)", () => {
  const { app, openPage, step } = browserSuite("attestation-send-link-");

  it("sends the link, the member signs from it, and the case file reads signed electronically", async () => {
    const db = app().database.prisma;
    const member = await db.member.findFirstOrThrow({
      where: { status: "ACTIVE", email: { not: null } },
      orderBy: { memberNumber: "asc" },
    });
    const request = await takeInAsStaff<{
      id: string;
      status: string;
      attestation: { status: string };
    }>(
      app(),
      {
        member: gid("Member", member.id),
        type: "FINANCIAL_SUPPORT",
        channel: "IN_PERSON",
        subject: "مساعدة في سداد إيجار شهرين",
        description: "الأسرة متأخرة في سداد الإيجار بعد توقف دخل العائل",
        amountRequested: "2500.00",
      },
      "id status attestation { status }",
    );
    expect(request.status).toBe("DRAFT");
    expect(request.attestation.status).toBe("MISSING");
    const requestGid = request.id;
    const staff = await openPage();
    let signingLink = "";

    await step("open-attestation", async () => {
      await signInThroughPanel(staff, app().url, "staff@wasl.demo", "Staff#2026");
      await staff.goto(`${app().url}${caseFilePath(requestGid, "attestation")}`);
      await staff
        .locator('[data-testid="attestation-status"][data-status="MISSING"]')
        .waitFor({ timeout: 20_000 });
      // Beside the in-person recording.
      await staff.getByTestId("attestation-record").waitFor();
      expect(await staff.getByTestId("attestation-send-link").textContent()).toBe(
        "إرسال رابط التوقيع للعضو",
      );
    });

    await step("send-link", async () => {
      await staff.getByTestId("attestation-send-link").click();
      const dialog = staff.getByRole("dialog");
      const explanation = (await dialog
        .getByTestId("attestation-send-link-explanation")
        .textContent()) as string;
      expect(explanation).toContain("رسالة نصية");
      expect(explanation).toContain("صالح 3 أيام");
      expect(explanation).toContain("مرة واحدة");
      await staff.waitForTimeout(400); // the dialog's opening transition
      await staff.screenshot({ path: `${screenshotDir}/attestation-send-link-dialog-ar.png` });
      await dialog.getByTestId("attestation-send-link-confirm").click();
      const notice = staff.getByText(/أُرسل رابط التوقيع — صالح حتى/);
      await notice.waitFor({ timeout: 20_000 });
      const text = (await notice.textContent()) ?? "";
      expect(text).toContain("هـ"); // the Hijri date beside the Gregorian one
      expect(text).toContain("عدد الرسائل إلى العضو: 2"); // SMS and e-mail
      await staff.screenshot({ path: `${screenshotDir}/attestation-link-sent-ar.png` });
      await dialog.waitFor({ state: "detached" });
    });

    await step("timeline", async () => {
      await staff.getByRole("tab", { name: "السجل الزمني" }).click();
      await staff
        .getByTestId("timeline-row")
        .filter({ hasText: "إرسال إشعار" })
        .first()
        .waitFor({ timeout: 20_000 });
    });

    await step("sms", async () => {
      const sms = await db.notification.findFirstOrThrow({
        where: { requestId: rawId(requestGid), channel: "SMS", event: "ATTESTATION_REQUESTED" },
      });
      expect(sms.address).toBe(member.mobile);
      const linkToken = sms.body.match(/\/attest#([A-Za-z0-9_-]{43})/)?.[1];
      expect(linkToken, sms.body).toBeDefined();
      signingLink = `${app().url}/attest#${linkToken}`;
    });

    await step("member-signs", async () => {
      // The member's own phone: another browser context, no staff session.
      const phone = await openPage();
      await phone.goto(signingLink);
      await phone.locator("#data dd").first().waitFor({ timeout: 20_000 });
      expect((await phone.locator("#data").textContent()) ?? "").toContain(member.fullNameAr);
      await phone.getByLabel("قرأت الإقرار والبيانات أعلاه، وأقر بصحتها.").check();
      await phone.getByRole("button", { name: "توقيع الإقرار" }).click();
      await phone.getByText("تم توقيع الإقرار بنجاح", { exact: false }).waitFor({
        timeout: 20_000,
      });
    });

    await step("signed-live", async () => {
      // The case file left open on the staff desk learns of the signature without a reload.
      await staff.getByRole("tab", { name: "الإقرار" }).click();
      await staff
        .locator('[data-testid="attestation-status"][data-status="SIGNED"]')
        .waitFor({ timeout: 20_000 });
    });

    await step("signed-electronically", async () => {
      await staff.goto(`${app().url}${caseFilePath(requestGid, "attestation")}`);
      await staff.reload();
      await staff
        .locator('[data-testid="attestation-status"][data-status="SIGNED"]')
        .waitFor({ timeout: 20_000 });
      const method = staff.getByTestId("attestation-method");
      expect(await method.getAttribute("data-method")).toBe("ELECTRONIC");
      expect(await method.textContent()).toBe("إلكترونياً (من رابط العضو)");
      expect(await staff.getByTestId("attestation-send-link").count()).toBe(0);
      expect(await staff.getByTestId("attestation-record").count()).toBe(0);
      expect(await staff.evaluate(() => document.documentElement.dir)).toBe("rtl");
      await staff.screenshot({
        path: `${screenshotDir}/attestation-signed-electronically-ar.png`,
        fullPage: true,
      });
      const stored = await db.attestation.findFirstOrThrow({
        where: { requestId: rawId(requestGid) },
      });
      expect(stored.method).toBe("ELECTRONIC");
    });
  });
});
