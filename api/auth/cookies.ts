export const sessionCookieName = "wasl_session";

/**
 * The named cookie's value, or undefined when it is absent or not validly encoded. A malformed
 * value is treated as absent rather than refused: it can hold no token we issued, and a 400
 * would lock the browser out until its cookies are cleared (even signing in again, which
 * replaces the cookie, would be refused). The caller is then simply not signed in.
 */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join("="));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** httpOnly so scripts cannot read it; SameSite=Lax plus yoga's CSRF header guard writes. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${sessionCookieName}=${encodeURIComponent(token)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie("", 0, secure);
}
