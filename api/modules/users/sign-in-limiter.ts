// Failed sign-ins slow down guessing without letting anyone lock a colleague out.
//
// A lock per account would be a denial of service by e-mail address alone: anyone who knows
// an address could keep its owner out. So the limits are keyed so that an attacker only ever
// slows down attempts that come from the attacker's own address:
// - per (account, address) pair: a few free failures, then a delay that doubles with each
//   further failure (1 s, 2 s, 4 s … up to 15 min); a success from that pair clears it;
// - per address: at most 20 failures in 15 minutes, whatever the accounts (one place trying
//   many accounts);
// - per account, a ceiling far above what a person mistypes (50 failures in 15 minutes, i.e.
//   guessing from many addresses): past it, every address that has already failed on the
//   account gets the doubling delay from its first failure. An address with no failure on the
//   account (the real user's) is never delayed by it.
// Kept in memory: with several API instances each keeps its own counts (see the README).

type Failures = { count: number; last: number };

export type SignInLimits = {
  windowMs: number;
  /** Failures of one (account, address) pair before delays start. */
  pairFree: number;
  /** The first delay; each further failure doubles it, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  perAddress: number;
  accountCeiling: number;
};

export const defaultSignInLimits: SignInLimits = {
  windowMs: 15 * 60_000,
  pairFree: 3,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  perAddress: 20,
  accountCeiling: 50,
};

export class SignInLimiter {
  private readonly pairs = new Map<string, Failures>();
  private readonly addresses = new Map<string, number[]>();
  private readonly accounts = new Map<string, number[]>();
  private readonly limits: SignInLimits;
  private writes = 0;

  constructor(limits: Partial<SignInLimits> = {}) {
    this.limits = { ...defaultSignInLimits, ...limits };
  }

  private recent(map: Map<string, number[]>, key: string, now: number): number[] {
    const times = map.get(key)?.filter((t) => now - t < this.limits.windowMs) ?? [];
    if (times.length) map.set(key, times);
    else map.delete(key);
    return times;
  }

  private pair(email: string, address: string, now: number): Failures | undefined {
    const key = `${email}\n${address}`;
    const failures = this.pairs.get(key);
    // A pair forgets its failures after a quiet window longer than its current delay.
    if (
      failures &&
      now - failures.last >= Math.max(this.limits.windowMs, this.delayMs(failures.count, 0))
    ) {
      this.pairs.delete(key);
      return undefined;
    }
    return failures;
  }

  private delayMs(failures: number, free: number): number {
    if (failures < Math.max(free, 1)) return 0;
    const { baseDelayMs, maxDelayMs } = this.limits;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(failures - Math.max(free, 1), 30));
  }

  /** Seconds to wait before another try, or 0 when a try is allowed now. */
  retryAfterSeconds(email: string, address: string, now = Date.now()): number {
    const { perAddress, accountCeiling, pairFree, windowMs } = this.limits;
    let waitMs = 0;
    const pair = this.pair(email, address, now);
    if (pair) {
      const free = this.recent(this.accounts, email, now).length >= accountCeiling ? 0 : pairFree;
      waitMs = Math.max(waitMs, pair.last + this.delayMs(pair.count, free) - now);
    }
    const fromAddress = this.recent(this.addresses, address, now);
    if (fromAddress.length >= perAddress) {
      waitMs = Math.max(waitMs, fromAddress[fromAddress.length - perAddress]! + windowMs - now);
    }
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  recordFailure(email: string, address: string, now = Date.now()): void {
    const pair = this.pair(email, address, now);
    this.pairs.set(`${email}\n${address}`, { count: (pair?.count ?? 0) + 1, last: now });
    for (const [map, key] of [
      [this.addresses, address],
      [this.accounts, email],
    ] as const) {
      const times = this.recent(map, key, now);
      times.push(now);
      map.set(key, times);
    }
    // Bounded memory under a flood of made-up addresses: forget what has expired, now and then.
    if (++this.writes % 1000 === 0) this.sweep(now);
  }

  /** The right password from this address: its pair starts afresh (other pairs keep theirs). */
  recordSuccess(email: string, address: string): void {
    this.pairs.delete(`${email}\n${address}`);
  }

  private sweep(now: number): void {
    for (const key of this.pairs.keys()) {
      const [email, address] = key.split("\n") as [string, string];
      this.pair(email, address, now);
    }
    for (const map of [this.addresses, this.accounts])
      for (const key of map.keys()) this.recent(map, key, now);
  }
}

declare module "../../auth/context.js" {
  interface ModuleServices {
    /** One per server: failed sign-ins are counted across requests (server.ts makes it). */
    signInLimiter: SignInLimiter;
  }
}
