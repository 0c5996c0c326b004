import type { Config } from "../config.js";
import type { PartnerScope, Role } from "../db/generated/enums.js";
import type { SessionCache } from "./session-cache.js";
import { readSessionToken } from "./tokens.js";

export type StaffCaller = {
  kind: "user";
  id: string;
  email: string;
  fullName: string;
  roles: Role[];
  personalDataAccess: boolean;
};
export type PartnerCaller = {
  kind: "partner";
  partnerId: string;
  apiKeyId: string;
  name: string;
  scopes: PartnerScope[];
  /** When the key stops being accepted (its expiry, or the end of a rotation's overlap). */
  keyExpiresAt: Date | null;
};
/**
 * A member acting through a single-use link sent to their own mobile or e-mail (possession of
 * the link is the proof); never resolved from request credentials.
 */
export type MemberCaller = { kind: "member"; memberId: string; label: string };

export type Caller = { kind: "anonymous" } | StaffCaller | PartnerCaller | MemberCaller;

export const anonymous: Caller = { kind: "anonymous" };

/** Where a request says who it is: a bearer token or API key, or the session cookie. */
export type Credentials = {
  bearer?: string | undefined;
  apiKey?: string | undefined;
  sessionToken?: string | undefined;
  /** The address the request or socket comes from (a key's IP allow-list is checked on it). */
  clientAddress?: string | undefined;
};

/**
 * How a partner's API key becomes its caller (undefined: not a valid key, or not from this
 * address), kept in memory until the key or its partner changes (`forget`, called on the
 * `partnerAccessRevoked` event by auth/live-sessions.ts). The partners module provides it and
 * the composition root (server.ts) wires it in, so that core imports no module.
 */
export type PartnerKeys = {
  resolve(key: string, clientAddress: string): Promise<PartnerCaller | undefined>;
  forget(revocation: { partnerId: string; apiKeyId?: string | undefined }): void;
};

/** What resolving a caller needs. */
export type CallerResolution = {
  /** The users' rows as the requests need them, kept in memory (session-cache.ts). */
  sessions: SessionCache;
  config: Pick<Config, "tokenSecret">;
  partnerKeys: PartnerKeys;
};

/**
 * Resolves credentials against the user's current row (kept in memory until the user's
 * access changes, session-cache.ts) and partner keys against theirs (kept until the key
 * changes), so a disabled user or a revoked key is refused at once, not when its token expires.
 */
export async function resolveCaller(
  { sessions, config, partnerKeys }: CallerResolution,
  credentials: Credentials,
): Promise<Caller> {
  const apiKey =
    credentials.apiKey ??
    (credentials.bearer?.startsWith("wasl_") ? credentials.bearer : undefined);
  if (apiKey)
    return (await partnerKeys.resolve(apiKey, credentials.clientAddress ?? "")) ?? anonymous;
  const token = credentials.bearer ?? credentials.sessionToken;
  if (!token) return anonymous;
  const claims = await readSessionToken(config.tokenSecret, token);
  if (!claims) return anonymous;
  const user = await sessions.get(claims.userId);
  if (!user || user.disabled || claims.issuedAt < user.sessionsValidAfter) return anonymous;
  return {
    kind: "user",
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    roles: user.roles,
    personalDataAccess: user.personalDataAccess,
  };
}

/** How the audit log and timelines name the actor. */
export function actorOf(caller: Caller): {
  kind: "USER" | "PARTNER" | "MEMBER" | "SYSTEM";
  id: string | null;
  label: string;
} {
  switch (caller.kind) {
    case "user":
      return { kind: "USER", id: caller.id, label: caller.email };
    case "partner":
      return { kind: "PARTNER", id: caller.partnerId, label: caller.name };
    case "member":
      return { kind: "MEMBER", id: caller.memberId, label: caller.label };
    default:
      return { kind: "SYSTEM", id: null, label: "anonymous" };
  }
}
