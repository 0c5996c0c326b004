// Failed sign-ins are limited per account and per client address, so a password cannot be
// guessed by trying many from one place or one account from many places. Kept in memory:
// with several API instances each keeps its own window (documented in the README).

type Window = { failures: number[] };

export class SignInLimiter {
  private readonly windows = new Map<string, Window>();
  constructor(
    private readonly windowMs = 15 * 60_000,
    private readonly perAccount = 5,
    private readonly perAddress = 20,
  ) {}

  private recent(key: string, now: number): number[] {
    const window = this.windows.get(key);
    if (!window) return [];
    window.failures = window.failures.filter((t) => now - t < this.windowMs);
    if (!window.failures.length) this.windows.delete(key);
    return window.failures;
  }

  /** Seconds to wait before another try, or 0 when a try is allowed now. */
  retryAfterSeconds(email: string, address: string, now = Date.now()): number {
    const limits: [string, number][] = [
      [`account:${email}`, this.perAccount],
      [`address:${address}`, this.perAddress],
    ];
    let wait = 0;
    for (const [key, limit] of limits) {
      const failures = this.recent(key, now);
      if (failures.length >= limit) {
        wait = Math.max(
          wait,
          Math.ceil((failures[failures.length - limit]! + this.windowMs - now) / 1000),
        );
      }
    }
    return wait;
  }

  recordFailure(email: string, address: string, now = Date.now()): void {
    for (const key of [`account:${email}`, `address:${address}`]) {
      const window = this.windows.get(key) ?? { failures: [] };
      window.failures.push(now);
      this.windows.set(key, window);
    }
  }

  recordSuccess(email: string): void {
    this.windows.delete(`account:${email}`);
  }
}
