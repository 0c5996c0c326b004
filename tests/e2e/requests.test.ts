// @vitest-environment node
// A request end to end, in Arabic on the panel: staff take a membership registration in
// person (wizard: channel, type, member by Arabic search), see what is missing, upload the
// required document, record the in-person attestation, submit (REQ-… reference) and raise
// it to the committee; the chair records the decision APPROVED with a reason; staff complete
// it; the status chip and the timeline say so in Arabic. Screenshots on failure.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { undecidedStates } from "../../api/modules/requests/lifecycle.js";
import { channelLabels, requestStatusLabels, requestTypeLabels } from "../../contract/labels.js";
import {
  browserSuite,
  choose,
  describeInChromium,
  rowsOf,
  screenSizes,
  screenshotDir,
  settled,
  signInThroughPanel,
} from "./helpers.js";

const samplePdf = join(process.cwd(), "tests/fixtures/sample.pdf");

/** Waits for the list's filter to hold `part` (react-admin writes it to the URL, debounced). */
async function filtered(page: Page, part: string): Promise<void> {
  await page.waitForURL((url) => decodeURIComponent(url.hash).includes(part), {
    timeout: 20_000,
  });
}

/**
 * Sets a list filter as a user does: adds it through «add filter» unless it is shown already,
 * then picks the option.
 */
async function pick(page: Page, label: string, option: string, inUrl: string): Promise<void> {
  const select = page.getByRole("combobox", { name: new RegExp(`^${label}`) });
  if ((await select.count()) === 0) {
    await page.getByTestId("list-filter-button").click();
    await page.getByRole("menu").getByText(label, { exact: true }).click();
  }
  await select.first().click();
  await page.getByRole("option", { name: option, exact: true }).click();
  await filtered(page, inUrl);
}

describeInChromium("requests on the staff panel (Chromium)", () => {
  const { app, openPage: openContext, step } = browserSuite("requests-");

  async function act(page: Page, action: string) {
    await page.getByTestId(`action-${action}`).click();
    await page.getByTestId("action-confirm").click();
  }

  async function expectStatus(page: Page, status: string, label: string) {
    const chip = page.locator(`[data-testid="request-header"] [data-testid="request-status"]`);
    await page
      .locator(
        `[data-testid="request-header"] [data-testid="request-status"][data-status="${status}"]`,
      )
      .waitFor({ timeout: 20_000 });
    expect(((await chip.textContent()) ?? "").trim()).toBe(label);
  }

  it("takes a registration in person through to decision and completion, in Arabic", async () => {
    const applicant = await app().database.prisma.member.findFirst({
      where: { status: "APPLICANT", consentGiven: true, birthDate: { not: null } },
      orderBy: { memberNumber: "asc" },
    });
    expect(applicant).toBeTruthy();
    const name = applicant?.fullNameAr ?? "";
    const staff = await openContext();
    let caseUrl = "";
    let reference = "";

    await step("intake", async () => {
      await signInThroughPanel(staff, app().url, "staff@wasl.demo", "Staff#2026");
      await staff.goto(`${app().url}/#/requests`);
      await staff
        .getByTestId("requests-grid")
        .or(staff.getByTestId("requests-empty"))
        .first()
        .waitFor();
      await staff.goto(`${app().url}/#/requests/create`);
      await staff.getByTestId("request-wizard").waitFor();
      await choose(staff, /القناة/, "حضوري");
      await choose(staff, /النوع/, "تسجيل عضوية");
      const member = staff.getByRole("combobox", { name: /العضو/ });
      await member.fill(name.split(" ").slice(0, 2).join(" "));
      await staff
        .getByRole("option", { name: new RegExp(name) })
        .first()
        .click();
      await staff.locator('input[name="subject"]').fill("طلب تسجيل عضوية جديدة");
      await staff
        .locator('textarea[name="description"]')
        .fill("حضر المتقدم إلى المقر لتسجيل عضويته");
      await staff.getByTestId("wizard-create").click();
      await staff.getByTestId("wizard-completion").waitFor({ timeout: 20_000 });
      // A draft: what is still missing, before anything is attached.
      const gaps = staff.getByTestId("completeness-gap");
      await gaps.first().waitFor();
      const missing = await gaps.allInnerTexts();
      expect(missing.some((g) => g.includes("صورة الهوية") || g.includes("مستند"))).toBe(true);
      expect(missing.some((g) => g.includes("إقرار"))).toBe(true);
    });

    await step("documents-and-attestation", async () => {
      await staff.getByTestId("document-file").setInputFiles(samplePdf);
      await staff.getByTestId("document-upload-button").click();
      await staff.getByTestId("document-row").first().waitFor({ timeout: 20_000 });
      // The preview goes through the authorised download route with the session cookie.
      await staff.getByTestId("document-preview-button").first().click();
      const frame = staff.locator('[data-testid="document-preview"] iframe');
      await frame.waitFor();
      const src = (await frame.getAttribute("src")) ?? "";
      expect(src).toMatch(/^\/documents\//);
      expect(await staff.evaluate(async (url) => (await fetch(url)).status, src)).toBe(200);
      await staff.keyboard.press("Escape");
      // Staff verify the ID copy: an approved request is completed only once it is accepted.
      await staff.getByTestId("document-accept").first().click();
      await staff
        .locator('[data-testid="document-accept"][disabled]')
        .first()
        .waitFor({ timeout: 20_000 });
      await staff.getByTestId("attestation-record").click();
      await staff.getByTestId("attestation-confirm").click();
      await staff
        .locator('[data-testid="attestation-status"][data-status="SIGNED"]')
        .waitFor({ timeout: 20_000 });
      await staff
        .locator('[data-testid="completeness"][data-gaps="0"]')
        .waitFor({ timeout: 20_000 });
    });

    await step("submit", async () => {
      await staff.getByTestId("wizard-submit").click();
      await staff.getByTestId("wizard-submitted").waitFor({ timeout: 20_000 });
      reference = ((await staff.getByTestId("wizard-reference").textContent()) ?? "").trim();
      expect(reference).toMatch(/^REQ-\d{4}-\d{6}$/);
      await staff.getByRole("link", { name: "فتح ملف الطلب" }).click();
      await staff.waitForURL(/\/requests\/[^/]+\/show/);
      caseUrl = staff.url();
      await expectStatus(staff, "SUBMITTED", "مقدَّم");
      expect((await staff.getByTestId("request-reference").textContent())?.trim()).toBe(reference);
      await staff.locator('[data-testid="due-countdown"][data-tone="normal"]').first().waitFor();
    });

    await step("raise-to-committee", async () => {
      await act(staff, "RAISE_TO_COMMITTEE");
      await expectStatus(staff, "IN_COMMITTEE", "لدى اللجنة");
      // Staff may not decide: the action is not offered.
      expect(await staff.getByTestId("action-RECORD_DECISION").count()).toBe(0);
    });

    const chair = await openContext();
    await step("chair-decides", async () => {
      await signInThroughPanel(chair, app().url, "chair@wasl.demo", "Chair#2026");
      await chair.goto(caseUrl);
      await expectStatus(chair, "IN_COMMITTEE", "لدى اللجنة");
      await chair.getByTestId("action-RECORD_DECISION").waitFor();
      await chair.screenshot({ path: `${screenshotDir}/request-case-file-chair-ar.png` });
      await chair.getByTestId("action-RECORD_DECISION").click();
      await choose(chair, /القرار/, "موافقة");
      await chair.locator('textarea[name="reason"]').fill("استوفى المتقدم شروط العضوية");
      // Recorded alone, the decision is that of a meeting held outside Wasl: its date and counts.
      await chair.locator('input[name="meetingDate"]').fill("2026-01-15");
      await chair.locator('input[name="votesFor"]').fill("3");
      await chair.locator('input[name="votesAgainst"]').fill("1");
      await chair.locator('input[name="abstentions"]').fill("0");
      await chair.getByTestId("action-confirm").click();
      await expectStatus(chair, "APPROVED", "معتمد");
    });

    await step("staff-completes", async () => {
      // Staff's open case file follows the decision live (requestChanged), without a reload.
      await expectStatus(staff, "APPROVED", "معتمد");
      await act(staff, "COMPLETE");
      await expectStatus(staff, "COMPLETED", "مكتمل");
      await staff.getByTestId("request-decision").waitFor();
      expect((await staff.getByTestId("request-decision").textContent())?.trim()).toBe("موافقة");
      await staff.getByRole("tab", { name: "السجل الزمني" }).click();
      const timeline = staff.getByTestId("request-timeline");
      await timeline.waitFor();
      const text = (await timeline.textContent()) ?? "";
      for (const event of ["تسجيل القرار", "توقيع الإقرار", "رفع مستند", "تغيير حالة طلب"])
        expect(text).toContain(event);
      expect(text).toContain("استوفى المتقدم شروط العضوية");
      expect(await staff.evaluate(() => document.documentElement.dir)).toBe("rtl");
      await staff.getByRole("tab", { name: "البيانات" }).click();
      await staff.waitForTimeout(500); // the tab indicator's transition
      await staff.screenshot({ path: `${screenshotDir}/request-case-file-ar.png`, fullPage: true });
    });

    await step("list-and-filters", async () => {
      await staff.goto(`${app().url}/#/requests`);
      await staff.getByTestId("requests-grid").waitFor();
      await staff.locator('input[name="q"]').fill(reference.slice(4));
      await staff.waitForURL(/filter=.*q/, { timeout: 20_000 });
      await staff.getByRole("cell", { name: reference }).waitFor({ timeout: 20_000 });
      await staff.waitForFunction(
        () => document.querySelectorAll("tbody tr").length === 1,
        undefined,
        {
          timeout: 20_000,
        },
      );
      await staff.screenshot({ path: `${screenshotDir}/requests-list-ar.png` });
    });
  });
  it("lists every gap when an incomplete draft is submitted, in Arabic", async () => {
    const staff = await openContext();
    await step("incomplete-submit", async () => {
      await signInThroughPanel(staff, app().url, "staff@wasl.demo", "Staff#2026");
      await staff.goto(`${app().url}/#/requests/create`);
      await staff.getByTestId("request-wizard").waitFor();
      await choose(staff, /القناة/, "خطاب");
      await choose(staff, /النوع/, "دعم مالي");
      // A letter needs its incoming number: the form says so before anything is sent.
      await staff.locator('input[name="subject"]').fill("طلب دعم مالي");
      await staff.getByTestId("wizard-create").click();
      await staff.getByText("رقم الخطاب الوارد مطلوب").first().waitFor();
      await staff.locator('input[name="incomingLetterNumber"]').fill("1447/123");
      const member = staff.getByRole("combobox", { name: /العضو/ });
      await member.fill("احمد القحطاني"); // no hamza: the stored name is «أحمد»
      await staff
        .getByRole("option", { name: /أحمد محمد عبدالله القحطاني/ })
        .first()
        .click();
      await staff.getByTestId("wizard-create").click();
      await staff.getByTestId("wizard-completion").waitFor({ timeout: 20_000 });
      const gaps = staff.getByTestId("completeness-gap");
      await gaps.first().waitFor();
      expect(await gaps.count()).toBeGreaterThanOrEqual(5); // amount, 4 documents, attestation…
      await staff.getByTestId("wizard-submit").click();
      const error = staff.locator('[data-testid="request-error"][data-code="INCOMPLETE_REQUEST"]');
      await error.waitFor({ timeout: 20_000 });
      const listed = await error.getByTestId("request-gap").allInnerTexts();
      for (const name of ["amountRequested", "FAMILY_CARD", "INCOME_PROOF", "attestation"])
        expect(listed.some((g) => g.includes(`(${name})`))).toBe(true);
      expect((await error.textContent())?.trim()).toContain("الطلب غير مكتمل");
    });
  });

  it("gives the researcher a «my cases» screen with only their cases", async () => {
    // The demo data are walked up to the current hour: make sure one open case awaits a report.
    const db = app().database.prisma;
    const researcher = await db.user.findUniqueOrThrow({
      where: { email: "researcher@wasl.demo" },
    });
    const awaiting = await db.request.count({
      where: {
        status: "WITH_RESEARCHER",
        researcherId: researcher.id,
        reports: { none: { submittedAt: { not: null } } },
      },
    });
    if (!awaiting) {
      const member = await db.member.findFirstOrThrow({ where: { status: "ACTIVE" } });
      await db.request.create({
        data: {
          memberId: member.id,
          typeCode: "FINANCIAL_SUPPORT",
          channel: "IN_PERSON",
          status: "WITH_RESEARCHER",
          subject: "طلب دعم لسداد فاتورة الكهرباء",
          reference: "REQ-2026-990001",
          researcherId: researcher.id,
          submittedAt: new Date(),
          decisionDueAt: new Date(Date.now() + 14 * 86_400_000),
        },
      });
    }
    const page = await openContext();
    await step("my-cases", async () => {
      await signInThroughPanel(page, app().url, "researcher@wasl.demo", "Research#2026");
      await page.getByTestId("menu-my-cases").click();
      await page.waitForURL(/#\/my-cases/);
      await page
        .getByTestId("requests-grid")
        .or(page.getByTestId("requests-empty"))
        .first()
        .waitFor({
          timeout: 20_000,
        });
      const rows = page.locator('[data-testid="requests-grid"] tbody tr');
      const count = await rows.count();
      const total = await app().database.prisma.request.count({
        where: { status: "WITH_RESEARCHER", researcher: { email: "researcher@wasl.demo" } },
      });
      expect(count).toBe(Math.min(total, 25));
      await page.screenshot({ path: `${screenshotDir}/my-cases-ar.png` });
    });
    await step("research-report", async () => {
      // One of their open cases without a submitted report: write it and submit it.
      const open = await app().database.prisma.request.findFirst({
        where: {
          status: "WITH_RESEARCHER",
          researcher: { email: "researcher@wasl.demo" },
          reports: { none: { submittedAt: { not: null } } },
        },
        select: { reference: true },
      });
      expect(open?.reference).toBeTruthy();
      await page.getByRole("cell", { name: open?.reference ?? "" }).click();
      await page.waitForURL(/\/requests\/[^/]+\/show/);
      await page.getByRole("tab", { name: "تقرير البحث" }).click();
      await page.getByTestId("research-form").waitFor();
      await page.locator('textarea[name="findings"]').fill("زرت الأسرة في منزلها وتحققت من ظروفها");
      await page.getByTestId("research-submit").click();
      await page.getByText("قُدّم التقرير وأصبح نهائياً").waitFor({ timeout: 20_000 });
      await page.getByText("زرت الأسرة في منزلها وتحققت من ظروفها").first().waitFor();
      await page.getByTestId("research-form").waitFor({ state: "detached", timeout: 20_000 });
      // Every row is one of theirs: the filter names them, and the API allows no other.
      expect(page.url()).not.toContain("researcher=");
    });
  });

  it.each(screenSizes)(
    "filters the requests list one filter at a time and exports exactly its rows at $name size (item 5)",
    async (size) => {
      const db = app().database.prisma;
      const staffUser = await db.user.findUniqueOrThrow({ where: { email: "staff@wasl.demo" } });
      const now = new Date();
      const all = await db.request.findMany({
        select: {
          reference: true,
          status: true,
          typeCode: true,
          channel: true,
          assigneeId: true,
          decisionDueAt: true,
          clockPausedAt: true,
        },
      });
      type Row = (typeof all)[number];
      const undecided = (r: Row) => undecidedStates.includes(r.status) && !!r.decisionDueAt;
      // The rarest value of a column that some request holds: a short list, shown whole.
      const rarest = <K extends "status" | "typeCode" | "channel">(key: K): Row[K] => {
        const counts = new Map<Row[K], number>();
        for (const r of all) counts.set(r[key], (counts.get(r[key]) ?? 0) + 1);
        return [...counts].sort((a, b) => a[1] - b[1])[0]![0];
      };
      const status = rarest("status");
      const type = rarest("typeCode");
      const channel = rarest("channel");
      const label = (group: Record<string, string>, value: string) => group[value]!;
      // Each filter as the panel offers it, and the requests the domain's rules say it keeps.
      const filters: {
        name: string;
        apply: (page: Page) => Promise<void>;
        keeps: (r: Row) => boolean;
      }[] = [
        {
          name: "type",
          apply: (page) =>
            pick(page, "النوع", label(requestTypeLabels.ar, type), `"type":"${type}"`),
          keeps: (r) => r.typeCode === type,
        },
        {
          name: "status",
          apply: (page) =>
            pick(page, "الحالة", label(requestStatusLabels.ar, status), `"status":"${status}"`),
          keeps: (r) => r.status === status,
        },
        {
          name: "assignee",
          apply: (page) => pick(page, "الموظف المسؤول", "المسندة إليّ", '"assignee":'),
          keeps: (r) => r.assigneeId === staffUser.id,
        },
        {
          name: "channel",
          apply: (page) =>
            pick(page, "القناة", label(channelLabels.ar, channel), `"channel":"${channel}"`),
          keeps: (r) => r.channel === channel,
        },
        {
          name: "due-soon",
          apply: async (page) => {
            await page.getByTestId("request-saved-filters").getByText("مستحقة هذا الأسبوع").click();
            await filtered(page, '"dueWithinDays":7');
          },
          keeps: (r) =>
            undecided(r) &&
            !r.clockPausedAt &&
            r.decisionDueAt!.getTime() >= now.getTime() &&
            r.decisionDueAt!.getTime() <= now.getTime() + 7 * 86_400_000,
        },
        {
          name: "overdue",
          apply: (page) => pick(page, "متأخر", "نعم", '"overdue":true'),
          // Past the deadline; a paused clock stopped counting at the pause.
          keeps: (r) =>
            undecided(r) && r.decisionDueAt!.getTime() < (r.clockPausedAt ?? now).getTime(),
        },
      ];
      const page = await openContext(size);
      await signInThroughPanel(page, app().url, "staff@wasl.demo", "Staff#2026");
      for (const filter of filters) {
        const expected = all.filter(filter.keeps).map((r) => r.reference ?? "");
        await step(`${size.name}-filter-${filter.name}`, async () => {
          expect(expected.length, `${filter.name}: the demo has such requests`).toBeGreaterThan(0);
          await page.goto(`${app().url}/#/requests?filter=${encodeURIComponent("{}")}`);
          const grid = page.getByTestId("requests-grid");
          await rowsOf(grid).first().waitFor({ timeout: 20_000 });
          await filter.apply(page);
          // The list shows the filtered rows: all of them, or its first page of them.
          const shown = async () =>
            [...((await grid.textContent()) ?? "").matchAll(/REQ-\d{4}-\d+/g)].map((m) => m[0]);
          await expect
            .poll(
              async () =>
                (await rowsOf(grid).count()) === Math.min(25, expected.length) &&
                (await shown()).every((reference) => expected.includes(reference)),
              { timeout: 20_000 },
            )
            .toBe(true);
          await settled(page);
          const references = await shown();
          expect(references.length, filter.name).toBeGreaterThan(0);
          for (const reference of references) expect(expected, filter.name).toContain(reference);
          if (expected.length <= 25)
            expect(new Set(references)).toEqual(new Set(expected.filter(Boolean)));
        });
        await step(`${size.name}-export-${filter.name}`, async () => {
          const [download] = await Promise.all([
            page.waitForEvent("download"),
            page.getByTestId("export-requests").click(),
          ]);
          const bytes = await readFile(await download.path());
          expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
          const [header = "", ...lines] = new TextDecoder().decode(bytes).trim().split("\r\n");
          // The headers are the panel's own words: the filters' labels shown on the list.
          const columns = header.split(",");
          for (const name of ["الرقم المرجعي", "الحالة", "النوع", "القناة", "العضو", "موعد القرار"])
            expect(columns).toContain(name);
          for (const shownLabel of await page
            .locator("form label")
            .evaluateAll((labels) => labels.map((l) => l.textContent?.replace("*", "").trim())))
            if (shownLabel && shownLabel !== "متأخر") expect(columns).toContain(shownLabel);
          // Exactly the filtered rows: every one, and no other.
          expect(lines.map((l) => l.split(",")[0]).sort()).toEqual([...expected].sort());
        });
      }
      await step(`${size.name}-headers-as-the-table`, async () => {
        // Where the list is a table, each exported column is headed as the table's column.
        const headers = await page
          .locator('[data-testid="requests-grid"] thead th')
          .allTextContents();
        if (size.name !== "desktop") return;
        expect(headers.length).toBeGreaterThan(0);
        const notExported = ["المهلة المتبقية", "تاريخ الإنشاء", ""];
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByTestId("export-requests").click(),
        ]);
        const header = new TextDecoder()
          .decode(await readFile(await download.path()))
          .replace(/^\uFEFF/, "")
          .split("\r\n")[0]!
          .split(",");
        for (const h of headers.map((h) => h.trim()).filter((h) => !notExported.includes(h)))
          expect(header).toContain(h);
      });
      await page.context().close();
    },
    240_000,
  );
});
