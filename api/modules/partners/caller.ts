// Partners reach the API with an API key (keys.ts); this is how a key becomes its caller,
// wired into caller resolution by the composition root (server.ts).
import { timingSafeEqual } from "node:crypto";
import type { ApiKeyResolver } from "../../auth/caller.js";
import { hashApiKey, parseApiKey } from "./keys.js";

/** A partner's caller from its API key: unknown, revoked, expired or inactive keys are none. */
export const resolvePartnerKey: ApiKeyResolver = async (prisma, key) => {
  const parsed = parseApiKey(key);
  if (!parsed) return undefined;
  const row = await prisma.apiKey.findUnique({
    where: { prefix: parsed.prefix },
    include: { partner: { select: { id: true, name: true, active: true } } },
  });
  if (!row || row.revokedAt || !row.partner.active) return undefined;
  if (row.expiresAt && row.expiresAt < new Date()) return undefined;
  const expected = Buffer.from(row.keyHash, "hex");
  const actual = Buffer.from(hashApiKey(key), "hex");
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  return {
    kind: "partner",
    partnerId: row.partner.id,
    apiKeyId: row.id,
    name: row.partner.name,
    scopes: row.scopes,
  };
};
