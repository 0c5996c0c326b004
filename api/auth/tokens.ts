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

/** The claims of a valid token, or null for anything forged, expired or malformed. */
export async function readSessionToken(
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
