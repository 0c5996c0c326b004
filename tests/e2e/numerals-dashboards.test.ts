// @vitest-environment node
// One numeral system and role dashboards (issue 13, item 6), in Chromium. Latin digits by
// default; the user chooses Arabic-Indic ones in their menu, and then the dashboard, the
// members list and a request's case file write every number — counts, amounts, dates in both
// calendars, chart ticks, identifiers — in them, never the two side by side. Each role's
// dashboard shows the blocks it works from, at desktop, tablet and phone sizes.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { gid } from "../helpers/ids.js";
import {
  browserSuite,
  caseFilePath,
  describeInChromium,
  desktop,
  overflow,
  screenSizes,
  settled,
  signInThroughPanel,
  type Viewport,
} from "./helpers.js";

const latin = /[0-9]/;
const arabicIndic = /[٠-٩۰-۹]/;

/** The digits of each system found in the page's content (charts' SVG text included). */
async function digitsOn(page: Page): Promise<{ latin: string[]; arab: string[] }> {
  const text = await page
    .locator("#main-content")
    .first()
    .evaluate((e) => e.textContent ?? "");
  const around = (re: RegExp) =>
    [...text.matchAll(new RegExp(re.source, "g"))]
      .slice(0, 5)
      .map((m) => text.slice(Math.max(0, (m.index ?? 0) - 15), (m.index ?? 0) + 15));
  return { latin: around(latin), arab: around(arabicIndic) };
}

const accounts = {
  staff: ["staff@wasl.demo", "Staff#2026"],
  researcher: ["researcher@wasl.demo", "Research#2026"],
  chair: ["chair@wasl.demo", "Chair#2026"],
  committee: ["committee1@wasl.demo", "Committee#2026"],
  admin: ["admin@wasl.demo", "Admin#2026"],
} as const;

const blocks = ["intake", "due", "caseload", "next-session"] as const;
const expected: Record<keyof typeof accounts, (typeof blocks)[number][]> = {
  staff: ["intake", "due"],
  researcher: ["caseload"],
  chair: ["next-session"],
  committee: ["next-session"],
  admin: ["intake", "due", "next-session"],
};

describeInChromium("numeral system and role dashboards (Chromium)", () => {
  const { app, openPage, step } = browserSuite("numerals-");

  async function signedIn(account: keyof typeof accounts, viewport: Viewport = desktop) {
    const page = await openPage(viewport);
    const [email, password] = accounts[account];
    await signInThroughPanel(page, app().url, email, password);
    return page;
  }

  async function screens() {
    const db = app().database.prisma;
    const request = await db.request.findFirstOrThrow({
      where: { typeCode: "FINANCIAL_SUPPORT", amountRequested: { not: null }, status: "APPROVED" },
      orderBy: { createdAt: "asc" },
    });
    // Each screen with what shows it has loaded.
    return [
      ["dashboard", "/#/", '[data-testid="open-total"]'],
      ["members", "/#/members", '[data-testid="members-grid"] tbody tr'],
      ["request", caseFilePath(gid("Request", request.id)), '[data-testid="request-reference"]'],
    ] as const;
  }

  it.each(screenSizes)(
    "writes every number in Latin digits by default, and in Arabic-Indic ones once chosen, at $name size",
    async (size) => {
      const page = await signedIn("admin", size);
      const paths = await screens();
      const digitsOfEach = async (system: "latin" | "arab") => {
        for (const [name, path, loaded] of paths) {
          await page.goto(`${app().url}${path}`);
          // A phone's or a tablet's members list is cards: its links show it has loaded.
          await page
            .locator(name === "members" && size.touch ? "#main-content a" : loaded)
            .first()
            .waitFor();
          await settled(page);
          const found = await digitsOn(page);
          const other = system === "latin" ? "arab" : "latin";
          expect(found[system].length, `${name} shows numbers`).toBeGreaterThan(0);
          expect(found[other], `${name}: ${other} digits among ${system} ones`).toEqual([]);
        }
      };
      await step(`${size.name}-latin-by-default`, () => digitsOfEach("latin"));
      await step(`${size.name}-choose-arabic-indic-in-the-user-menu`, async () => {
        await page.getByRole("button", { name: "الملف الشخصي" }).first().click();
        await page.locator('[data-testid="numerals-choice"] [data-value="arab"]').click();
        await page.keyboard.press("Escape");
        expect(await page.evaluate(() => localStorage.getItem("RaStore.numerals"))).toBe('"arab"');
      });
      await step(`${size.name}-arabic-indic-everywhere`, () => digitsOfEach("arab"));
      await page.context().close();
    },
    240_000,
  );

  it.each(screenSizes)(
    "labels the charts' value axes and gives each chart its figures as text at $name size",
    async (size) => {
      const page = await signedIn("staff", size);
      await step(`${size.name}-axes`, async () => {
        await settled(page);
        const charts = page.locator("figure");
        expect(await charts.count()).toBeGreaterThanOrEqual(3);
        await expect
          .poll(() => page.locator(".MuiChartsAxis-label").allTextContents())
          .toContain("عدد الطلبات");
        // The text alternative: each chart's figures as a list a screen reader reads.
        const lists = page.locator('[data-testid="chart-figures"]');
        expect(await lists.count()).toBe(await charts.count());
        expect(await lists.locator("li").count()).toBeGreaterThan(0);
        const ticks = await page.locator(".MuiChartsAxis-tickLabel").allTextContents();
        expect(
          ticks.some((t) => /^[0-9]+$/.test(t.trim())),
          JSON.stringify(ticks),
        ).toBe(true);
        // The axes' labels are drawn inside the screen, not cut off at its edge.
        for (const label of await page.locator(".MuiChartsAxis-label").all()) {
          const box = await label.boundingBox();
          expect(box && box.x >= 0 && box.x + box.width <= size.width).toBe(true);
        }
      });
      await page.context().close();
    },
    120_000,
  );

  for (const account of Object.keys(accounts) as (keyof typeof accounts)[]) {
    it(`shows the ${account}'s dashboard blocks, at desktop, tablet and phone sizes`, async () => {
      for (const viewport of screenSizes) {
        const page = await signedIn(account, viewport);
        await step(`${account}-${viewport.name}`, async () => {
          await settled(page);
          for (const block of blocks) {
            const shown = await page.locator(`[data-testid="dashboard-${block}"]`).count();
            expect(shown, `${account} ${block}`).toBe(expected[account].includes(block) ? 1 : 0);
          }
          // Staff and admins see the figures; committee members their session only.
          const figures = await page.locator('[data-testid="open-total"]').count();
          expect(figures).toBe(["chair", "committee"].includes(account) ? 0 : 1);
          expect(await overflow(page)).toBeLessThanOrEqual(0);
        });
        await page.context().close();
      }
    }, 240_000);
  }

  it.each(screenSizes)(
    "puts the next session's agenda on a committee member's dashboard at $name size",
    async (size) => {
      const page = await signedIn("committee", size);
      await settled(page);
      const block = page.locator('[data-testid="dashboard-next-session"]');
      await expect
        .poll(() => block.locator("li").count(), {
          message: (await block.innerHTML()).slice(0, 3000),
        })
        .toBeGreaterThan(0);
      const agenda = await app().database.prisma.agendaItem.findMany({
        include: { request: true },
      });
      for (const item of agenda)
        expect(await block.textContent()).toContain(item.request.reference);
      await page.context().close();
    },
    120_000,
  );
});
