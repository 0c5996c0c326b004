import { jwtVerify, SignJWT } from "jose";

/** The signed session token: who, and when it was issued (checked against revocation). */
export type SessionClaims = { userId: string; issuedAt: Date; expiresAt: Date };

const issuer = "wasl";

// Given raw bytes, jose imports a WebCrypto key on every call (a measurable share of each
// authenticated request); the imported key is kept per secret instead.
const keys = new WeakMap<Uint8Array, Promise<CryptoKey>>();
function hmacKey(secret: Uint8Array): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey(
      "raw",
      new Uint8Array(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    keys.set(secret, key);
  }
  return key;
}

export async function issueSessionToken(
  secret: Uint8Array,
  userId: string,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const now = Date.now();
  const expiresAt = new Date(now + ttlSeconds * 1000);
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setIssuer(issuer)
    // Milliseconds, not the standard whole seconds: a token issued in the same second as a
    // sign-out must still be told apart from the ones the sign-out revoked.
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .setJti(String(now))
    .sign(await hmacKey(secret));
  return { token, expiresAt };
}

// A token's signature never changes: once verified, the same string is valid until it expires
// (revocation is the caller's check against the user row, on every request). Verifying is an
// asynchronous WebCrypto job; most requests repeat a token verified moments ago.
const verifiedTokens = new WeakMap<Uint8Array, Map<string, SessionClaims>>();
const maxVerifiedTokens = 10_000;

/** The claims of a valid token, or null for anything forged, expired or malformed. */
export async function readSessionToken(
  secret: Uint8Array,
  token: string,
): Promise<SessionClaims | null> {
  let verified = verifiedTokens.get(secret);
  if (!verified) {
    verified = new Map();
    verifiedTokens.set(secret, verified);
  }
  const known = verified.get(token);
  if (known) {
    if (known.expiresAt.getTime() > Date.now()) return known;
    verified.delete(token);
    return null;
  }
  const claims = await verifySessionToken(secret, token);
  if (claims) {
    // Oldest first out: a Map iterates in insertion order.
    if (verified.size >= maxVerifiedTokens) verified.delete(verified.keys().next().value!);
    verified.set(token, claims);
  }
  return claims;
}

async function verifySessionToken(
  secret: Uint8Array,
  token: string,
): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, await hmacKey(secret), {
      issuer,
      algorithms: ["HS256"],
    });
    if (!payload.sub || !payload.exp || !payload.jti) return null;
    return {
      userId: payload.sub,
      issuedAt: new Date(Number(payload.jti)),
      expiresAt: new Date(payload.exp * 1000),
    };
  } catch {
    return null;
  }
}
