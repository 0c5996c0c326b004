// Links sent to a member (the attestation's signing link, a survey invitation): the token is
// 32 random bytes, the proof is possessing it, and only its sha256 is stored.
import { createHash, randomBytes } from "node:crypto";

export function linkTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A fresh token and the hash to store. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: linkTokenHash(token) };
}

/** Whether a string has the shape of a token we issue (checked before any lookup). */
export function isLinkToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
