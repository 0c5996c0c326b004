// @vitest-environment node
// No blank screens while loading (issue 13, item 10): with the API slowed down, the lists
// show their rows' placeholders and a case file (a request's, a member's) its skeleton —
// the shape of what is coming — until the data arrive, at desktop, tablet and phone sizes.
// (That dates never wrap in list columns is checked by layouts.test.ts.)
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { gid } from "../helpers/ids.js";
import {
  browserSuite,
  caseFilePath,
  describeInChromium,
  screenSizes,
  signInThroughPanel,
} from "./helpers.js";

/**
 * Whether the page's content shows placeholders: MUI skeletons (ours), or react-admin's
 * list placeholders (grey spans holding a no-break space, with no class of their own).
 */
function showsPlaceholders(): boolean {
  const main = document.querySelector("#main-content");
  if (!main) return false;
  if (main.querySelector(".MuiSkeleton-root")) return true;
  return [...main.querySelectorAll("span")].some(
    (s) => s.childElementCount === 0 && s.textContent === "\u00a0" && s.offsetWidth > 20,
  );
}

/** Holds every GraphQL answer back until `release` is called. */
async function slowApi(page: Page): Promise<() => void> {
  const held: (() => void)[] = [];
  let open = false;
  await page.route("**/graphql", async (route) => {
    if (!open) await new Promise<void>((resume) => held.push(resume));
    await route.continue();
  });
  return () => {
    open = true;
    for (const resume of held.splice(0)) resume();
  };
}

describeInChromium("skeletons while loading (Chromium)", () => {
  const { app, openPage, step } = browserSuite("skeletons-");

  it.each(screenSizes)(
    "shows placeholders, never a blank page, at $name size",
    async (size) => {
      const { name } = size;
      const db = app().database.prisma;
      // The oldest: not on the lists' first pages, whose rows would already be in the cache.
      const request = await db.request.findFirstOrThrow({
        where: { reference: { not: null } },
        orderBy: { createdAt: "asc" },
      });
      const member = await db.member.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
      const screens: [string, string, string][] = [
        ["members", "/#/members", "[data-testid='members-grid']"],
        ["requests", "/#/requests", "[data-testid='requests-grid']"],
        ["request", caseFilePath(gid("Request", request.id)), "[data-testid='request-reference']"],
        [
          "member",
          `/#/members/${encodeURIComponent(gid("Member", member.id))}/show`,
          ".RaTabbedShowLayout-content",
        ],
      ];
      const page = await openPage(size);
      await signInThroughPanel(page, app().url, "staff@wasl.demo", "Staff#2026");
      for (const [screen, path, loaded] of screens) {
        await step(`${name}-${screen}`, async () => {
          // Somewhere else first, so that the screen's data are not in the cache already.
          await page.goto(`${app().url}/#/letters`);
          await page.locator("#main-content").first().waitFor();
          const release = await slowApi(page);
          await page.goto(`${app().url}${path}`);
          await page.waitForFunction(showsPlaceholders, undefined, { timeout: 10_000 });
          expect(await page.locator(loaded).count(), `${screen} loaded already`).toBe(0);
          release();
          await page.locator(loaded).first().waitFor({ timeout: 20_000 });
          await page.unroute("**/graphql");
        });
      }
    },
    180_000,
  );
});
