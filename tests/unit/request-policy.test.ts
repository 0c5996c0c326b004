// The requests' one visibility rule (api/modules/requests/policy.ts), without a database: the
// list `where`, the row check and the event check agree for every kind of caller, and the
// case-wide roles are the permission table's `requests.readAll`.
import { describe, expect, it } from "vitest";
import type { Caller } from "../../api/auth/caller.js";
import { accessRules } from "../../api/auth/permissions.js";
import type { Role } from "../../api/db/generated/enums.js";
import {
  isResearcherOnly,
  mayReadCase,
  receivesRequestEvent,
  visibleRequestsWhere,
} from "../../api/modules/requests/policy.js";

const user = (roles: Role[], id = "u1"): Caller => ({
  kind: "user",
  id,
  email: `${id}@example.org`,
  fullName: id,
  roles,
  personalDataAccess: false,
});
const partner = (scopes: ("REQUESTS_READ" | "REQUESTS_SUBMIT")[], partnerId = "p1"): Caller =>
  ({ kind: "partner", partnerId, apiKeyId: "k1", name: "P", scopes }) as Caller;

const mine = { researcherId: "u1", partnerId: null };
const theirs = { researcherId: "u2", partnerId: "p1" };

describe("request policy", () => {
  it("gives every case to the roles holding requests.readAll, and only those", () => {
    for (const role of ["ADMIN", "STAFF", "COMMITTEE_MEMBER", "COMMITTEE_CHAIR"] as const) {
      expect(accessRules.requests.readAll).toContain(role);
      expect(isResearcherOnly(user([role]))).toBe(false);
      expect(mayReadCase(user([role]), theirs)).toBe(true);
      expect(receivesRequestEvent(user([role]), theirs)).toBe(true);
      expect(visibleRequestsWhere(user([role]))).toEqual({});
    }
    expect(accessRules.requests.readAll).not.toContain("RESEARCHER");
    // A researcher who also sits on the committee reads every case.
    expect(isResearcherOnly(user(["RESEARCHER", "COMMITTEE_MEMBER"]))).toBe(false);
  });

  it("gives a researcher their own cases, in lists, rows and events alike", () => {
    const researcher = user(["RESEARCHER"]);
    expect(isResearcherOnly(researcher)).toBe(true);
    expect(visibleRequestsWhere(researcher)).toEqual({ researcherId: "u1" });
    expect([mayReadCase(researcher, mine), mayReadCase(researcher, theirs)]).toEqual([true, false]);
    expect([
      receivesRequestEvent(researcher, mine),
      receivesRequestEvent(researcher, theirs),
    ]).toEqual([true, false]);
  });

  it("gives a partner the events of its own submissions with the status scope, never a case file", () => {
    expect(receivesRequestEvent(partner(["REQUESTS_READ"]), theirs)).toBe(true);
    expect(receivesRequestEvent(partner(["REQUESTS_READ"], "p2"), theirs)).toBe(false);
    expect(receivesRequestEvent(partner(["REQUESTS_SUBMIT"]), theirs)).toBe(false);
    expect(receivesRequestEvent(partner(["REQUESTS_READ"]), mine)).toBe(false);
    expect(mayReadCase(partner(["REQUESTS_READ"]), theirs)).toBe(false);
    expect(visibleRequestsWhere(partner(["REQUESTS_READ"]))).toEqual({ id: { in: [] } });
  });

  it("gives anonymous callers and members by link nothing", () => {
    for (const caller of [
      { kind: "anonymous" } as Caller,
      { kind: "member", memberId: "m1", label: "m" } as Caller,
    ]) {
      expect(mayReadCase(caller, mine)).toBe(false);
      expect(receivesRequestEvent(caller, theirs)).toBe(false);
      expect(visibleRequestsWhere(caller)).toEqual({ id: { in: [] } });
    }
  });
});
