// @vitest-environment node
// Partners' screens end to end, in Chromium, in Arabic, at desktop and phone size (390×844: no
// sideways scroll), axe clean: staff record a member's consent to share a request with the
// demo partner on its case file — a consent dated in the future is refused under its field —
// see the share and revoke it; an admin lists partners' webhooks with their last delivery and
// disables one, and sets a key's limits on the partner's screen. Screenshots on failure.
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { demoPartner } from "../../prisma/seed/accounts.js";
import { gid } from "../helpers/ids.js";
import {
  browserSuite,
  caseFilePath,
  describeInChromium,
  overflow,
  settled,
  signInThroughPanel,
  type Viewport,
} from "./helpers.js";

const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(tags).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes[0]?.target.join(" ")}`);
}

const sizes: (Viewport & { name: string })[] = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844, touch: true },
];

describeInChromium("partners' screens (Chromium)", () => {
  const { app, openPage, step } = browserSuite("partners-shares-");
  const db = () => app().database.prisma;

  it.each(sizes)("staff share a request with a partner and revoke it ($name)", async (size) => {
    const page = await openPage(size);
    const partner = await db().partner.findFirstOrThrow({ where: { name: demoPartner.name } });
    // A request the demo partner did not submit and that is not shared with it yet.
    const request = await db().request.findFirstOrThrow({
      where: {
        partnerId: null,
        sharedWithPartnerIds: { isEmpty: true },
        member: { fullNameAr: { not: "" } },
      },
      orderBy: { createdAt: size.name === "phone" ? "asc" : "desc" },
    });
    await step(`open the partners tab (${size.name})`, async () => {
      await signInThroughPanel(page, app().url, "staff@wasl.demo", "Staff#2026");
      await page.goto(`${app().url}${caseFilePath(gid("Request", request.id), "partners")}`);
      await page.getByTestId("partner-shares-none").waitFor({ timeout: 20_000 });
      expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    });
    await step(`a consent in the future is refused under its field (${size.name})`, async () => {
      await page.getByTestId("share-open").click();
      const dialog = page.getByTestId("share-dialog");
      await dialog.getByRole("combobox", { name: /الجهة الشريكة/ }).click();
      await page.getByRole("option", { name: demoPartner.nameAr }).click();
      await dialog.getByLabel(/من أعطى الموافقة/).fill("سارة أحمد القحطاني");
      await dialog.getByLabel(/وقت الموافقة/).fill("2099-01-01T10:00");
      await dialog.getByTestId("share-save").click();
      await dialog.getByText("وقت موافقة العضو لا يكون في المستقبل.").waitFor();
      expect(await db().requestPartnerShare.count({ where: { requestId: request.id } })).toBe(0);
    });
    await step(`share (${size.name})`, async () => {
      const dialog = page.getByTestId("share-dialog");
      await dialog.getByLabel(/وقت الموافقة/).fill("2026-12-01T09:30");
      await dialog.getByTestId("share-save").click();
      const card = page.getByTestId("partner-share");
      await card.waitFor({ timeout: 20_000 });
      expect(await card.textContent()).toContain(demoPartner.nameAr);
      expect(await card.textContent()).toContain("سارة أحمد القحطاني");
      expect(await card.textContent()).toContain("نموذج موقّع");
      const stored = await db().request.findUniqueOrThrow({ where: { id: request.id } });
      expect(stored.sharedWithPartnerIds).toEqual([partner.id]);
      await settled(page);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await violations(page)).toEqual([]);
    });
    await step(`revoke after confirming (${size.name})`, async () => {
      await page.getByTestId("share-revoke").click();
      const confirm = page.getByRole("dialog");
      expect(await confirm.textContent()).toContain(demoPartner.nameAr);
      await confirm.getByRole("button", { name: "إلغاء المشاركة" }).click();
      await page.getByTestId("partner-shares-none").waitFor({ timeout: 20_000 });
      expect(await db().requestPartnerShare.count({ where: { requestId: request.id } })).toBe(0);
      const stored = await db().request.findUniqueOrThrow({ where: { id: request.id } });
      expect(stored.sharedWithPartnerIds).toEqual([]);
    });
  });

  it.each(sizes)(
    "admins disable a partner's webhook and set a key's limits ($name)",
    async (size) => {
      const page = await openPage(size);
      const partner = await db().partner.findFirstOrThrow({ where: { name: demoPartner.name } });
      const url = `https://hooks.partner.example/${size.name}`;
      const webhook = await db().webhook.create({
        data: {
          partnerId: partner.id,
          url,
          events: ["REQUEST_STATUS_CHANGED"],
          secret: "whsec_e2e",
        },
      });
      await step(`list the webhooks (${size.name})`, async () => {
        await signInThroughPanel(page, app().url, "admin@wasl.demo", "Admin#2026");
        await page.goto(`${app().url}/#/webhooks`);
        await page.getByText(url).first().waitFor({ timeout: 20_000 });
        await settled(page);
        expect(await page.getByText("لم يُرسل إليه شيء بعد").count()).toBeGreaterThan(0);
        expect(await overflow(page)).toBeLessThanOrEqual(0);
        expect(await violations(page)).toEqual([]);
      });
      await step(`disable one (${size.name})`, async () => {
        const row = page.locator("tr, li").filter({ hasText: url }).first();
        await row.getByTestId("webhook-disable").click();
        const confirm = page.getByRole("dialog");
        expect(await confirm.textContent()).toContain(partner.name);
        await confirm.getByRole("button", { name: "إيقاف" }).click();
        await row.locator('[data-state="disabled"]').waitFor({ timeout: 20_000 });
        const stored = await db().webhook.findUniqueOrThrow({ where: { id: webhook.id } });
        expect(stored.active).toBe(false);
      });
      await step(`set the demo key's limits (${size.name})`, async () => {
        await page.goto(`${app().url}/#/partners`);
        await page.getByText(demoPartner.nameAr).first().click();
        const key = page.getByTestId(`api-key-wasl_pk_${demoPartner.prefix}`);
        await key.waitFor({ timeout: 20_000 });
        await key.getByRole("button", { name: "الحدود" }).click();
        const dialog = page.getByTestId("key-limits");
        const points = size.name === "phone" ? 1200 : 900;
        await dialog.getByLabel(/الرصيد بالنقاط في الساعة/).fill(String(points));
        await dialog.getByLabel("العمليات المسجّلة فقط").check();
        await dialog.getByRole("button", { name: "حفظ" }).click();
        await key
          .getByTestId("key-limit")
          .getByText(/العمليات المسجّلة فقط/)
          .waitFor({
            timeout: 20_000,
          });
        const stored = await db().partnerKeyLimit.findFirstOrThrow({
          where: {
            apiKeyId: (
              await db().apiKey.findFirstOrThrow({ where: { prefix: demoPartner.prefix } })
            ).id,
          },
        });
        expect(stored).toMatchObject({ pointsPerHour: points, persistedOnly: true });
        await settled(page);
        expect(await overflow(page)).toBeLessThanOrEqual(0);
        expect(await violations(page)).toEqual([]);
      });
    },
  );
});
