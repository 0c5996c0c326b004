// Each partner key's budget of cost points per hour (GitHub's model): a window opens with the
// key's first call, every call's static cost (cost.ts) is charged before it runs, and a call
// the remaining points cannot pay is refused, uncharged, until the window ends (resetAt).
//
// Two stores: in memory, per API instance (a Map lookup and an addition), or, with REDIS_URL,
// in Redis, shared by every instance (one round trip per partner call; README, "Partner API
// limits", gives both costs).
import type { Redis } from "ioredis";

export const budgetWindowMs = 3_600_000;

/** What a call asked and what is left, as `extensions.cost` reports it. */
export type BudgetReport = {
  /** The call's cost in points. */
  requested: number;
  /** Points left in this window after the call (before it, when it was refused). */
  remaining: number;
  /** Points per window. */
  limit: number;
  /** When the window ends and the budget is whole again. */
  resetAt: Date;
};

export type BudgetCharge = BudgetReport & { allowed: boolean };

/** Where the keys' windows are counted. */
export interface BudgetStore {
  /** Charges the cost to the key's window, or refuses it (allowed false) without charging. */
  charge(apiKeyId: string, cost: number, limit: number): Promise<BudgetCharge>;
  /** The clock the reset times are read against. */
  now(): number;
  close(): Promise<void>;
}

type Window = { start: number; used: number };

/** Counted in memory: each API instance keeps its own windows. */
export class PartnerBudgets implements BudgetStore {
  private readonly windows = new Map<string, Window>();
  private charges = 0;

  /** The clock: tests move it forward instead of sleeping. */
  constructor(public now: () => number = Date.now) {}

  async charge(apiKeyId: string, cost: number, limit: number): Promise<BudgetCharge> {
    return this.chargeNow(apiKeyId, cost, limit);
  }

  private chargeNow(apiKeyId: string, cost: number, limit: number): BudgetCharge {
    const now = this.now();
    let window = this.windows.get(apiKeyId);
    if (!window || now >= window.start + budgetWindowMs) {
      window = { start: now, used: 0 };
      this.windows.set(apiKeyId, window);
    }
    const allowed = window.used + cost <= limit;
    if (allowed) window.used += cost;
    // Bounded memory: keys whose window has ended are forgotten now and then.
    if (++this.charges % 1000 === 0) this.sweep(now);
    return {
      allowed,
      requested: cost,
      remaining: Math.max(0, limit - window.used),
      limit,
      resetAt: new Date(window.start + budgetWindowMs),
    };
  }

  async close(): Promise<void> {}

  private sweep(now: number): void {
    for (const [key, window] of this.windows)
      if (now >= window.start + budgetWindowMs) this.windows.delete(key);
  }
}

// One round trip, atomic: the window's points used and its time left, charged if they allow.
// A key without an expiry (or none at all) opens a new window.
const chargeScript = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then used = 0; ttl = tonumber(ARGV[3]) end
local allowed = 0
if used + tonumber(ARGV[1]) <= tonumber(ARGV[2]) then
  used = used + tonumber(ARGV[1])
  allowed = 1
  redis.call('SET', KEYS[1], used, 'PX', ttl)
end
return {allowed, used, ttl}`;

/** Counted in Redis: every instance charges the same windows (Redis expires them). */
export class RedisBudgets implements BudgetStore {
  constructor(private readonly redis: Redis) {}

  now(): number {
    return Date.now();
  }

  async charge(apiKeyId: string, cost: number, limit: number): Promise<BudgetCharge> {
    const [allowed, used, ttl] = (await this.redis.eval(
      chargeScript,
      1,
      `wasl:partner-budget:${apiKeyId}`,
      cost,
      limit,
      budgetWindowMs,
    )) as [number, number, number];
    return {
      allowed: allowed === 1,
      requested: cost,
      remaining: Math.max(0, limit - used),
      limit,
      resetAt: new Date(this.now() + ttl),
    };
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
