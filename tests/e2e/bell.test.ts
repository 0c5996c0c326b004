// @vitest-environment node
// The bell in Chromium, in Arabic: the researcher's panel is open when staff refer a case to
// them; the bell lights up with one unread notification without a reload, lists the case
// with its reference, leads to its file, and goes out once read. Screenshots on failure.
import { expect, it } from "vitest";
import { gid } from "../helpers/ids.js";
import { browserSuite, describeInChromium, screenshotDir, signInThroughPanel } from "./helpers.js";

describeInChromium("the bell (Chromium)", () => {
  const { app, openPage, step } = browserSuite("bell-");

  it("lights up when a case is assigned to the researcher", async () => {
    const db = app().database.prisma;
    // A support request just submitted at the desk, waiting for its referral.
    const member = await db.member.findFirstOrThrow({ orderBy: { memberNumber: "asc" } });
    const submittedAt = new Date();
    const request = await db.request.create({
      data: {
        memberId: member.id,
        typeCode: "FINANCIAL_SUPPORT",
        channel: "IN_PERSON",
        subject: "مساعدة في سداد الإيجار",
        status: "SUBMITTED",
        reference: "REQ-2026-990001",
        submittedAt,
        decisionDueAt: new Date(submittedAt.getTime() + 14 * 86_400_000),
      },
    });
    const researcher = await db.user.findUniqueOrThrow({
      where: { email: "researcher@wasl.demo" },
    });
    const page = await openPage();
    const bell = page.getByTestId("bell");

    await step("sign-in", async () => {
      await signInThroughPanel(page, app().url, "researcher@wasl.demo", "Research#2026");
      await bell.waitFor();
      expect(await bell.getAttribute("data-unread")).toBe("0");
    });

    await step("referred", async () => {
      // Staff refer the case from their own desk, while the researcher's panel stays open.
      const token = await app().signIn("staff@wasl.demo", "Staff#2026");
      const referred = await app().gql(
        `mutation($input: ReferToResearcherInput!) { referToResearcher(input: $input) { __typename } }`,
        {
          input: {
            id: gid("Request", request.id),
            version: request.version,
            researcher: gid("User", researcher.id),
          },
        },
        { token },
      );
      expect(referred.data?.referToResearcher?.__typename).toBe("ReferToResearcherSuccess");
      await page.locator('[data-testid="bell"][data-unread="1"]').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId("bell-count").textContent()).toBe("1");
    });

    await step("open-bell", async () => {
      await bell.click();
      const item = page.locator('[data-testid="bell-item"][data-event="CASE_ASSIGNED"]');
      await item.waitFor();
      expect(await item.textContent()).toContain(request.reference ?? "");
      expect(await item.textContent()).toContain("أُسند إليك");
      await page.screenshot({ path: `${screenshotDir}/bell-open-ar.png` });
      await item.click();
      await page.waitForURL(/#\/requests\/.+\/show/);
      await page.locator('[data-testid="bell"][data-unread="0"]').waitFor({ timeout: 10_000 });
    });
  });
});
