// @vitest-environment node
// Partners and their keys end to end, in Chromium, in Arabic: an admin opens the demo partner,
// issues a key — shown once, with its warning — which then works against the API and appears
// in the list by its prefix only; the admin revokes it after confirming, and the key is refused
// at once. Screenshots on failure.
import { expect, it } from "vitest";
import { browserSuite, describeInChromium, signInThroughPanel } from "./helpers.js";

describeInChromium("partners and their API keys (Chromium)", () => {
  const { app, openPage, step } = browserSuite("partners-");

  const viewer = async (key: string) => {
    const response = await fetch(`${app().url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": key },
      body: JSON.stringify({ query: "{ partnerViewer { name } }" }),
    });
    return ((await response.json()) as { data?: { partnerViewer?: { name: string } | null } }).data
      ?.partnerViewer;
  };

  it("issues a key shown once, then revokes it after confirmation", async () => {
    const page = await openPage();
    let key = "";
    await step("open the partner", async () => {
      await signInThroughPanel(page, app().url, "admin@wasl.demo", "Admin#2026");
      await page.goto(`${app().url}/#/partners`);
      await page.getByText("منصة الخدمات المجتمعية (تجريبي)").first().click();
      await page.getByTestId("api-keys").waitFor({ timeout: 20_000 });
      expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
      // The demo key, by its prefix.
      await page.getByTestId("api-key-wasl_pk_demo0001").waitFor({ timeout: 20_000 });
    });
    await step("issue", async () => {
      await page.getByRole("button", { name: "إصدار مفتاح" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("وصف المفتاح").fill("تجربة");
      await dialog.getByLabel("التحقق من العضوية").check();
      await dialog.getByRole("button", { name: "إصدار مفتاح" }).click();
      const issued = page.getByTestId("issued-key");
      await issued.waitFor();
      expect(await issued.textContent()).toContain("لن يظهر مرة أخرى");
      key = (await page.getByTestId("issued-key-value").textContent()) ?? "";
      expect(key).toMatch(/^wasl_pk_[a-z0-9]{8}_/);
      expect((await viewer(key))?.name).toBe("Community Services Platform (demo)");
      await issued.getByRole("button", { name: "نسخته، أغلق" }).click();
      const prefix = key.split("_").slice(0, 3).join("_");
      await page.getByTestId(`api-key-${prefix}`).waitFor();
      expect(await page.getByText(key).count()).toBe(0);
    });
    await step("revoke", async () => {
      const prefix = key.split("_").slice(0, 3).join("_");
      await page.getByTestId(`api-key-${prefix}`).getByRole("button", { name: "إلغاء" }).click();
      const confirm = page.getByRole("dialog");
      expect(await confirm.textContent()).toContain(prefix);
      await confirm.getByRole("button", { name: "إلغاء" }).last().click();
      await page.getByTestId(`api-key-${prefix}`).getByText("ملغى").waitFor({ timeout: 20_000 });
      expect(await viewer(key)).toBeFalsy();
    });
  });
});
