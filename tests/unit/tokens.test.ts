// Session tokens: forged, tampered and expired tokens are refused, also once a token has been
// verified before (verified tokens are remembered until they expire).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { issueSessionToken, readSessionToken } from "../../api/auth/tokens.js";

const secret = new Uint8Array(randomBytes(32));

describe("session tokens", () => {
  it("reads back who and when, the second time from memory", async () => {
    const { token, expiresAt } = await issueSessionToken(secret, "user-1", 3600);
    const first = await readSessionToken(secret, token);
    expect(first).toMatchObject({
      userId: "user-1",
      expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000),
    });
    expect(await readSessionToken(secret, token)).toEqual(first);
  });

  it("refuses a token signed with another secret, or tampered with", async () => {
    const { token } = await issueSessionToken(secret, "user-1", 3600);
    await readSessionToken(secret, token);
    expect(await readSessionToken(new Uint8Array(randomBytes(32)), token)).toBeNull();
    const [header, payload, signature] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, "base64url").toString()),
        sub: "admin",
      }),
    ).toString("base64url");
    expect(await readSessionToken(secret, `${header}.${forged}.${signature}`)).toBeNull();
    expect(await readSessionToken(secret, "not.a.token")).toBeNull();
  });

  it("refuses a remembered token once it has expired", async () => {
    const { token } = await issueSessionToken(secret, "user-2", 1);
    expect(await readSessionToken(secret, token)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await readSessionToken(secret, token)).toBeNull();
  });
});
