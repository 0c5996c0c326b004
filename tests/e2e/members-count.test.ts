// @vitest-environment node
// The members list's count as the panel shows it: exact under the API's cap, «أكثر من 1000
// عضو» past it (a search for a common name), and paging to the end either way.

import { expect, it } from "vitest";
import { countCap } from "../../api/db/page-count.js";
import {
  formatMemberNumber,
  memberSearchText,
  withCheckDigit,
} from "../../api/modules/members/rules.js";
import {
  browserSuite,
  describeInChromium,
  rowsOf,
  signInThroughPanel,
  startPanelServer,
} from "./helpers.js";

/** The demo data, and 1,001 members of one name: one past the cap. */
async function withManyOfOneName() {
  const app = await startPanelServer();
  await app.database.prisma.member.createMany({
    data: Array.from({ length: countCap + 1 }, (_, i) => {
      const identity = {
        memberNumber: formatMemberNumber(700_000 + i),
        nationalId: withCheckDigit(`2${String(30_000_000 + i).padStart(8, "0")}`),
        fullNameAr: "يوسف سالم المطيري",
        fullNameEn: null,
        mobile: `+9665${String(60_000_000 + i)}`,
      };
      return { ...identity, city: "تبوك", searchText: memberSearchText(identity) };
    }),
  });
  return app;
}

describeInChromium("members list count (Chromium)", () => {
  const { app, openPage, step } = browserSuite("members-count-", { server: withManyOfOneName });

  it("says «more than 1000 members» past the cap, the exact count under it, and pages to the end", async () => {
    const page = await openPage();
    const range = page.locator("#main-content .MuiTablePagination-displayedRows").first();
    const grid = page.locator('#main-content [data-testid="members-grid"]').first();
    const list = (filter: object, query = "") =>
      `${app().url}/#/members?filter=${encodeURIComponent(JSON.stringify(filter))}${query}`;

    await step("sign-in", () =>
      signInThroughPanel(page, app().url, "staff@wasl.demo", "Staff#2026"),
    );

    await step("past-the-cap", async () => {
      await page.goto(list({ q: "يوسف المطيري" }));
      await expect
        .poll(() => range.textContent(), { timeout: 20_000 })
        .toBe("1–25 من أكثر من 1000 عضو");
      await expect.poll(() => rowsOf(grid).count()).toBe(25);
      // The next page through react-admin's partial pagination.
      await page.getByRole("button", { name: "الذهاب إلى الصفحة التالية" }).click();
      await expect
        .poll(() => range.textContent(), { timeout: 20_000 })
        .toBe("26–50 من أكثر من 1000 عضو");
    });

    await step("in-english", async () => {
      await page.getByTestId("language-switch").click();
      await expect
        .poll(() => range.textContent(), { timeout: 20_000 })
        .toBe("26–50 of more than 1000 members");
      await page.getByTestId("language-switch").click();
      await expect.poll(() => range.textContent()).toBe("26–50 من أكثر من 1000 عضو");
    });

    await step("to-the-end", async () => {
      // The last page, 100 a page: the 1,001st member, and the exact count there.
      await page.goto(list({ q: "يوسف المطيري" }, "&perPage=100&page=11"));
      await expect.poll(() => range.textContent(), { timeout: 30_000 }).toBe("1001–1001 من 1001");
      await expect.poll(() => rowsOf(grid).count()).toBe(1);
      await expect(
        page.getByRole("button", { name: "الذهاب إلى الصفحة التالية" }).isDisabled(),
      ).resolves.toBe(true);
    });

    await step("under-the-cap", async () => {
      await page.goto(list({ q: "احمد القحطاني" }));
      await expect.poll(() => range.textContent(), { timeout: 20_000 }).toMatch(/^1–\d+ من \d+$/);
    });
  });
});
