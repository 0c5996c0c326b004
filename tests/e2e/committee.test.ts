// @vitest-environment node
// The committee room end to end, in Arabic on the panel. Staff take the request with the
// committee off the demo session's agenda, schedule a session of their own in the form and
// put the request on its agenda with the picker. Then the chair and two members, each in a
// browser of their own on a 1024×768 tablet screen, open the room: the chair opens the
// session with attendance and the vote; each member's vote shows on all three screens
// without a reload (tally and who voted, open ballot); the chair closes the vote, finalises
// with a reason and closes the session. The case file then shows APPROVED and the session in
// its committee history, with the minutes. No screen scrolls sideways. Screenshots on failure.
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
} from "./helpers.js";

type NetworkWindow = { __sockets: WebSocket[]; __offline: boolean };

/**
 * Runs in the page before the panel: records its WebSockets, and while "offline" sends new
 * ones to a closed port, so that a dropped network can be simulated (Chromium's offline
 * emulation leaves open sockets alone).
 */
function simulatedNetwork() {
  const page = window as unknown as NetworkWindow & { WebSocket: typeof WebSocket };
  const Native = page.WebSocket;
  page.__sockets = [];
  page.__offline = false;
  page.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(page.__offline ? "ws://127.0.0.1:9/" : url, protocols);
      page.__sockets.push(this);
    }
  };
}

async function setNetwork(page: Page, online: boolean) {
  await page.evaluate((online) => {
    const network = window as unknown as NetworkWindow;
    network.__offline = !online;
    if (!online) for (const socket of network.__sockets) socket.close(3000, "network lost");
  }, online);
}

describeInChromium("the committee room on the panel (Chromium)", () => {
  const { app, openPage, step } = browserSuite("committee-");

  /** A tablet held landscape: the room must fit its width. */
  async function openTablet(email: string, password: string): Promise<Page> {
    const page = await openPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.addInitScript(simulatedNetwork);
    await signInThroughPanel(page, app().url, email, password);
    return page;
  }

  const sessionPath = (sessionGid: string) => `/#/committee/${encodeURIComponent(sessionGid)}/show`;

  async function confirm(page: Page, control: string, reason?: string) {
    await page.getByTestId(`chair-${control}`).click();
    if (reason) await page.getByTestId("confirm-reason").fill(reason);
    await page.getByTestId("confirm-ok").click();
    await page.getByTestId("confirm-dialog").waitFor({ state: "detached", timeout: 20_000 });
  }

  async function expectTally(pages: Page[], approve: number, reject: number) {
    for (const page of pages)
      for (const [choice, count] of [
        ["APPROVE", approve],
        ["REJECT", reject],
      ] as const)
        await page
          .locator(`[data-testid="tally-${choice}"]:text-is("${count}")`)
          .waitFor({ timeout: 20_000 });
  }

  async function noSidewaysScroll(page: Page) {
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(scroll, "the page scrolls sideways").toBeLessThanOrEqual(client);
  }

  it("prepares a session, votes live on three screens, decides, and shows it on the case file", async () => {
    const prisma = app().database.prisma;
    const seeded = await prisma.committeeSession.findFirstOrThrow({
      include: { agenda: { include: { request: true } } },
    });
    const item = seeded.agenda[0];
    expect(item, "the demo session has a request on its agenda").toBeTruthy();
    const request = item!.request;
    const reference = request.reference ?? "";
    const name = async (email: string) =>
      (await prisma.user.findUniqueOrThrow({ where: { email } })).fullName;
    const chairName = await name("chair@wasl.demo");
    const firstName = await name("committee1@wasl.demo");
    const secondName = await name("committee2@wasl.demo");
    const staff = await openPage();
    const scheduledAt = new Date(Date.now() + 3_600_000);
    let sessionGid = "";

    await step("staff-take-off-demo-agenda", async () => {
      await signInThroughPanel(staff, app().url, "staff@wasl.demo", "Staff#2026");
      await staff.goto(`${app().url}/#/committee`);
      await staff.getByTestId("sessions-grid").waitFor({ timeout: 20_000 });
      await staff.getByTestId("sessions-view-calendar").click();
      await staff.getByTestId("sessions-calendar").waitFor();
      await staff.goto(`${app().url}${sessionPath(gid("CommitteeSession", seeded.id))}`);
      const row = staff.getByTestId("agenda-item").filter({ hasText: reference });
      await row.waitFor({ timeout: 20_000 });
      await row.getByTestId("agenda-remove").click();
      await staff.getByTestId("confirm-ok").click();
      await staff.getByTestId("agenda-item").filter({ hasText: reference }).waitFor({
        state: "detached",
        timeout: 20_000,
      });
    });

    await step("staff-schedule", async () => {
      await staff.goto(`${app().url}/#/committee/create`);
      await staff.locator('input[name="scheduledAt"]').waitFor({ timeout: 20_000 });
      await staff.locator('input[name="scheduledAt"]').fill(toRiyadhLocal(scheduledAt));
      await choose(staff, /رئيس الجلسة/, chairName);
      await staff.getByRole("checkbox", { name: firstName }).check();
      await staff.getByRole("checkbox", { name: secondName }).check();
      await staff.getByTestId("session-save").click();
      await staff.waitForURL(/#\/committee\/[^/]+\/show/, { timeout: 20_000 });
      sessionGid = decodeURIComponent(/#\/committee\/([^/]+)\/show/.exec(staff.url())![1]!);
      await staff.getByTestId("session-header").waitFor({ timeout: 20_000 });
      expect(await staff.getByTestId("session-status").getAttribute("data-status")).toBe(
        "SCHEDULED",
      );
      const title = (await staff.getByTestId("session-title").textContent()) ?? "";
      // Changed in its form: only the quorum share, with the version read.
      await staff.getByTestId("session-edit").click();
      const quorum = staff.locator('input[name="quorumPercent"]');
      await quorum.waitFor({ timeout: 20_000 });
      await quorum.fill("60");
      await staff.screenshot({ path: `${screenshotDir}/committee-session-form-ar.png` });
      await staff.getByTestId("session-save").click();
      await staff.getByText("60%").waitFor({ timeout: 20_000 });
      // On the month's calendar, a link to its room.
      await staff.goto(`${app().url}/#/committee`);
      await staff.getByTestId("sessions-view-calendar").click();
      const riyadhMonth = (date: Date) =>
        new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Riyadh" }).format(date).slice(0, 7);
      if (riyadhMonth(scheduledAt) !== riyadhMonth(new Date()))
        await staff.getByRole("button", { name: "الشهر التالي" }).click();
      const entry = staff.getByTestId("calendar-session").filter({ hasText: title });
      await entry.waitFor({ timeout: 20_000 });
      await staff.screenshot({ path: `${screenshotDir}/committee-calendar-ar.png` });
      await entry.click();
      await staff.waitForURL(/#\/committee\/[^/]+\/show/, { timeout: 20_000 });
      await staff.getByTestId("agenda").waitFor({ timeout: 20_000 });
    });

    await step("staff-add-to-agenda", async () => {
      await staff.getByTestId("agenda-add").click();
      const candidate = staff.getByTestId("agenda-candidate").filter({ hasText: reference });
      await candidate.waitFor({ timeout: 20_000 });
      await candidate.getByTestId("agenda-candidate-add").click();
      await staff.getByText("أُضيف الطلب إلى جدول الأعمال").waitFor({ timeout: 20_000 });
      await staff.keyboard.press("Escape");
      const row = staff.getByTestId("agenda-item").filter({ hasText: reference });
      await row.waitFor({ timeout: 20_000 });
      expect(await row.getAttribute("data-position")).toBe("1");
    });

    await step("menus-by-role", async () => {
      // Each role sees what it may do: the researcher no committee, a member no "create".
      const researcher = await openPage();
      await signInThroughPanel(researcher, app().url, "researcher@wasl.demo", "Research#2026");
      expect(await researcher.locator('a[href="#/committee"]').count()).toBe(0);
      await researcher.close();
      expect(await staff.locator('a[href="#/committee"]').count()).toBe(1);
    });

    const chair = await openTablet("chair@wasl.demo", "Chair#2026");
    const first = await openTablet("committee1@wasl.demo", "Committee#2026");
    const second = await openTablet("committee2@wasl.demo", "Committee#2026");
    const room = [chair, first, second];

    await step("enter-room", async () => {
      await first.goto(`${app().url}/#/committee`);
      await first.getByTestId("session-row-title").first().waitFor({ timeout: 20_000 });
      expect(await first.getByTestId("session-schedule").count()).toBe(0);
      for (const page of room) {
        await page.goto(`${app().url}${sessionPath(sessionGid)}`);
        await page.getByTestId("room-live").and(page.locator('[data-status="live"]')).waitFor({
          timeout: 20_000,
        });
      }
      // Everyone has the room open: the chair sees the three of them in it.
      await chair
        .locator('[data-testid="room-member"][data-in-room="true"]')
        .nth(2)
        .waitFor({ timeout: 20_000 });
      expect(await first.getByTestId("chair-controls").count()).toBe(0);
    });

    await step("reconnects-by-itself", async () => {
      // The tablet loses the network: the room says it is reconnecting, then is live again.
      await setNetwork(second, false);
      const lost = second.locator('[data-testid="room-live"]:not([data-status="live"])');
      await lost.waitFor({ timeout: 20_000 });
      expect(await lost.textContent()).toMatch(/جارٍ (إعادة )?الاتصال/);
      await second.screenshot({ path: `${screenshotDir}/committee-room-reconnecting-ar.png` });
      await setNetwork(second, true);
      await second
        .locator('[data-testid="room-live"][data-status="live"]')
        .waitFor({ timeout: 30_000 });
    });

    await step("open-session-and-vote", async () => {
      await chair.getByTestId("chair-open-session").click();
      const attendance = chair.getByTestId("open-attendance");
      await attendance.waitFor();
      expect(await attendance.getByRole("checkbox", { name: firstName }).isChecked()).toBe(true);
      await chair.getByTestId("confirm-ok").click();
      await chair.getByTestId("confirm-dialog").waitFor({ state: "detached", timeout: 20_000 });
      for (const page of room)
        await page
          .locator('[data-testid="session-status"][data-status="OPEN"]')
          .waitFor({ timeout: 20_000 });
      await confirm(chair, "open-voting");
      for (const page of room)
        await page
          .locator('[data-testid="review"][data-status="VOTING"]')
          .waitFor({ timeout: 20_000 });
      expect(await first.getByTestId("review-subject").textContent()).toBe(request.subject);
      expect(await first.getByTestId("quorum").getAttribute("data-met")).toBe("true");
      await first.getByTestId("review-case-link").waitFor();
      for (const page of room) await noSidewaysScroll(page);
      await first.screenshot({ path: `${screenshotDir}/committee-room-voting-ar.png` });
    });

    await step("members-vote-live", async () => {
      await first.getByTestId("vote-comment").fill("الحالة مستحقة وفق تقرير الباحث");
      await first.getByTestId("vote-APPROVE").click();
      await first
        .locator('[data-testid="my-vote"][data-choice="APPROVE"]')
        .waitFor({ timeout: 20_000 });
      await expectTally(room, 1, 0);
      await second.getByTestId("vote-REJECT").click();
      await expectTally(room, 1, 1);
      // A member may change their vote while voting is open.
      await second.getByTestId("vote-APPROVE").click();
      await expectTally(room, 2, 0);
      // An open ballot names the voters, on every screen.
      for (const page of room) {
        await page.getByTestId("vote-row").filter({ hasText: secondName }).waitFor();
        expect(await page.getByTestId("tally-voters").textContent()).toBe("صوّت 2 من 3");
      }
      expect(
        await chair.getByTestId("vote-row").filter({ hasText: firstName }).textContent(),
      ).toContain("الحالة مستحقة وفق تقرير الباحث");
      for (const page of room) await noSidewaysScroll(page);
      await chair.screenshot({ path: `${screenshotDir}/committee-room-chair-ar.png` });
      // A refused command says why, in Arabic, in its dialog: the vote is still open.
      await chair.getByTestId("chair-close-session").click();
      await chair.getByTestId("confirm-ok").click();
      expect(await chair.getByTestId("committee-error").textContent()).toContain(
        "يوجد بند قيد التصويت في الجلسة",
      );
      await chair.getByTestId("confirm-cancel").click();
      await chair.getByTestId("confirm-dialog").waitFor({ state: "detached" });
    });

    await step("chair-decides", async () => {
      await confirm(chair, "close-voting");
      await first
        .locator('[data-testid="review"][data-status="VOTING_CLOSED"]')
        .waitFor({ timeout: 20_000 });
      await confirm(chair, "finalise", "استوفى الطلب الشروط ووافقت الأغلبية");
      for (const page of room) {
        const outcome = page.getByTestId("review-outcome");
        await outcome.waitFor({ timeout: 20_000 });
        expect(await outcome.textContent()).toContain("القرار: موافقة");
      }
      await confirm(chair, "close-session");
      for (const page of room)
        await page
          .locator('[data-testid="session-status"][data-status="CLOSED"]')
          .waitFor({ timeout: 20_000 });
      await first.getByTestId("minutes-open").click();
      const minutes = first.frameLocator('[data-testid="minutes-frame"]');
      await minutes.getByText(reference).first().waitFor({ timeout: 20_000 });
      expect(await first.getByTestId("minutes-frame").getAttribute("sandbox")).toBe(
        "allow-same-origin allow-modals",
      );
    });

    await step("case-file", async () => {
      await staff.goto(`${app().url}${caseFilePath(gid("Request", request.id))}`);
      await staff
        .locator(
          '[data-testid="request-header"] [data-testid="request-status"][data-status="APPROVED"]',
        )
        .waitFor({ timeout: 20_000 });
      await staff.getByRole("tab", { name: "اللجنة" }).click();
      const entries = staff.getByTestId("committee-history-entry");
      // The demo session (taken off its agenda) left nothing; the new one decided it.
      const decided = entries.filter({
        has: staff.locator('[data-testid="committee-history-outcome"][data-outcome="APPROVED"]'),
      });
      await decided.waitFor({ timeout: 20_000 });
      expect(await decided.textContent()).toContain("موافقة 2 · رفض 0 · امتناع 0");
      await decided.getByTestId("minutes-open").click();
      await staff
        .frameLocator('[data-testid="minutes-frame"]')
        .getByText(reference)
        .first()
        .waitFor({ timeout: 20_000 });
      const stored = await prisma.request.findUniqueOrThrow({ where: { id: request.id } });
      expect(stored.status).toBe("APPROVED");
      await staff.screenshot({ path: `${screenshotDir}/committee-history-ar.png` });
    });
  });
});
