// What a request or a live socket needs to know about its user, kept in memory: reading the
// user row on every request (0.5–0.8 ms of a members page) and on every event a subscriber
// receives would cost a query each. An entry is dropped when the user signs out or their
// access or name changes (the `userAccessRevoked` event, which crosses instances through the
// pub/sub; auth/live-sessions.ts listens) and reloaded after `ttlMs` anyway, in case an
// event was missed.
import type { PrismaClient } from "../db/client.js";
import type { Role } from "../db/generated/enums.js";

export type SessionState = {
  id: string;
  email: string;
  fullName: string;
  disabled: boolean;
  roles: Role[];
  personalDataAccess: boolean;
  sessionsValidAfter: Date;
};

/** What decides whether a session still holds. */
export type SessionAccess = Pick<
  SessionState,
  "disabled" | "roles" | "personalDataAccess" | "sessionsValidAfter"
>;

/** Who opened a socket, and what their token and access were when it opened. */
export type SocketSession = {
  userId: string;
  issuedAt: Date;
  expiresAt: Date;
  roles: Role[];
  personalDataAccess: boolean;
};

/** graphql-ws close codes: sign in again (4401), or no longer allowed (4403). */
export const sessionExpired = 4401;
export const sessionRefused = 4403;

export class SessionCache {
  private readonly entries = new Map<string, { state: SessionState | null; at: number }>();
  /** Bumped by every invalidation: a read that began before one is not kept. */
  private generation = 0;
  constructor(
    private readonly prisma: PrismaClient,
    private readonly ttlMs = 30_000,
  ) {}

  async get(userId: string, now = Date.now()): Promise<SessionState | null> {
    const entry = this.entries.get(userId);
    if (entry && now - entry.at < this.ttlMs) return entry.state;
    const generation = this.generation;
    const state = await this.prisma.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        email: true,
        fullName: true,
        disabled: true,
        roles: true,
        personalDataAccess: true,
        sessionsValidAfter: true,
      },
    });
    if (generation === this.generation) this.entries.set(userId, { state, at: now });
    return state;
  }

  invalidate(userId: string): void {
    this.entries.delete(userId);
    this.generation++;
  }
}

/**
 * Whether a socket may still receive its user's events: undefined if so, else the close code.
 * Gaining a role keeps the socket open; losing one, or personal-data access, closes it (its
 * operations were authorised with the old access).
 */
export function socketVerdict(
  session: SocketSession,
  state: SessionAccess | null,
  now = Date.now(),
): typeof sessionExpired | typeof sessionRefused | undefined {
  if (now >= session.expiresAt.getTime()) return sessionExpired;
  if (!state || session.issuedAt < state.sessionsValidAfter) return sessionExpired;
  if (state.disabled) return sessionRefused;
  if (session.roles.some((role) => !state.roles.includes(role))) return sessionRefused;
  if (session.personalDataAccess && !state.personalDataAccess) return sessionRefused;
  return undefined;
}
