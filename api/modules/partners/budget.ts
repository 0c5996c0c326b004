// Each partner key's budget of cost points per hour (GitHub's model): a window opens with the
// key's first call, every call's static cost (cost.ts) is charged before it runs, and a call
// the remaining points cannot pay is refused until the window ends (resetAt).
//
// Counted in memory, per API instance: a partner spreading its calls over n instances behind a
// load balancer can spend up to n budgets an hour (README, "Limits"). The count is a Map lookup
// and two additions per call; sharing it would add a round trip to Redis or PostgreSQL to
// every partner call, which the partner-verify bench's budget (key lookup and cost accounting
// must be cheap) does not leave room for.

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

type Window = { start: number; used: number };

export class PartnerBudgets {
  private readonly windows = new Map<string, Window>();
  private charges = 0;

  /** The clock: tests move it forward instead of sleeping. */
  constructor(public now: () => number = Date.now) {}

  /** Charges the cost to the key's window, or refuses it (allowed false) without charging. */
  charge(apiKeyId: string, cost: number, limit: number): BudgetReport & { allowed: boolean } {
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

  private sweep(now: number): void {
    for (const [key, window] of this.windows)
      if (now >= window.start + budgetWindowMs) this.windows.delete(key);
  }
}
