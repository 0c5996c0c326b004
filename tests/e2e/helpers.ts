// End-to-end helpers: the real server on a fresh embedded database with the demo data, the
// built panel, and Debian's Chromium driven by playwright-core (never a downloaded browser).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from "playwright-core";
import { afterAll, beforeAll, describe } from "vitest";
import { seedDemo } from "../../prisma/seed/index.js";
import { startTestApp, type TestApp } from "../helpers/app.js";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const inCI = process.env.CI === "true" || process.env.CI === "1";
export const screenshotDir = join(process.cwd(), "tests/e2e/screenshots");

/**
 * Whether the e2e tests can run. Locally a missing browser skips them with how to install
 * it; in CI a missing browser is a failure.
 */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  const message = `Chromium not found at ${chromiumPath}: install it with \`sudo apt-get install -y chromium\` (Debian/Ubuntu) or set CHROMIUM_PATH; end-to-end tests skipped.`;
  if (inCI) throw new Error(`CI=true and ${message.replace("; end-to-end tests skipped.", ".")}`);
  console.warn(message);
  return false;
}

/** A test file's describe in Chromium: skipped without the browser (see browserAvailable). */
export const describeInChromium = describe.skipIf(!browserAvailable());

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--lang=ar",
    ],
  });
}

/** Builds the panel when needed, then starts the server (free port) with the demo data. */
export async function startPanelServer(): Promise<TestApp> {
  const build = spawnSync(process.execPath, ["scripts/build-admin.mjs"], {
    cwd: process.cwd(),
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("building the panel failed (scripts/build-admin.mjs)");
  const app = await startTestApp();
  await seedDemo(app.database.prisma, { members: 60, requests: 150 });
  return app;
}

/** A screen's size; `touch`: a tablet or a phone, tapped rather than clicked. */
export type Viewport = { width: number; height: number; touch?: boolean };
export const desktop: Viewport = { width: 1280, height: 800 };
/** The committee's tablets and a front-desk phone (issue 13). */
export const tablet: Viewport = { width: 1024, height: 768, touch: true };
export const phone: Viewport = { width: 390, height: 844, touch: true };
/** The three screens the panel is built for, named for test titles (`$name`). */
export const screenSizes = [
  { name: "desktop", ...desktop },
  { name: "tablet", ...tablet },
  { name: "phone", ...phone },
] as const;

export async function newArabicContext(
  browser: Browser,
  viewport: Viewport = desktop,
): Promise<BrowserContext> {
  const { touch = false, ...size } = viewport;
  // A phone widens its layout viewport to a page wider than its screen, as Chromium's
  // mobile mode does: what a phone user would scroll sideways to see.
  const phone = touch && size.width < 600;
  return browser.newContext({
    locale: "ar-SA",
    timezoneId: "Asia/Riyadh",
    viewport: size,
    hasTouch: touch,
    ...(phone ? { isMobile: true, deviceScaleFactor: 2 } : {}),
  });
}

export async function signInThroughPanel(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForSelector('[data-testid="live-indicator"]', { timeout: 30_000 });
}

/** Saves a screenshot of every open page under tests/e2e/screenshots/<name>-<n>.png. */
export async function screenshotAll(contexts: BrowserContext[], name: string): Promise<string[]> {
  mkdirSync(screenshotDir, { recursive: true });
  const paths: string[] = [];
  let n = 0;
  for (const context of contexts) {
    for (const page of context.pages()) {
      const path = join(screenshotDir, `${name.replace(/[^\w-]+/g, "_")}-${++n}.png`);
      await page.screenshot({ path, fullPage: true }).catch(() => undefined);
      paths.push(path);
    }
  }
  return paths;
}

/**
 * Arabic pages for one test file, and named steps that save a screenshot of every open
 * page before failing.
 */
export function pageSession(browser: () => Browser, screenshotPrefix = "") {
  const contexts: BrowserContext[] = [];
  return {
    /** A page in a fresh Arabic context, at desktop size unless a viewport is given. */
    async openPage(viewport?: Viewport): Promise<Page> {
      const context = await newArabicContext(browser(), viewport);
      contexts.push(context);
      return context.newPage();
    },
    async step(name: string, body: () => Promise<void>): Promise<void> {
      try {
        await body();
      } catch (error) {
        const paths = await screenshotAll(contexts, `${screenshotPrefix}${name}`);
        throw new Error(`${(error as Error).message}\nScreenshots: ${paths.join(", ")}`);
      }
    },
  };
}

/**
 * One test file's server and browser, started before its tests and closed after them, with
 * its pages and steps (see pageSession). Call it inside the file's describe. The server is
 * the panel's with the demo data (see startPanelServer) unless the file starts its own.
 */
export function browserSuite(
  screenshotPrefix: string,
  {
    server = startPanelServer,
    timeout = 240_000,
  }: { server?: () => Promise<TestApp>; timeout?: number } = {},
) {
  let app: TestApp | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    app = await server();
    browser = await launchBrowser();
  }, timeout);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("used before browserSuite's beforeAll ran");
    return value;
  };
  return {
    app: () => started(app),
    ...pageSession(() => started(browser), screenshotPrefix),
  };
}

/**
 * A request taken in through the API by the demo's staff member (staff@wasl.demo), as the
 * panel would, with `fields` of it read back; the test stops with the API's answer if refused.
 */
export async function takeInAsStaff<R>(
  app: TestApp,
  input: Record<string, unknown>,
  fields: string,
): Promise<R> {
  const token = await app.signIn("staff@wasl.demo", "Staff#2026");
  const created = await app.gql(
    `mutation($input: CreateRequestInput!) { createRequest(input: $input) {
      __typename ... on CreateRequestSuccess { request { ${fields} } } ... on Error { message } } }`,
    { input },
    { token },
  );
  const request = created.data?.createRequest?.request;
  if (!request) throw new Error(`the request was refused: ${JSON.stringify(created)}`);
  return request as R;
}

/** The panel's address of a request's case file, on one of its tabs if given. */
export const caseFilePath = (requestGid: string, tab = "") =>
  `/#/requests/${encodeURIComponent(requestGid)}/show${tab ? `/${tab}` : ""}`;

/** Picks an option of a MUI select by the select's label and the option's text. */
export async function choose(page: Page, label: RegExp, option: string): Promise<void> {
  await page.getByRole("combobox", { name: label }).first().click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/**
 * The text of an element as a reader sees it: its characters ordered by where the browser
 * drew them (top to bottom, then left to right). innerText gives the logical order, which
 * is the same whatever the bidi algorithm did to the display.
 */
export async function visualText(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const drawn: { char: string; top: number; left: number }[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width > 0)
          drawn.push({ char: text[i]!, top: Math.round(rect.top), left: rect.left });
      }
    }
    drawn.sort((a, b) => a.top - b.top || a.left - b.left);
    return drawn.map((d) => d.char).join("");
  });
}

/** Waits for a screen to settle: its content drawn, no loading indicator left. */
export async function settled(page: Page): Promise<void> {
  await page.locator("#main-content").first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(
    () =>
      !document.querySelector(
        ".MuiLinearProgress-root, .MuiCircularProgress-root, .MuiSkeleton-root",
      ) && (document.querySelector("#main-content")?.textContent ?? "").trim().length > 0,
    undefined,
    { timeout: 20_000 },
  );
  await page.waitForTimeout(300);
}

/** Presses a control as the screen's user does: a finger on a tablet or a phone, else the mouse. */
export const press = (target: Locator, viewport: Viewport, timeout = 5_000) =>
  viewport.touch ? target.tap({ timeout }) : target.click({ timeout });

/** A list's rows: a wide screen's table rows, or a tablet's or a phone's cards (ResponsiveGrid). */
export const rowsOf = (grid: Locator) => grid.locator(":scope tbody tr, :scope > li");

/** How far the page reaches beyond the screen's width, in CSS pixels (0: it fits). */
export async function overflow(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth,
  );
}
