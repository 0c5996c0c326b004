import { createHash, randomBytes } from "node:crypto";

// A partner API key reads `wasl_<prefix>_<secret>`. Only the prefix (to find the row) and a
// sha256 of the whole key are stored: the key has 192 bits of entropy, so a slow hash adds
// nothing but latency to every partner call.
const keyPattern = /^wasl_([a-z0-9]{8})_([A-Za-z0-9_-]{32})$/;

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
  const key = `wasl_${prefix}_${randomBytes(24).toString("base64url")}`;
  return { key, prefix, keyHash: hashApiKey(key) };
}
