// How a partner's API key becomes its caller, without a query per call: a key's row (with its
// partner's state and its IP allow-list, compiled) is kept in memory by prefix. An entry is
// dropped when the key is revoked or rotated or its partner changes (`forget`, on the
// `partnerAccessRevoked` event that crosses instances through the pub/sub), and reloaded after
// `ttlMs` anyway in case an event was missed. Expiry is checked on every call against the
// kept row, so a key (or a rotation's overlap) ends on time without any event.
import { timingSafeEqual } from "node:crypto";
import type { PartnerCaller, PartnerKeys } from "../../auth/caller.js";
import type { PrismaClient } from "../../db/client.js";
import type { PartnerScope } from "../../db/generated/enums.js";
import type { Logger } from "../../logger.js";
import { type AddressCheck, allowListCheck } from "./ip-allow-list.js";
import { hashApiKey, parseApiKey } from "./keys.js";

type KeyState = {
  apiKeyId: string;
  partnerId: string;
  partnerName: string;
  usable: boolean;
  keyHash: Buffer;
  scopes: PartnerScope[];
  expiresAt: Date | null;
  allowed: AddressCheck;
};

type Entry = { state: KeyState | null; at: number; lastUsedWritten: number };

export type KeyCacheOptions = {
  /** How long a kept key is trusted without an event (a missed event heals after this). */
  ttlMs?: number;
  /** lastUsedAt is written at most this often per key (and per instance). */
  lastUsedEveryMs?: number;
};

export class PartnerKeyCache implements PartnerKeys {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every invalidation: a read that began before one is not kept. */
  private generation = 0;
  private readonly ttlMs: number;
  private readonly lastUsedEveryMs: number;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly log: Logger,
    options: KeyCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.lastUsedEveryMs = options.lastUsedEveryMs ?? 60_000;
  }

  async resolve(key: string, clientAddress: string, now = Date.now()) {
    const parsed = parseApiKey(key);
    if (!parsed) return undefined;
    const entry = await this.entry(parsed.prefix, now);
    const state = entry.state;
    if (!state?.usable) return undefined;
    if (state.expiresAt && state.expiresAt.getTime() <= now) return undefined;
    const actual = Buffer.from(hashApiKey(key), "hex");
    if (actual.length !== state.keyHash.length || !timingSafeEqual(actual, state.keyHash))
      return undefined;
    if (!state.allowed(clientAddress)) return undefined;
    if (now - entry.lastUsedWritten >= this.lastUsedEveryMs) {
      entry.lastUsedWritten = now;
      this.prisma.apiKey
        .updateMany({ where: { id: state.apiKeyId }, data: { lastUsedAt: new Date(now) } })
        .catch((err: unknown) => this.log.warn({ err }, "could not record a key's last use"));
    }
    const caller: PartnerCaller = {
      kind: "partner",
      partnerId: state.partnerId,
      apiKeyId: state.apiKeyId,
      name: state.partnerName,
      scopes: state.scopes,
      keyExpiresAt: state.expiresAt,
    };
    return caller;
  }

  forget({ partnerId, apiKeyId }: { partnerId: string; apiKeyId?: string | undefined }): void {
    for (const [prefix, entry] of this.entries) {
      const state = entry.state;
      if (apiKeyId ? state?.apiKeyId === apiKeyId : state?.partnerId === partnerId)
        this.entries.delete(prefix);
    }
    this.generation++;
  }

  private async entry(prefix: string, now: number): Promise<Entry> {
    const kept = this.entries.get(prefix);
    if (kept && now - kept.at < this.ttlMs) return kept;
    const generation = this.generation;
    const row = await this.prisma.apiKey.findUnique({
      where: { prefix },
      select: {
        id: true,
        keyHash: true,
        scopes: true,
        expiresAt: true,
        revokedAt: true,
        allowedIps: true,
        partner: { select: { id: true, name: true, active: true } },
      },
    });
    const entry: Entry = {
      state: row && {
        apiKeyId: row.id,
        partnerId: row.partner.id,
        partnerName: row.partner.name,
        usable: !row.revokedAt && row.partner.active,
        keyHash: Buffer.from(row.keyHash, "hex"),
        scopes: row.scopes,
        expiresAt: row.expiresAt,
        allowed: allowListCheck(row.allowedIps),
      },
      at: now,
      lastUsedWritten: kept?.lastUsedWritten ?? 0,
    };
    // Unknown prefixes are not kept: guessing them must not fill the memory.
    if (row && generation === this.generation) this.entries.set(prefix, entry);
    return entry;
  }
}
