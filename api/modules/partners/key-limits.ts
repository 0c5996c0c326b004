// A key's own limits (PartnerKeyLimit): its hourly budget if not the default, and whether it
// runs registered operations only. Read once per key every `ttlMs` (30 s): a change reaches
// every instance within that time without a query per partner call.
import type { PrismaClient } from "../../db/client.js";

export type KeyLimit = { pointsPerHour: number | null; persistedOnly: boolean };

const none: KeyLimit = { pointsPerHour: null, persistedOnly: false };

export class PartnerKeyLimits {
  private readonly cache = new Map<string, { limit: Promise<KeyLimit>; until: number }>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly ttlMs = 30_000,
  ) {}

  get(apiKeyId: string, now = Date.now()): Promise<KeyLimit> {
    const cached = this.cache.get(apiKeyId);
    if (cached && now < cached.until) return cached.limit;
    const limit = this.prisma.partnerKeyLimit
      .findUnique({
        where: { apiKeyId },
        select: { pointsPerHour: true, persistedOnly: true },
      })
      .then((row) => row ?? none);
    this.cache.set(apiKeyId, { limit, until: now + this.ttlMs });
    // A failed read is not kept: the next call reads again.
    limit.catch(() => this.cache.delete(apiKeyId));
    return limit;
  }

  /** Forgets a key's cached limits (after an admin changes them on this instance). */
  forget(apiKeyId: string): void {
    this.cache.delete(apiKeyId);
  }
}
