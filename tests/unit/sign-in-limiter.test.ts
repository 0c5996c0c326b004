// The sign-in limits, on a clock the test controls: an attacker slows down only their own
// attempts, and a pair's delays grow.
import { describe, expect, it } from "vitest";
import { SignInLimiter } from "../../api/modules/users/sign-in-limiter.js";

const victim = "victim@test.sa";

describe("SignInLimiter", () => {
  it("doubles the delay of one (account, address) pair with each further failure", () => {
    const limiter = new SignInLimiter();
    let now = 1_000_000;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const wait = limiter.retryAfterSeconds(victim, "203.0.113.5", now);
      now += wait * 1000;
      limiter.recordFailure(victim, "203.0.113.5", now);
      waits.push(limiter.retryAfterSeconds(victim, "203.0.113.5", now));
    }
    expect(waits).toEqual([0, 0, 1, 2, 4, 8, 16, 32]);
  });

  it("a flood for (victim, attacker address) never delays (victim, victim address)", () => {
    const limiter = new SignInLimiter();
    let now = 1_000_000;
    for (let i = 0; i < 500; i++) {
      now += limiter.retryAfterSeconds(victim, "203.0.113.5", now) * 1000;
      limiter.recordFailure(victim, "203.0.113.5", now);
    }
    expect(limiter.retryAfterSeconds(victim, "203.0.113.5", now)).toBeGreaterThan(0);
    expect(limiter.retryAfterSeconds(victim, "198.51.100.7", now)).toBe(0);
  });

  it("past the account ceiling, addresses that failed are delayed at once; others are not", () => {
    const limiter = new SignInLimiter();
    const now = 1_000_000;
    for (let i = 0; i < 60; i++) limiter.recordFailure(victim, `10.0.${i >> 8}.${i & 255}`, now);
    // One failure each: below the pair's free failures, but the account is under attack.
    expect(limiter.retryAfterSeconds(victim, "10.0.0.1", now)).toBe(1);
    expect(limiter.retryAfterSeconds(victim, "198.51.100.7", now)).toBe(0);
  });

  it("limits one address trying many accounts", () => {
    const limiter = new SignInLimiter();
    const now = 1_000_000;
    for (let i = 0; i < 20; i++) limiter.recordFailure(`user${i}@test.sa`, "203.0.113.5", now);
    expect(limiter.retryAfterSeconds("other@test.sa", "203.0.113.5", now)).toBe(15 * 60);
    expect(limiter.retryAfterSeconds("other@test.sa", "198.51.100.7", now)).toBe(0);
  });

  it("a success clears the pair, and a quiet window forgets it", () => {
    const limiter = new SignInLimiter();
    const now = 1_000_000;
    for (let i = 0; i < 5; i++) limiter.recordFailure(victim, "203.0.113.5", now);
    expect(limiter.retryAfterSeconds(victim, "203.0.113.5", now)).toBe(4);
    expect(limiter.retryAfterSeconds(victim, "203.0.113.5", now + 16 * 60_000)).toBe(0);
    for (let i = 0; i < 5; i++) limiter.recordFailure(victim, "203.0.113.6", now);
    limiter.recordSuccess(victim, "203.0.113.6");
    expect(limiter.retryAfterSeconds(victim, "203.0.113.6", now)).toBe(0);
  });
});
