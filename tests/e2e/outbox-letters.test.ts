// @vitest-environment node
// The outbox, the notification templates and the letters register in Chromium, in Arabic:
// - outbox: staff filter by status, channel, event and member; read a FAILED e-mail as it was
//   rendered, its tries and last error; resend it and watch it turn SENT live when the worker
//   (delivering to a real SMTP server) gets to it; cancel a PENDING SMS; the list and a message
//   at phone size (390×844) fit the screen;
// - templates: an admin edits a text with its live preview on a real request, an unknown
//   placeholder is refused by name, the earlier text is kept in the version history;
// - letters: staff register an incoming and an outgoing letter each with its scan, numbered
//   و-1448-… and ص-1448-…, attach the scan a registered letter lacked, search and filter the
//   register, export it as CSV, print a letter and download a scan. Screenshots on failure.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createLogger } from "../../api/logger.js";
import { createDeliveryWorker, createSenders } from "../../api/modules/notifications/delivery.js";
import { testConfig } from "../helpers/app.js";
import { gid } from "../helpers/ids.js";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp.js";
import {
  browserSuite,
  choose,
  describeInChromium,
  overflow,
  screenshotDir,
  settled,
  signInThroughPanel,
} from "./helpers.js";

const fixtures = join(process.cwd(), "tests/fixtures");

/** The status chips of the outbox's rows (a table on a desktop, cards on a phone). */
const statuses = (page: Page) =>
  page.locator('[data-testid="outbox-list"] [data-testid="outbox-status"]');

async function rowCount(page: Page, expected: number) {
  await expect.poll(async () => statuses(page).count(), { timeout: 20_000 }).toBe(expected);
}

describeInChromium("outbox, templates and letters on the staff panel (Chromium)", () => {
  const { app, openPage, step } = browserSuite("outbox-letters-");
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp?.stop());

  it("filters the outbox, shows a message and its tries, resends live and cancels", {
    timeout: 300_000,
  }, async () => {
    const db = app().database.prisma;
    const member = await db.member.findFirstOrThrow({ orderBy: { memberNumber: "asc" } });
    const other = await db.member.findFirstOrThrow({
      where: { id: { not: member.id }, fullNameAr: { not: member.fullNameAr } },
      orderBy: { memberNumber: "asc" },
    });
    const failedBody = "عزيزي العضو،\nصدر القرار في طلبك، ويمكنك الاطلاع على سببه.";
    const failed = await db.notification.create({
      data: {
        memberId: member.id,
        event: "DECIDED",
        channel: "EMAIL",
        address: "member@example.sa",
        language: "AR",
        subject: "صدر القرار في طلبك",
        body: failedBody,
        status: "FAILED",
        attempts: 8,
        lastError: "550 mailbox unavailable",
        deliveryAttempts: {
          create: {
            attempt: 8,
            startedAt: new Date(Date.now() - 60_000),
            finishedAt: new Date(Date.now() - 59_000),
            succeeded: false,
            error: "550 mailbox unavailable",
          },
        },
      },
    });
    const pending = await db.notification.create({
      data: {
        memberId: member.id,
        event: "REQUEST_SUBMITTED",
        channel: "SMS",
        address: member.mobile,
        language: "AR",
        subject: "استلام الطلب",
        body: "وصل: استلمنا طلبك، والرد قبل موعده.",
        // Not due before tomorrow: the worker leaves it alone.
        nextAttemptAt: new Date(Date.now() + 86_400_000),
      },
    });
    await db.notification.create({
      data: {
        memberId: other.id,
        event: "COMPLETED",
        channel: "SMS",
        address: other.mobile,
        language: "AR",
        subject: "اكتمل طلبك",
        body: "وصل: اكتمل طلبك.",
        status: "SENT",
        attempts: 1,
        sentAt: new Date(),
      },
    });
    const outboxRows = (where: object) =>
      db.notification.count({ where: { channel: { not: "IN_APP" }, ...where } });
    const page = await openPage();
    const reset = () => page.goto(`${app().url}/#/outbox?filter=%7B%7D`);
    /** The list unfiltered, then the filter named `label` added through «add filter». */
    const addFilter = async (label: string) => {
      await reset();
      await page.getByRole("button", { name: "إضافة عامل تصفية" }).click();
      await page.getByRole("menu").getByText(label).click();
    };

    await step("sign-in", async () => {
      await signInThroughPanel(page, app().url, "staff@wasl.demo", "Staff#2026");
      await reset();
      await rowCount(page, await outboxRows({}));
    });

    await step("filter-status", async () => {
      await choose(page, /الحالة/, "تعذّر الإرسال");
      await rowCount(page, await outboxRows({ status: "FAILED" }));
      for (const status of await statuses(page).all())
        expect(await status.getAttribute("data-status")).toBe("FAILED");
    });

    await step("filter-channel", async () => {
      await reset();
      await choose(page, /القناة/, "رسالة نصية");
      await rowCount(page, await outboxRows({ channel: "SMS" }));
      await page.getByText("اكتمل طلبك").waitFor();
    });

    await step("filter-event", async () => {
      await addFilter("الحدث");
      await choose(page, /الحدث/, "صدور القرار");
      await rowCount(page, await outboxRows({ event: "DECIDED" }));
      await page.getByText("صدر القرار في طلبك").waitFor();
    });

    await step("filter-member", async () => {
      await addFilter("العضو");
      const input = page.getByRole("combobox", { name: "العضو" });
      await input.fill(member.fullNameAr);
      await page.getByRole("option", { name: member.fullNameAr }).first().click();
      await rowCount(page, await outboxRows({ memberId: member.id }));
      await page.screenshot({ path: `${screenshotDir}/outbox-list-ar.png`, fullPage: true });
    });

    await step("read-failed", async () => {
      await page.getByText("صدر القرار في طلبك").click();
      await page.waitForURL(/#\/outbox\/.+\/show/);
      await page.locator('[data-testid="outbox-status"][data-status="FAILED"]').waitFor();
      const html = (await page.getByTestId("outbox-html").getAttribute("srcdoc")) ?? "";
      expect(html).toContain('dir="rtl"');
      expect(html).toContain("صدر القرار في طلبك، ويمكنك الاطلاع على سببه.");
      const tries = page.getByTestId("outbox-tries");
      expect(await tries.textContent()).toContain("550 mailbox unavailable");
      expect(await tries.textContent()).toContain("فشلت");
      expect(await page.locator("#main-content").textContent()).toContain("آخر خطأ");
    });

    await step("resend-live", async () => {
      await page.getByTestId("outbox-resend").click();
      await page.locator('[data-testid="outbox-status"][data-status="PENDING"]').waitFor();
      // The API's worker is off in tests: this one delivers to the SMTP server, and tells
      // the panels as the API's does.
      const config = testConfig({ SMTP_URL: smtp.url });
      const log = createLogger("silent");
      const worker = createDeliveryWorker({
        prisma: db,
        senders: createSenders(config, log),
        config: config.delivery,
        log,
        onChange: (event) => app().app.services.pubsub.publish("outboxChanged", event),
      });
      try {
        await worker.drain();
      } finally {
        await worker.stop();
      }
      // No reload: the page hears of it.
      await page
        .locator('[data-testid="outbox-status"][data-status="SENT"]')
        .waitFor({ timeout: 15_000 });
      await expect
        .poll(async () => page.getByTestId("outbox-tries").textContent(), { timeout: 15_000 })
        .toContain("قُبلت");
      const [mail] = await smtp.waitFor(1);
      expect(mail?.mail.subject).toBe("صدر القرار في طلبك");
      expect((await db.notification.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe(
        "SENT",
      );
    });

    await step("cancel-pending", async () => {
      await page.goto(
        `${app().url}/#/outbox/${encodeURIComponent(gid("Notification", pending.id))}/show`,
      );
      await page.locator('[data-testid="outbox-status"][data-status="PENDING"]').waitFor();
      expect(await page.getByTestId("outbox-sms").textContent()).toContain("استلمنا طلبك");
      await page.getByTestId("outbox-cancel").click();
      await page.locator('[data-testid="outbox-status"][data-status="CANCELLED"]').waitFor();
      expect((await db.notification.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe(
        "CANCELLED",
      );
      expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    });

    await step("phone", async () => {
      const phone = await openPage({ width: 390, height: 844, touch: true });
      await signInThroughPanel(phone, app().url, "staff@wasl.demo", "Staff#2026");
      await phone.goto(`${app().url}/#/outbox?filter=%7B%7D`);
      await settled(phone);
      await rowCount(phone, await outboxRows({}));
      expect(await phone.evaluate(() => document.documentElement.dir)).toBe("rtl");
      expect(await overflow(phone)).toBe(0);
      await phone.screenshot({ path: `${screenshotDir}/outbox-list-phone-ar.png`, fullPage: true });
      await phone.getByText("صدر القرار في طلبك").click();
      await phone.waitForURL(/#\/outbox\/.+\/show/);
      await phone.getByTestId("outbox-tries").waitFor();
      await settled(phone);
      expect(await overflow(phone)).toBe(0);
      await phone.screenshot({ path: `${screenshotDir}/outbox-show-phone-ar.png`, fullPage: true });
    });
  });

  it("edits a template with its live preview, refuses an unknown placeholder, keeps versions", {
    timeout: 300_000,
  }, async () => {
    const db = app().database.prisma;
    const template = await db.notificationTemplate.findFirstOrThrow({
      where: { event: "REQUEST_SUBMITTED", channel: "SMS" },
    });
    const request = await db.request.findFirstOrThrow({
      where: { reference: { not: null } },
      orderBy: { reference: "asc" },
      include: { member: true },
    });
    const page = await openPage();
    const body = page.locator('textarea[name="bodyAr"]');

    await step("open", async () => {
      await signInThroughPanel(page, app().url, "admin@wasl.demo", "Admin#2026");
      await page.goto(`${app().url}/#/notificationTemplates`);
      await page
        .locator("tr")
        .filter({ hasText: "استلام الطلب" })
        .filter({ hasText: "رسالة نصية" })
        .first()
        .click();
      await page.waitForURL(/#\/notificationTemplates\/.+/);
      await body.waitFor();
      expect(await body.inputValue()).toBe(template.bodyAr);
    });

    await step("preview", async () => {
      const input = page.getByRole("combobox", { name: "الطلب" });
      await input.fill(request.reference!);
      await page
        .getByRole("option", { name: new RegExp(request.reference!) })
        .first()
        .click();
      await body.fill("وصل: {{memberName}}، استلمنا طلبك {{reference}} ونرد قبل {{dueDate}}.");
      const preview = page.getByTestId("template-preview");
      await expect
        .poll(async () => preview.textContent(), { timeout: 15_000 })
        .toContain(`استلمنا طلبك ${request.reference} ونرد قبل`);
      expect(await preview.textContent()).toContain(request.member.fullNameAr);
      await page.screenshot({ path: `${screenshotDir}/template-preview-ar.png`, fullPage: true });
    });

    await step("unknown-placeholder", async () => {
      await body.fill("وصل: استلمنا طلبك {{reference}} {{bankBalance}}");
      await page.getByRole("button", { name: "حفظ" }).click();
      await page
        .locator(".MuiFormHelperText-root")
        .filter({ hasText: "bankBalance" })
        .first()
        .waitFor({ timeout: 15_000 });
      expect(
        (await db.notificationTemplate.findUniqueOrThrow({ where: { id: template.id } })).bodyAr,
      ).toBe(template.bodyAr);
    });

    await step("save-and-versions", async () => {
      await body.fill("وصل: استلمنا طلبك {{reference}}، وسنرد قبل {{dueDate}}.");
      await page.getByRole("button", { name: "حفظ" }).click();
      const versions = page.getByTestId("template-versions");
      await expect
        .poll(async () => versions.textContent().catch(() => ""), { timeout: 15_000 })
        .toContain(template.bodyAr);
      const saved = await db.notificationTemplate.findUniqueOrThrow({
        where: { id: template.id },
      });
      expect(saved.bodyAr).toBe("وصل: استلمنا طلبك {{reference}}، وسنرد قبل {{dueDate}}.");
      expect(saved.version).toBe(template.version + 1);
    });
  });

  it("registers letters with their scans, searches, filters, exports and prints the register", {
    timeout: 300_000,
  }, async () => {
    const db = app().database.prisma;
    const member = await db.member.findFirstOrThrow({ orderBy: { memberNumber: "asc" } });
    const page = await openPage();
    const incomingSubject = "طلب إفادة عن حالة العضو الاجتماعية";
    const outgoingSubject = "رد الجمعية على طلب الإفادة";

    async function register(direction: "وارد" | "صادر", subject: string, scan: string) {
      await page.goto(`${app().url}/#/letters/create`);
      await choose(page, /النوع/, direction);
      await page.locator('input[name="correspondent"]').fill("وزارة الموارد البشرية");
      await page.locator('input[name="subject"]').fill(subject);
      if (direction === "صادر") {
        await page.locator('textarea[name="body"]').first().fill("نفيدكم بأن العضو مسجل لدينا.");
        const input = page.getByRole("combobox", { name: "العضو" });
        await input.fill(member.fullNameAr);
        await page.getByRole("option", { name: member.fullNameAr }).first().click();
      }
      await page.locator('input[type="file"]').setInputFiles(join(fixtures, scan));
      await page.getByRole("button", { name: "حفظ" }).click();
      await page.waitForURL(/#\/letters(\?.*)?$/);
      const row = page.locator("tr").filter({ hasText: subject });
      await row.waitFor({ timeout: 20_000 });
      return row;
    }

    await step("incoming", async () => {
      await signInThroughPanel(page, app().url, "staff@wasl.demo", "Staff#2026");
      const row = await register("وارد", incomingSubject, "sample.pdf");
      expect(await row.textContent()).toMatch(/و-1448-\d{6}/);
      await row.getByTestId("letter-scan-open").waitFor();
    });

    await step("outgoing", async () => {
      const row = await register("صادر", outgoingSubject, "sample.png");
      expect(await row.textContent()).toMatch(/ص-1448-\d{6}/);
      expect(await row.textContent()).toContain(member.fullNameAr);
      const href = (await row.getByTestId("letter-scan-open").getAttribute("href")) ?? "";
      const scan = await page.context().request.get(`${app().url}${href}`);
      expect(scan.status()).toBe(200);
      expect(scan.headers()["content-type"]).toBe("image/png");
      expect(new Uint8Array(await scan.body())).toEqual(
        new Uint8Array(readFileSync(join(fixtures, "sample.png"))),
      );
      const letter = await db.letter.findFirstOrThrow({ where: { subject: outgoingSubject } });
      expect(letter).toMatchObject({ direction: "OUTGOING", memberId: member.id });
      expect(letter.registerNumber).toMatch(/^ص-1448-\d{6}$/);
      expect(letter.scanContentType).toBe("image/png");
      await page.screenshot({ path: `${screenshotDir}/letters-register-ar.png`, fullPage: true });
    });

    await step("attach-scan-later", async () => {
      // A letter of the register filed without its scan: the scan is attached from its row.
      const bare = await db.letter.findFirstOrThrow({
        where: { scanStorageKey: null },
        orderBy: { createdAt: "desc" },
      });
      const row = page.locator("tr").filter({ hasText: bare.registerNumber });
      await row.getByTestId("letter-scan-attach").waitFor();
      await row.locator('input[type="file"]').setInputFiles(join(fixtures, "sample.jpg"));
      await row.getByTestId("letter-scan-open").waitFor({ timeout: 20_000 });
      const filed = await db.letter.findUniqueOrThrow({ where: { id: bare.id } });
      expect(filed).toMatchObject({ scanContentType: "image/jpeg", version: bare.version + 1 });
    });

    await step("search-and-filter", async () => {
      await page.locator('input[name="q"]').fill("الإفادة");
      await expect.poll(async () => page.locator("tbody tr").count(), { timeout: 15_000 }).toBe(1);
      expect(await page.locator("tbody tr").textContent()).toContain(outgoingSubject);
      await page.locator('input[name="q"]').fill("");
      await choose(page, /النوع/, "وارد");
      await page.locator("tr").filter({ hasText: incomingSubject }).waitFor();
      await expect
        .poll(async () => page.locator("tr").filter({ hasText: outgoingSubject }).count())
        .toBe(0);
    });

    await step("csv-export", async () => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "تصدير" }).click(),
      ]);
      const text = readFileSync((await download.path())!, "utf8");
      expect(text.startsWith("\ufeff")).toBe(true);
      const incoming = await db.letter.findFirstOrThrow({ where: { subject: incomingSubject } });
      expect(text).toContain(incoming.registerNumber);
      expect(text).toContain(incomingSubject);
      expect(text).toContain("وارد");
      expect(text).not.toContain(outgoingSubject);
    });

    await step("print", async () => {
      const row = page.locator("tr").filter({ hasText: incomingSubject });
      const [popup] = await Promise.all([
        page.waitForEvent("popup"),
        row.getByTestId("letter-print").click(),
      ]);
      await popup.waitForLoadState();
      const incoming = await db.letter.findFirstOrThrow({ where: { subject: incomingSubject } });
      const html = await popup.content();
      expect(html).toContain('dir="rtl"');
      expect(html).toContain(incoming.registerNumber);
      expect(html).toContain(incomingSubject);
      expect(html).toContain("هـ");
      await popup.close();
    });
  });
});
