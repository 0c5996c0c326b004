// @vitest-environment node
// Phones and tablets (issue 13, item 3): every main screen, at 390×844 (a phone), 1024×768
// (the committee's tablets) and on a desktop, fits the screen's width: the page never scrolls
// sideways, the members' and requests' list actions (filter, export, create) and the chair's
// decision button are on screen. A screenshot of each screen at each size is kept under
// tests/.artifacts/layouts (the CI's artifact folder); a phone's forms are one column. On the
// same screens identifiers are drawn left to right (item 1), counts take their Arabic plural
// (item 7) and list dates do not wrap (item 10). Right after a save, its notice leaves Save
// tappable.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { gid } from "../helpers/ids.js";
import {
  browserSuite,
  caseFilePath,
  describeInChromium,
  overflow,
  press,
  screenSizes,
  settled,
  signInThroughPanel,
} from "./helpers.js";

const artifacts = join(process.cwd(), "tests/.artifacts/layouts");

/** Whether the element lies within the screen's width (no sideways scrolling to reach it). */
async function withinWidth(page: Page, selector: string): Promise<boolean> {
  if ((await page.locator(selector).count()) === 0) return false;
  const box = await page.locator(selector).first().boundingBox();
  const width = await page.evaluate(() =>
    Math.min(window.innerWidth, document.documentElement.clientWidth),
  );
  return !!box && box.x >= 0 && box.x + box.width <= width;
}

describeInChromium("phone and tablet layouts (Chromium)", () => {
  const { app, openPage, step } = browserSuite("layouts-");

  async function screensOf() {
    const db = app().database.prisma;
    const member = await db.member.findFirstOrThrow({
      where: { status: "ACTIVE" },
      orderBy: { memberNumber: "asc" },
    });
    const request = await db.request.findFirstOrThrow({
      where: { status: "IN_COMMITTEE", typeCode: "FINANCIAL_SUPPORT" },
      orderBy: { createdAt: "asc" },
    });
    const draft = await db.request.findFirst({ where: { status: "DRAFT" } });
    const user = await db.user.findFirstOrThrow({ where: { email: "staff@wasl.demo" } });
    const type = await db.requestType.findFirstOrThrow({ orderBy: { code: "asc" } });
    const m = encodeURIComponent(gid("Member", member.id));
    const r = gid("Request", request.id);
    return {
      requestPath: caseFilePath(r),
      admin: [
        ["dashboard", "/#/"],
        ["members", "/#/members"],
        ["member", `/#/members/${m}/show`],
        ["member-requests", `/#/members/${m}/show/requests`],
        ["member-timeline", `/#/members/${m}/show/timeline`],
        ["member-audit", `/#/members/${m}/show/audit`],
        ["member-edit", `/#/members/${m}`],
        ["member-create", "/#/members/create"],
        ["requests", "/#/requests"],
        ["request", caseFilePath(r)],
        ["request-documents", caseFilePath(r, "documents")],
        ["request-timeline", caseFilePath(r, "timeline")],
        ["request-create", "/#/requests/create"],
        ...(draft
          ? [["request-edit", `/#/requests/${encodeURIComponent(gid("Request", draft.id))}`]]
          : []),
        ["users", "/#/users"],
        ["user-edit", `/#/users/${encodeURIComponent(gid("User", user.id))}`],
        ["request-types", "/#/requestTypes"],
        [
          "request-type-edit",
          `/#/requestTypes/${encodeURIComponent(gid("RequestType", type.code))}`,
        ],
        ["audit", "/#/audit"],
      ] as [string, string][],
      researcher: [["my-cases", "/#/my-cases"]] as [string, string][],
    };
  }

  it.each(screenSizes)(
    "fits every main screen at $name size ($width×$height)",
    async (size) => {
      mkdirSync(artifacts, { recursive: true });
      const screens = await screensOf();
      const wide: string[] = [];
      let countsRead = 0;
      let identifiersRead = 0;
      const shoot = (page: Page, name: string) =>
        page.screenshot({ path: join(artifacts, `${size.name}-${name}.png`), fullPage: true });
      for (const [role, email, password, list] of [
        ["admin", "admin@wasl.demo", "Admin#2026", screens.admin],
        ["researcher", "researcher@wasl.demo", "Research#2026", screens.researcher],
      ] as const) {
        const page = await openPage(size);
        await step(`${size.name}-${role}-sign-in`, () =>
          signInThroughPanel(page, app().url, email, password),
        );
        for (const [name, path] of list) {
          await step(`${size.name}-${name}`, async () => {
            await page.goto(`${app().url}${path}`);
            await settled(page);
            await shoot(page, name);
            const beyond = await overflow(page);
            if (beyond > 0) wide.push(`${name} (+${beyond}px)`);
            // Counts read right (item 7): «13 يوماً», «8 أيام», never «13 يوم» or «8 يوماً».
            const days = dayCounts((await page.locator("body").textContent()) ?? "");
            for (const wrong of days.wrong) wide.push(`${name}: «${wrong}»`);
            countsRead += days.read;
            // Dates do not wrap (item 10): each line of a Hijri-over-Gregorian date is one line.
            const broken = await page.evaluate(() =>
              [...document.querySelectorAll("#main-content td .MuiTypography-body2")]
                .filter((e) => /\d{4}/.test(e.textContent ?? ""))
                .filter(
                  (e) => e.getClientRects().length > 1 || e.getBoundingClientRect().height > 30,
                )
                .map((e) => e.textContent),
            );
            for (const date of broken) wide.push(`${name}: date wraps «${date}»`);
            // Numbers are left-to-right islands (item 1): IDs, mobiles, masked or whole,
            // references and member numbers drawn in the order they are written.
            const identifiers = await backwardNumbers(page);
            for (const token of identifiers.backwards)
              wide.push(`${name}: «${token}» drawn backwards`);
            identifiersRead += identifiers.read;
            // Forms are a single column on a phone: no two fields side by side.
            if (size.name === "phone" && /-(edit|create)$/.test(name)) {
              const form = await fieldsSideBySide(page);
              if (form.fields < 2) wide.push(`${name}: ${form.fields} form fields found`);
              for (const pair of form.pairs) wide.push(`${name}: side by side ${pair}`);
            }
            if (name !== "members" && name !== "requests") return;
            for (const [action, selector] of Object.entries(listActions(name)))
              if (!(await withinWidth(page, selector))) wide.push(`${name}: ${action} off-screen`);
          });
        }
        await page.context().close();
      }
      const chair = await openPage(size);
      await step(`${size.name}-chair-decision`, async () => {
        await signInThroughPanel(chair, app().url, "chair@wasl.demo", "Chair#2026");
        await chair.goto(`${app().url}${screens.requestPath}`);
        const decide = chair.getByTestId("action-RECORD_DECISION");
        await decide.waitFor({ timeout: 20_000 });
        await settled(chair);
        await shoot(chair, "chair-request");
        const beyond = await overflow(chair);
        if (beyond > 0) wide.push(`chair request (+${beyond}px)`);
        if (!(await withinWidth(chair, "[data-testid='action-RECORD_DECISION']")))
          wide.push("chair: decision button off-screen");
        // Tappable: nothing covers it where a finger lands; its dialog fits the screen (the
        // whole screen on a phone) with its buttons on it.
        await press(decide, size);
        const dialog = chair.getByRole("dialog");
        await dialog.waitFor();
        await chair.waitForTimeout(400); // the dialog's opening transition
        await shoot(chair, "chair-decision-dialog");
        const box = await chair.locator(".MuiDialog-paper").boundingBox();
        const screenWidth = size.width;
        expect(box && box.x >= 0 && box.x + box.width <= screenWidth).toBe(true);
        if (size.name === "phone") expect(Math.round(box?.width ?? 0)).toBe(screenWidth);
        if (!(await withinWidth(chair, "[data-testid='action-confirm']")))
          wide.push("chair: decision dialog's confirm off-screen");
        if ((await overflow(chair)) > 0) wide.push("chair decision dialog widens the page");
      });
      await chair.context().close();
      expect(wide).toEqual([]);
      expect(countsRead, "day counts on the screens").toBeGreaterThan(0);
      expect(identifiersRead, "identifiers on the screens").toBeGreaterThan(20);
    },
    240_000,
  );

  it.each(screenSizes)(
    "leaves Save tappable right after a save, its notice shown at $name size",
    async (size) => {
      const member = await app().database.prisma.member.findFirstOrThrow({
        where: { status: "ACTIVE" },
        orderBy: { memberNumber: "desc" },
        skip: 3,
      });
      const editUrl = `${app().url}/#/members/${encodeURIComponent(gid("Member", member.id))}`;
      const page = await openPage(size);
      const district = page.locator('input[name="district"]');
      const save = page.getByRole("button", { name: "حفظ" });
      await step(`${size.name}-save-after-save`, async () => {
        await signInThroughPanel(page, app().url, "staff@wasl.demo", "Staff#2026");
        await page.goto(editUrl);
        await district.fill(`حي الحفظ الأول ${size.name}`);
        await press(save, size);
        await page.waitForURL(/\/show/);
        // Straight back to the form, the «record updated» notice still on screen.
        await page.goto(editUrl);
        await district.fill(`حي الحفظ الثاني ${size.name}`);
        await page.locator(".MuiSnackbar-root").waitFor();
        // What a finger on Save's centre touches is Save, not the notice.
        const onTop = await save.evaluate((button) => {
          const r = button.getBoundingClientRect();
          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          return hit ? button.contains(hit) : false;
        });
        expect(await page.locator(".MuiSnackbar-root").isVisible()).toBe(true);
        expect(onTop).toBe(true);
        await press(save, size);
        await page.waitForURL(/\/show/);
        const stored = await app().database.prisma.member.findUniqueOrThrow({
          where: { id: member.id },
        });
        expect(stored.district).toBe(`حي الحفظ الثاني ${size.name}`);
      });
      await page.context().close();
    },
  );
});

/**
 * The identifiers on the page (references, member numbers, national IDs and mobiles, masked
 * or whole) read on one line: how many, and those whose characters are not drawn left to right.
 */
function backwardNumbers(page: Page): Promise<{ read: number; backwards: string[] }> {
  return page.evaluate(() => {
    const found: string[] = [];
    let read = 0;
    const identifiers = /REQ-\d{4}-\d+|M-\d{6}|\+?\d[\d*]{6,}\d/g;
    const main = document.querySelector("#main-content") ?? document.body;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of (node.textContent ?? "").matchAll(identifiers)) {
        const boxes = [...match[0]].map((_, i) => {
          const range = document.createRange();
          range.setStart(node, (match.index ?? 0) + i);
          range.setEnd(node, (match.index ?? 0) + i + 1);
          return range.getBoundingClientRect();
        });
        if (boxes.some((b) => b.width === 0 || Math.abs(b.top - boxes[0]!.top) > 2)) continue;
        read++;
        if (boxes.some((b, i) => i > 0 && b.left < boxes[i - 1]!.left)) found.push(match[0]);
      }
    }
    return { read, backwards: found };
  });
}

/** The form's fields: how many, and the pairs sharing a line, named by their labels. */
function fieldsSideBySide(page: Page): Promise<{ fields: number; pairs: string[] }> {
  return page.evaluate(() => {
    const fields = [...document.querySelectorAll("#main-content form .MuiFormControl-root")]
      .map((e) => ({ e, box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0);
    const pairs: string[] = [];
    for (const [i, a] of fields.entries())
      for (const b of fields.slice(i + 1)) {
        if (a.e.contains(b.e) || b.e.contains(a.e)) continue;
        const sameLine = a.box.top < b.box.bottom - 1 && b.box.top < a.box.bottom - 1;
        const apart = a.box.right <= b.box.left + 1 || b.box.right <= a.box.left + 1;
        const label = (e: Element) => e.querySelector("label")?.textContent?.trim() ?? e.tagName;
        if (sameLine && apart) pairs.push(`«${label(a.e)}» «${label(b.e)}»`);
      }
    return { fields: fields.length, pairs };
  });
}

/**
 * Arabic day counts, each with the form its number takes: 3 to 10 «أيام», 11 to 99 «يوماً»
 * (after the hundreds). `wrong` lists the counts in another form, `read` all those found.
 */
function dayCounts(text: string): { wrong: string[]; read: number } {
  const counts = [...text.matchAll(/(\d+) (أيام|يوماً|يوما|يوم)(?![\u0600-\u06FF])/g)];
  const wrong = counts.filter(([, digits, word]) => {
    const n = Number(digits) % 100;
    if (n >= 3 && n <= 10) return word !== "أيام";
    if (n >= 11) return word !== "يوماً";
    return false;
  });
  return { wrong: wrong.map((m) => m[0]), read: counts.length };
}

/** A list's actions, each to be on screen: filter, export and create. */
const listActions = (resource: "members" | "requests") => ({
  filter: "[data-testid='list-filter-button']",
  export: `[data-testid='export-${resource}']`,
  create: `a[href='#/${resource}/create']`,
});
