// @vitest-environment node
// The panel's calls for partners' shares, webhooks and key limits against the real API
// (in-process), as the member desk and as an admin: every document the panel sends is one the
// schema accepts, and the API's typed errors come back keyed by field.
import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";
import { demoPartner } from "../../prisma/seed/accounts.js";
import { gid } from "../helpers/ids.js";
import { demoPanel, failure } from "./api-helpers.js";

vi.mock("ra-data-graphql", () => createRequire(import.meta.url)("ra-data-graphql"));

const panel = demoPanel({ members: 5, requests: 5 }, ["admin", "staff"]);

const consent = { givenBy: "سارة", method: "OTP", givenAt: "2026-12-01T09:00:00.000Z" };

describe("the panel's partner calls", () => {
  it("shares a request, lists it and revokes it; a second share is refused on its field", async () => {
    const request = await panel.api.database.prisma.request.findFirstOrThrow({
      where: { partnerId: null },
    });
    const requestId = gid("Request", request.id);
    const [partner] = await panel.as.staff.shareablePartners();
    expect(partner?.nameAr).toBe(demoPartner.nameAr);
    const shared = await panel.as.staff.shareRequestWithPartner(requestId, partner!.id, consent);
    expect(shared).toMatchObject([
      { partner: { nameAr: demoPartner.nameAr }, consentGivenBy: "سارة", consentMethod: "OTP" },
    ]);
    expect(await panel.as.staff.requestPartnerShares(requestId)).toEqual(shared);
    const twice = await failure(
      panel.as.staff.shareRequestWithPartner(requestId, partner!.id, consent),
    );
    expect(Object.keys((twice.body as { errors: object }).errors)).toContain("partner");
    expect(await panel.as.staff.revokeRequestPartnerShare(shared[0]!.id)).toEqual([]);
    const gone = await failure(panel.as.staff.revokeRequestPartnerShare(shared[0]!.id));
    expect((gone.body as { code?: string }).code).toBe("NOT_FOUND");
  });

  it("disables a webhook and sets a key's limits (admins)", async () => {
    const db = panel.api.database.prisma;
    const partner = await db.partner.findFirstOrThrow({ where: { name: demoPartner.name } });
    const webhook = await db.webhook.create({
      data: { partnerId: partner.id, url: "https://hooks.example/x", events: [], secret: "s" },
    });
    const { data } = await panel.as.admin.getList("webhooks", {
      pagination: { page: 1, perPage: 25 },
      sort: { field: "id", order: "DESC" },
      filter: {},
    });
    expect(data.find((w) => w.url === "https://hooks.example/x")).toMatchObject({
      active: true,
      lastDelivery: null,
      partnerName: demoPartner.name,
    });
    const disabled = await panel.as.admin.disableWebhook(gid("Webhook", webhook.id));
    expect(disabled.active).toBe(false);

    const key = await db.apiKey.findFirstOrThrow({ where: { prefix: demoPartner.prefix } });
    const limit = await panel.as.admin.setPartnerKeyLimit(gid("ApiKey", key.id), {
      pointsPerHour: 1200,
      persistedOnly: true,
    });
    expect(limit).toMatchObject({ pointsPerHour: 1200, persistedOnly: true });
    const { data: read } = await panel.as.admin.getOne("partners", {
      id: gid("Partner", partner.id),
    });
    const keys = (read.apiKeys as { edges: { node: { limit: unknown } }[] }).edges;
    expect(keys.map((e) => e.node.limit)).toContainEqual(
      expect.objectContaining({ pointsPerHour: 1200, persistedOnly: true }),
    );
    const refused = await failure(
      panel.as.admin.setPartnerKeyLimit(gid("ApiKey", key.id), {
        pointsPerHour: 0,
        persistedOnly: false,
      }),
    );
    expect(Object.keys((refused.body as { errors: object }).errors)).toContain("pointsPerHour");
  });
});
