// Sign-in throttling over real HTTP: the address is the socket's, or with TRUST_PROXY the
// one the trusted proxy put in X-Forwarded-For; an attacker cannot lock the real user out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignInLimiter } from "../../api/modules/users/sign-in-limiter.js";
import { csrfHeader } from "../../api/yoga.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { createStaffUser, password } from "../helpers/fixtures.js";

const signInMutation = `mutation($input: SignInInput!) {
  signIn(input: $input) { __typename ... on TooManyAttemptsError { retryAfterSeconds } }
}`;

async function signInOverHttp(
  t: TestApp,
  input: { email: string; password: string },
  forwardedFor?: string,
): Promise<Json> {
  const response = await fetch(`${t.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      [csrfHeader]: "1",
      ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
    },
    body: JSON.stringify({ query: signInMutation, variables: { input } }),
  });
  return ((await response.json()) as Json).data.signIn;
}

describe("behind one trusted proxy (TRUST_PROXY=1)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: "1" } });
    await createStaffUser(t.database.prisma, "victim@test.sa", ["STAFF"]);
  });
  afterAll(() => t?.close());

  it("a wrong-password flood from the attacker's address does not stop the victim's", async () => {
    // Delays of a minute and more: a loaded machine cannot outlast them between the flood
    // and the last check (with the default one-second start it sometimes did).
    t.app.services.signInLimiter = new SignInLimiter({ baseDelayMs: 60_000 });
    const outcomes: string[] = [];
    for (let i = 0; i < 30; i++) {
      const result = await signInOverHttp(
        t,
        { email: "victim@test.sa", password: `guess-${i}` },
        // The client forges the left part; the proxy appended the real address.
        `10.9.9.${i}, 203.0.113.5`,
      );
      outcomes.push(result.__typename);
    }
    expect(outcomes.slice(0, 3)).toEqual(Array(3).fill("InvalidCredentialsError"));
    // Then delays only.
    expect(outcomes.slice(3)).toEqual(Array(27).fill("TooManyAttemptsError"));
    const victim = await signInOverHttp(t, { email: "victim@test.sa", password }, "198.51.100.7");
    expect(victim.__typename).toBe("SignInSuccess");
    // The attacker's pair is still delayed.
    const attacker = await signInOverHttp(t, { email: "victim@test.sa", password }, "203.0.113.5");
    expect(attacker.__typename).toBe("TooManyAttemptsError");
  });

  it("records the forwarded address in the audit log", async () => {
    await signInOverHttp(t, { email: "victim@test.sa", password: "wrong-one" }, "192.0.2.44");
    const entry = await t.database.prisma.auditEntry.findFirst({
      where: { action: "SIGN_IN_FAILED" },
      orderBy: { at: "desc" },
    });
    expect(JSON.stringify(entry?.changes)).toContain("192.0.2.44");
  });
});

describe("with no trusted proxy (TRUST_PROXY=0, the default)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await createStaffUser(t.database.prisma, "victim@test.sa", ["STAFF"]);
  });
  afterAll(() => t?.close());

  it("ignores a forged X-Forwarded-For: changing it does not escape the delay", async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const result = await signInOverHttp(
        t,
        { email: "victim@test.sa", password: `guess-${i}` },
        `203.0.113.${i}`,
      );
      outcomes.push(result.__typename);
    }
    expect(outcomes).toEqual([
      "InvalidCredentialsError",
      "InvalidCredentialsError",
      "InvalidCredentialsError",
      "TooManyAttemptsError",
      "TooManyAttemptsError",
    ]);
  });
});
