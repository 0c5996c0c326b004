// Which sockets may go on receiving events, decided per event from the cached user row.
import { describe, expect, it } from "vitest";
import { type SessionAccess, socketVerdict } from "../../api/auth/session-cache.js";

const now = Date.parse("2026-05-01T10:00:00Z");
const session = {
  userId: "u1",
  issuedAt: new Date(now - 60_000),
  expiresAt: new Date(now + 60_000),
  roles: ["STAFF" as const],
  personalDataAccess: true,
};
const state: SessionAccess = {
  disabled: false,
  roles: ["STAFF"],
  personalDataAccess: true,
  sessionsValidAfter: new Date(now - 3_600_000),
};

describe("socketVerdict", () => {
  it("lets a valid session go on, also after gaining a role", () => {
    expect(socketVerdict(session, state, now)).toBeUndefined();
    expect(socketVerdict(session, { ...state, roles: ["STAFF", "ADMIN"] }, now)).toBeUndefined();
  });
  it("answers 4401 for an expired token, a signed-out session or a deleted user", () => {
    expect(socketVerdict(session, state, now + 60_000)).toBe(4401);
    expect(socketVerdict(session, { ...state, sessionsValidAfter: new Date(now) }, now)).toBe(4401);
    expect(socketVerdict(session, null, now)).toBe(4401);
  });
  it("answers 4403 for a disabled user, a lost role or lost personal-data access", () => {
    expect(socketVerdict(session, { ...state, disabled: true }, now)).toBe(4403);
    expect(socketVerdict(session, { ...state, roles: ["RESEARCHER"] }, now)).toBe(4403);
    expect(socketVerdict(session, { ...state, personalDataAccess: false }, now)).toBe(4403);
  });
});
