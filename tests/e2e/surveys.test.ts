// @vitest-environment node
// Surveys end to end, in Arabic (Chromium), on the demo data: staff resolve an inquiry and
// the member is sent a link to the demo CSAT survey; an admin sets the survey's minimum group
// size so that the inquiry's channel is one answer short of being shown; the member answers
// on a phone, is thanked, and finds the link used when opening it again; the admin's figures
// then count the answer and show the channel's group. An admin's survey editor previews the
// questions as the member will see them, and the survey it saves is the one previewed.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { linkTokenHash } from "../../api/shared/link-tokens.js";
import { gid, rawId } from "../helpers/ids.js";
import {
  browserSuite,
  describeInChromium,
  screenshotDir,
  signInThroughPanel,
  takeInAsStaff,
} from "./helpers.js";

describeInChromium("surveys: the member's answer page and the panel (Chromium)", () => {
  const { app, openPage, step } = browserSuite("surveys-");

  /** An inquiry on the channel given, taken in and resolved by staff: the service is done. */
  async function resolveInquiry(channel: string, memberNumber = "M-000001"): Promise<string> {
    const db = app().database.prisma;
    const member = await db.member.findUniqueOrThrow({ where: { memberNumber } });
    let request = await takeInAsStaff<{ id: string; version: number }>(
      app(),
      {
        member: gid("Member", member.id),
        type: "INQUIRY",
        channel,
        subject: "استفسار عن موعد صرف الدعم",
        description: "متى يصرف الدعم؟",
      },
      "id version",
    );
    const token = await app().signIn("staff@wasl.demo", "Staff#2026");
    const started = await app().gql(
      `mutation($input: StartWorkInput!) { startWork(input: $input) {
        __typename ... on StartWorkSuccess { request { id version } } } }`,
      { input: { id: request.id, version: request.version } },
      { token },
    );
    request = started.data?.startWork.request as { id: string; version: number };
    const resolved = await app().gql(
      `mutation($input: ResolveRequestInput!) { resolveRequest(input: $input) { __typename } }`,
      { input: { id: request.id, version: request.version, answer: "يصرف خلال أسبوعين" } },
      { token },
    );
    expect(resolved.data?.resolveRequest.__typename, JSON.stringify(resolved)).toBe(
      "ResolveRequestSuccess",
    );
    return request.id;
  }

  /**
   * The link's token for the survey, read from the messages the member was sent (as the API
   * test does): the one whose hash is the invitation's.
   */
  async function tokenSentFor(requestGid: string, surveyId: string): Promise<string> {
    const db = app().database.prisma;
    const requestId = rawId(requestGid);
    const messages = await db.notification.findMany({
      where: { requestId, event: "SURVEY_INVITATION" },
    });
    const invitation = await db.surveyInvitation.findFirstOrThrow({
      where: { requestId, surveyId },
    });
    const token = messages
      .map((m) => /\/survey#([A-Za-z0-9_-]{43})/.exec(m.body)?.[1])
      .find((candidate) => candidate && linkTokenHash(candidate) === invitation.tokenHash);
    expect(token, JSON.stringify(messages.map((m) => m.body))).toBeTruthy();
    return token!;
  }

  const figure = async (page: Page, testId: string) =>
    Number(await page.getByTestId(`${testId}-value`).getAttribute("data-value"));

  const channelRow = (page: Page, channel: string) =>
    page.locator(`[data-testid="survey-group"][data-key="${channel}"]`);

  it("a member answers on a phone and the admin's figures count it", async () => {
    const db = app().database.prisma;
    const survey = await db.survey.findFirstOrThrow({ where: { kind: "CSAT" } });
    const surveyGid = gid("Survey", survey.id);
    const before = await db.surveyResponse.count({ where: { surveyId: survey.id } });
    expect(before).toBeGreaterThan(10);
    // The channel with the most answers: one more makes its group reach the new minimum.
    const byChannel = await db.surveyResponse.groupBy({
      by: ["channel"],
      where: { surveyId: survey.id, channel: { not: null } },
      _count: { _all: true },
      orderBy: { _count: { channel: "desc" } },
    });
    const channel = byChannel[0]!.channel!;
    const inChannel = byChannel[0]!._count._all;
    const minimum = inChannel + 1;
    expect(minimum).toBeGreaterThanOrEqual(3);
    const admin = await openPage();

    await step("admin-sees-the-demo-figures", async () => {
      await signInThroughPanel(admin, app().url, "admin@wasl.demo", "Admin#2026");
      await admin.locator('a[href="#/surveys"]').first().click();
      await admin.getByTestId("surveys-grid").waitFor({ timeout: 20_000 });
      await admin.getByRole("cell", { name: "استبيان رضا الأعضاء عن الخدمة" }).click();
      await admin.getByTestId("survey-overall").waitFor({ timeout: 20_000 });
      expect(await figure(admin, "survey-responses")).toBe(before);
      expect(await admin.getByTestId("survey-csat-value").textContent()).toContain("٪");
      // The month trend: a chart with both axes labelled.
      const trend = admin.getByTestId("survey-trend");
      await trend.waitFor({ timeout: 20_000 });
      const drawn = (await trend.textContent()) ?? "";
      expect(drawn).toContain("الشهر");
      expect(drawn).toContain("الرضا %");
      await admin.screenshot({
        path: `${screenshotDir}/survey-figures-demo-ar.png`,
        fullPage: true,
      });
    });

    await step("admin-sets-minimum", async () => {
      await admin.goto(`${app().url}/#/surveys/${encodeURIComponent(surveyGid)}`);
      await admin.getByTestId("survey-inputs").waitFor({ timeout: 20_000 });
      // The survey has answers: its questions are locked, the settings are not.
      await admin.getByTestId("survey-locked").waitFor();
      await admin.locator('input[name="minimumGroupSize"]').fill(String(minimum));
      await admin.getByRole("button", { name: "حفظ" }).click();
      await admin.getByTestId("surveys-grid").waitFor({ timeout: 20_000 });
      await expect
        .poll(
          async () =>
            (await db.survey.findUniqueOrThrow({ where: { id: survey.id } })).minimumGroupSize,
        )
        .toBe(minimum);
    });

    await step("admin-sees-figures-before", async () => {
      await admin.goto(`${app().url}/#/surveys/${encodeURIComponent(surveyGid)}/show`);
      await admin.getByTestId("survey-overall").waitFor({ timeout: 20_000 });
      expect(await figure(admin, "survey-responses")).toBe(before);
      await admin.locator('[data-testid="survey-dimension"] [data-value="CHANNEL"]').click();
      const row = channelRow(admin, channel);
      await row.getByTestId("survey-suppressed").waitFor({ timeout: 20_000 });
      expect(await row.textContent()).toContain(`محجوبة: أقل من ${minimum} إجابات`);
      // Admins may break the figures down by staff member.
      expect(
        await admin.locator('[data-testid="survey-dimension"] [data-value="STAFF"]').count(),
      ).toBe(1);
      // Every month is under the new minimum: named as hidden, not charted as zero.
      await admin.getByTestId("survey-trend-hidden").waitFor();
      expect(await admin.getByTestId("survey-trend").count()).toBe(0);
    });

    const requestGid = await resolveInquiry(channel);
    const token = await tokenSentFor(requestGid, survey.id);
    const phone = await openPage({ width: 390, height: 844, touch: true });

    await step("member-answers-on-a-phone", async () => {
      await phone.goto(`${app().url}/survey#${token}`);
      await phone.locator("#question-1").waitFor({ timeout: 20_000 });
      expect(await phone.evaluate(() => document.documentElement.dir)).toBe("rtl");
      expect(await phone.locator("#title").textContent()).toBe("استبيان رضا الأعضاء عن الخدمة");
      expect(await phone.locator("#privacy").textContent()).toContain("إجاباتك سرّية");
      // Each end's word sits under its end of the scale: "not at all satisfied" under 1.
      const box = async (selector: string) => (await phone.locator(selector).boundingBox())!;
      const one = await box('#question-1 input[value="1"] + span');
      const five = await box('#question-1 input[value="5"] + span');
      const low = await box("#question-1 .ends span >> nth=0");
      const high = await box("#question-1 .ends span >> nth=1");
      expect(await phone.locator("#question-1 .ends span").first().textContent()).toBe(
        "غير راضٍ إطلاقاً",
      );
      expect(Math.abs(low.x - one.x)).toBeLessThan(Math.abs(low.x - five.x));
      expect(Math.abs(high.x + high.width - (five.x + five.width))).toBeLessThan(
        Math.abs(high.x + high.width - (one.x + one.width)),
      );
      await phone.locator('#question-1 input[value="5"] + span').tap();
      await phone.locator('#question-2 input[value="4"] + span').tap();
      await phone.locator('#question-3 input[value="10"] + span').tap();
      await phone.locator("#question-4 textarea").fill("شكراً على سرعة الرد");
      await phone.screenshot({
        path: `${screenshotDir}/survey-answer-phone-ar.png`,
        fullPage: true,
      });
      await phone.getByRole("button", { name: "إرسال الإجابات" }).tap();
      await phone.getByText("شكراً لك! سُجّلت إجاباتك").waitFor({ timeout: 20_000 });
      // Nothing wider than the phone's screen.
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
    });

    await step("link-already-used", async () => {
      await phone.reload();
      await phone.getByText("سبق استخدام هذا الرابط").waitFor({ timeout: 20_000 });
      expect(await phone.locator("#form").isHidden()).toBe(true);
      expect(await db.surveyResponse.count({ where: { surveyId: survey.id } })).toBe(before + 1);
    });

    await step("admin-sees-figures-after", async () => {
      await admin.reload();
      await admin.getByTestId("survey-overall").waitFor({ timeout: 20_000 });
      await expect.poll(() => figure(admin, "survey-responses")).toBe(before + 1);
      await admin.locator('[data-testid="survey-dimension"] [data-value="CHANNEL"]').click();
      const cell = channelRow(admin, channel).getByTestId("survey-group-responses");
      await cell.waitFor({ timeout: 20_000 });
      expect(await cell.getAttribute("data-value")).toBe(String(minimum));
      expect(await channelRow(admin, channel).getByTestId("survey-suppressed").count()).toBe(0);
      await admin.screenshot({ path: `${screenshotDir}/survey-figures-ar.png`, fullPage: true });
      // The CSV of the breakdown shown, in Arabic, with the channel's row now visible.
      const [download] = await Promise.all([
        admin.waitForEvent("download"),
        admin.getByTestId("survey-export").click(),
      ]);
      expect(download.suggestedFilename()).toBe("survey-channel.csv");
      const csv = readFileSync((await download.path())!, "utf8");
      expect(csv).toContain("المجموعة");
      expect(csv.split("\r\n").find((line) => line.startsWith(`${channel},`))).toMatch(
        new RegExp(`^${channel},false,${minimum},`),
      );
      // The list counts the answer too.
      await admin.goto(`${app().url}/#/surveys`);
      const count = admin.locator(
        `[data-testid="survey-response-count"][data-survey="${surveyGid}"]`,
      );
      await expect.poll(() => count.textContent(), { timeout: 20_000 }).toMatch(/\S/);
      expect(
        await admin.evaluate(
          (text) => Number(text?.replace(/[٠-٩]/g, (d) => String("٠١٢٣٤٥٦٧٨٩".indexOf(d)))),
          await count.textContent(),
        ),
      ).toBe(before + 1);
    });

    await step("staff-have-no-staff-breakdown", async () => {
      const staff = await openPage();
      await signInThroughPanel(staff, app().url, "staff@wasl.demo", "Staff#2026");
      await staff.goto(`${app().url}/#/surveys/${encodeURIComponent(surveyGid)}/show`);
      await staff.getByTestId("survey-overall").waitFor({ timeout: 20_000 });
      const dimensions = staff.locator('[data-testid="survey-dimension"] [data-value]');
      expect(
        await dimensions.evaluateAll((els) => els.map((e) => e.getAttribute("data-value"))),
      ).toEqual(["REQUEST_TYPE", "CHANNEL", "MONTH"]);
      expect(await staff.getByTestId("survey-send-round").count()).toBe(0);
    });
  });

  it("previews the questions in the survey editor as the member will see them", async () => {
    const admin = await openPage();
    const preview = admin.getByTestId("survey-preview");

    await step("admin-opens-editor", async () => {
      await signInThroughPanel(admin, app().url, "admin@wasl.demo", "Admin#2026");
      await admin.goto(`${app().url}/#/surveys/create`);
      await admin.getByTestId("survey-inputs").waitFor({ timeout: 20_000 });
    });

    await step("preview-follows-the-form", async () => {
      await admin.locator('input[name="titleAr"]').fill("استبيان الزيارة الميدانية");
      await admin.locator('input[name="titleEn"]').fill("Field visit survey");
      await admin.locator('input[name="questions.0.textAr"]').fill("ما مدى رضاك عن الزيارة؟");
      await admin
        .locator('input[name="questions.0.textEn"]')
        .fill("How satisfied are you with the visit?");
      await admin.locator("button.button-add-questions").click();
      await admin
        .getByRole("combobox", { name: /نوع السؤال/ })
        .nth(1)
        .click();
      await admin.getByRole("option", { name: "اختيار واحد", exact: true }).click();
      await admin.locator('input[name="questions.1.textAr"]').fill("كيف عرفت بالجمعية؟");
      await admin.locator('input[name="questions.1.textEn"]').fill("How did you hear of us?");
      for (const [i, ar, en] of [
        [0, "من صديق", "From a friend"],
        [1, "من الموقع", "From the website"],
      ] as const) {
        await admin.locator('button[class*="button-add-"][class*="choices"]').first().click();
        await admin.locator(`input[name="questions.1.choices.${i}.labelAr"]`).fill(ar);
        await admin.locator(`input[name="questions.1.choices.${i}.labelEn"]`).fill(en);
      }
      expect(await preview.getAttribute("dir")).toBe("rtl");
      const text = (await preview.textContent()) ?? "";
      expect(text).toContain("استبيان الزيارة الميدانية");
      expect(text).toContain("ما مدى رضاك عن الزيارة؟");
      expect(text).toContain("كيف عرفت بالجمعية؟");
      expect(text).toContain("من صديق");
      expect(text).toContain("من الموقع");
      expect(text).toContain("إجاباتك سرّية");
      expect(await preview.locator("fieldset").count()).toBe(2);
      // A 1–5 rating scale for the first question, radio buttons for the choices.
      expect(await preview.locator("fieldset").first().textContent()).toContain("غير راضٍ إطلاقاً");
      expect(await preview.locator('fieldset input[type="radio"]').count()).toBe(2);
      // As on the answer page: "not at all satisfied" under 1, on the left of the scale.
      const ends = preview.getByTestId("preview-scale-ends").locator("span");
      expect(await ends.first().textContent()).toBe("غير راضٍ إطلاقاً");
      expect((await ends.first().boundingBox())!.x).toBeLessThan(
        (await ends.last().boundingBox())!.x,
      );
      await admin.screenshot({
        path: `${screenshotDir}/survey-editor-preview-ar.png`,
        fullPage: true,
      });
      await admin.getByRole("button", { name: "English", exact: true }).click();
      expect(await preview.getAttribute("dir")).toBe("ltr");
      expect(await preview.textContent()).toContain("How did you hear of us?");
    });

    await step("saves-what-was-previewed", async () => {
      await admin.getByRole("button", { name: "حفظ" }).click();
      await admin.getByTestId("surveys-grid").waitFor({ timeout: 20_000 });
      const saved = await app().database.prisma.survey.findFirstOrThrow({
        where: { titleAr: "استبيان الزيارة الميدانية" },
        include: { questions: { orderBy: { position: "asc" } } },
      });
      expect(saved.questions.map((q) => [q.position, q.type, q.textAr])).toEqual([
        [1, "RATING", "ما مدى رضاك عن الزيارة؟"],
        [2, "SINGLE_CHOICE", "كيف عرفت بالجمعية؟"],
      ]);
      expect(saved.questions[1]!.choices).toEqual([
        { value: "1", labelAr: "من صديق", labelEn: "From a friend" },
        { value: "2", labelAr: "من الموقع", labelEn: "From the website" },
      ]);
    });
  });

  it("lets staff close a low named rating's follow-up, and an admin send a round", async () => {
    const db = app().database.prisma;
    const adminToken = await app().signIn("admin@wasl.demo", "Admin#2026");
    const created = await app().gql(
      `mutation($input: CreateSurveyInput!) { createSurvey(input: $input) {
        __typename ... on CreateSurveySuccess { survey { id } } } }`,
      {
        input: {
          titleAr: "متابعة الاستفسارات",
          titleEn: "Inquiry follow-up",
          kind: "CSAT",
          anonymous: false,
          requestTypes: ["INQUIRY"],
          questions: [
            { type: "RATING", textAr: "رضاك عن الرد", textEn: "Your satisfaction", required: true },
            { type: "FREE_TEXT", textAr: "ملاحظاتك", textEn: "Comments", required: false },
          ],
        },
      },
      { token: adminToken },
    );
    const surveyGid = created.data?.createSurvey.survey.id as string;
    expect(surveyGid, JSON.stringify(created)).toBeTruthy();
    const member = await db.member.findFirstOrThrow({
      where: { status: "ACTIVE", memberNumber: { not: "M-000001" } },
      orderBy: { memberNumber: "asc" },
    });
    const requestGid = await resolveInquiry("PHONE", member.memberNumber);
    const token = await tokenSentFor(requestGid, rawId(surveyGid));
    const answered = await app().gql(
      `mutation($input: AnswerSurveyInput!) { answerSurvey(input: $input) { __typename } }`,
      {
        input: {
          token,
          answers: [
            { position: 1, rating: 1 },
            { position: 2, text: "لم أفهم الرد" },
          ],
        },
      },
    );
    expect(answered.data?.answerSurvey.__typename).toBe("AnswerSurveySuccess");
    const request = await db.request.findUniqueOrThrow({ where: { id: rawId(requestGid) } });
    const staff = await openPage();
    const row = () =>
      staff.locator('[data-testid="follow-ups-grid"] tbody tr', { hasText: member.fullNameAr });

    await step("staff-open-follow-ups", async () => {
      await signInThroughPanel(staff, app().url, "staff@wasl.demo", "Staff#2026");
      await staff.locator('a[href="#/surveyFollowUps"]').first().click();
      await row().waitFor({ timeout: 20_000 });
      const text = (await row().textContent()) ?? "";
      expect(text).toContain(request.reference!);
      expect(text).toContain("مفتوحة");
      expect(
        await row()
          .locator(`a[href*="${encodeURIComponent(requestGid)}"]`)
          .count(),
      ).toBe(1);
      expect(await row().locator(".MuiChip-root", { hasText: /^1$/ }).count()).toBe(1);
    });

    await step("staff-close-with-a-note", async () => {
      await row().getByTestId("follow-up-close").click();
      await staff.getByTestId("follow-up-note").fill("اتصلنا بالعضو وأوضحنا موعد الصرف");
      await staff.getByRole("dialog").getByRole("button", { name: "إغلاق المتابعة" }).click();
      await staff.getByText("أُغلقت المتابعة").waitFor({ timeout: 20_000 });
      await expect.poll(() => row().count(), { timeout: 20_000 }).toBe(0);
      const response = await db.surveyResponse.findFirstOrThrow({
        where: { surveyId: rawId(surveyGid) },
      });
      expect(response).toMatchObject({
        followUp: "CLOSED",
        followUpNote: "اتصلنا بالعضو وأوضحنا موعد الصرف",
        memberId: member.id,
      });
    });

    const admin = await openPage();
    await step("admin-sends-a-round", async () => {
      await signInThroughPanel(admin, app().url, "admin@wasl.demo", "Admin#2026");
      await admin.goto(`${app().url}/#/surveys/${encodeURIComponent(surveyGid)}/show`);
      await admin.getByTestId("survey-figures").waitFor({ timeout: 20_000 });
      // One answer, under the default minimum of 5: hidden, not shown as figures.
      await admin.getByTestId("survey-overall-suppressed").waitFor({ timeout: 20_000 });
      expect(await admin.getByTestId("survey-overall-suppressed").textContent()).toBe(
        "محجوبة: أقل من 5 إجابات",
      );
      // A named survey's comment links to its request's case file.
      const comment = admin
        .getByTestId("survey-comments")
        .locator("li", { hasText: "لم أفهم الرد" });
      await comment.waitFor({ timeout: 20_000 });
      expect(await comment.getByRole("link", { name: "ملف الطلب" }).getAttribute("href")).toBe(
        `#/requests/${encodeURIComponent(requestGid)}/show`,
      );
      await admin.getByTestId("survey-send-round").click();
      const dialog = admin.getByRole("dialog");
      await dialog.getByLabel("نشط", { exact: true }).check();
      await dialog.getByLabel("هاتف", { exact: true }).check();
      await dialog.getByRole("button", { name: "إرسال", exact: true }).click();
      const invited = admin.getByTestId("survey-round-invited");
      await invited.waitFor({ timeout: 20_000 });
      const round = await db.surveyInvitation.findMany({
        where: { surveyId: rawId(surveyGid), requestId: null },
        include: { member: true },
      });
      const expected = round.length;
      expect(expected).toBeGreaterThan(0);
      for (const invitation of round)
        expect(invitation.member).toMatchObject({ status: "ACTIVE", preferredChannel: "PHONE" });
      const digits = (await invited.textContent())!.replace(/[٠-٩]/g, (d) =>
        String("٠١٢٣٤٥٦٧٨٩".indexOf(d)),
      );
      expect(digits).toContain(String(expected));
    });
  });
});
