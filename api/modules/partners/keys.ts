import { createHash, randomBytes } from "node:crypto";

// A partner API key reads `wasl_pk_<prefix>_<secret>`. Only the prefix (shown in the panel, to
// find the row) and a sha256 of the whole key are stored: the secret has 192 bits of entropy,
// so a slow hash (argon2) would add nothing but latency to every partner call.
const keyPattern = /^wasl_pk_([a-z0-9]{8})_([A-Za-z0-9_-]{32})$/;

/** What every key starts with: how a bearer token is told from a staff session token. */
export const apiKeyMark = "wasl_pk_";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function parseApiKey(key: string): { prefix: string } | null {
  const match = keyPattern.exec(key);
  return match ? { prefix: match[1]! } : null;
}

/** A new key; `prefix` may be fixed for demo data. */
export function generateApiKey(prefix = randomBytes(6).toString("hex").slice(0, 8)): {
  key: string;
  prefix: string;
  keyHash: string;
} {
  const key = `${apiKeyMark}${prefix}_${randomBytes(24).toString("base64url")}`;
  return { key, prefix, keyHash: hashApiKey(key) };
}
