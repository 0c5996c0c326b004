// Who may see which request, and what hangs off one: the one visibility rule for requests and
// case rows (documents, timeline events, communications), for every kind of caller. Lists
// filter with the `where` builders, single rows check with the predicates, subscriptions ask
// receivesRequestEvent: all say the same thing.
//
// Reach, per caller (DOMAIN.md): a user holding `requests.readAll` (staff, committee, admins)
// reaches every case; any other user (a researcher) only the cases referred to them, and not
// the rows of a member without a request; a partner only the requests it submitted or that their
// member shared with it, and only their status (events); anyone else nothing. A new kind of reader (the committee's members of
// a session, members in the portal) is one more branch of `reachOf`.
import type { Caller } from "../../auth/caller.js";
import { hasPermission } from "../../auth/permissions.js";
import { type Db, Prisma } from "../../db/client.js";

/** What a request carries that decides who reaches it. */
export type RequestReachFacts = {
  researcherId: string | null;
  partnerId?: string | null;
  /** The partners the member shared it with (RequestPartnerShare, kept on the row). */
  sharedWithPartnerIds?: readonly string[];
};

/**
 * The one place the reach is decided: every case, the cases of one researcher, a partner's
 * own submissions (their status only: never the case file), or nothing.
 */
type Reach =
  | { kind: "all" }
  | { kind: "researcher"; userId: string }
  | { kind: "partner"; partnerId: string }
  | { kind: "none" };

function reachOf(caller: Caller): Reach {
  if (caller.kind === "user")
    return hasPermission(caller.roles, "requests.readAll")
      ? { kind: "all" }
      : { kind: "researcher", userId: caller.id };
  if (caller.kind === "partner" && caller.scopes.includes("REQUESTS_READ"))
    return { kind: "partner", partnerId: caller.partnerId };
  return { kind: "none" };
}

/** True for a user without `requests.readAll` (a researcher): their reach is their own cases. */
export function isResearcherOnly(caller: Caller): boolean {
  return reachOf(caller).kind === "researcher";
}

/**
 * Whether the caller may read a case row: a request (its researcher), or a row on one (the
 * request's researcher; null for a row on the member alone). Only users read case files.
 */
export function mayReadCase(caller: Caller, request: { researcherId: string | null }): boolean {
  const reach = reachOf(caller);
  if (reach.kind === "all") return true;
  return reach.kind === "researcher" && request.researcherId === reach.userId;
}

/** Same as mayReadCase, loading the request's researcher; false if there is no such request. */
export async function mayReadCaseOf(
  db: Db,
  caller: Caller,
  requestId: string | null,
): Promise<boolean> {
  const reach = reachOf(caller);
  if (reach.kind === "all") return true;
  if (reach.kind !== "researcher" || !requestId) return false;
  const request = await db.request.findUnique({
    where: { id: requestId },
    select: { researcherId: true },
  });
  return !!request && mayReadCase(caller, request);
}

/**
 * Whether a change of this request reaches this subscriber: the case readers as mayReadCase
 * says, and a partner for the requests it submitted or that were shared with it (the event
 * carries no personal data). A revoked share is gone from the row: its partner hears no more.
 */
export function receivesRequestEvent(caller: Caller, request: RequestReachFacts): boolean {
  const reach = reachOf(caller);
  if (reach.kind === "partner")
    return (
      request.partnerId === reach.partnerId ||
      !!request.sharedWithPartnerIds?.includes(reach.partnerId)
    );
  return mayReadCase(caller, request);
}

/** The partners told of a change of this request: the one that submitted it, those shared with. */
export function partnersFollowing(request: RequestReachFacts): string[] {
  const shared = request.sharedWithPartnerIds ?? [];
  return request.partnerId ? [request.partnerId, ...shared] : [...shared];
}

/** The requests the caller may read, as a `where`. */
export function visibleRequestsWhere(caller: Caller): Prisma.RequestWhereInput {
  const reach = reachOf(caller);
  if (reach.kind === "all") return {};
  if (reach.kind === "researcher") return { researcherId: reach.userId };
  return { id: { in: [] } };
}

/**
 * The case rows (documents, timeline events, communications: anything with an optional
 * `request`) the caller may see, as a `where`: mayReadCase for a list.
 */
export function visibleCaseRowsWhere(caller: Caller): {
  id?: { in: string[] };
  request?: { is: Prisma.RequestWhereInput };
} {
  const reach = reachOf(caller);
  if (reach.kind === "all") return {};
  if (reach.kind === "researcher") return { request: { is: visibleRequestsWhere(caller) } };
  return { id: { in: [] } };
}

/**
 * The requests a partner reads in its own view (status and dates, never the case file) with
 * REQUESTS_READ: those it submitted, and those whose member consented to share them with it
 * (RequestPartnerShare). Null for any other caller.
 */
export function partnerRequestsWhere(caller: Caller): Prisma.RequestWhereInput | null {
  const reach = reachOf(caller);
  if (reach.kind !== "partner") return null;
  const { partnerId } = reach;
  return { OR: [{ partnerId }, { partnerShares: { some: { partnerId } } }] };
}

/** What a request carries that decides whether a partner sees it. */
export type PartnerReachFacts = {
  partnerId: string | null;
  partnerShares: { partnerId: string }[];
};

/**
 * Whether a partner sees this request in its own view: with REQUESTS_READ, one it submitted
 * or one shared with it; with REQUESTS_SUBMIT alone, the one it just submitted (the answer to
 * its submission). Anyone else never.
 */
export function partnerSeesRequest(caller: Caller, request: PartnerReachFacts): boolean {
  if (caller.kind !== "partner") return false;
  const reads = caller.scopes.includes("REQUESTS_READ");
  if (request.partnerId === caller.partnerId)
    return reads || caller.scopes.includes("REQUESTS_SUBMIT");
  return reads && request.partnerShares.some((share) => share.partnerId === caller.partnerId);
}

/** The columns partnerSeesRequest reads, as a Prisma `select`. */
export const partnerReachSelect = {
  partnerId: true,
  partnerShares: { select: { partnerId: true } },
} as const;

/** visibleRequestsWhere for raw SQL over "Request" (aggregates): a condition to append. */
export function visibleRequestsSql(caller: Caller): Prisma.Sql {
  const reach = reachOf(caller);
  if (reach.kind === "all") return Prisma.empty;
  if (reach.kind === "researcher") return Prisma.sql`AND "researcherId" = ${reach.userId}::uuid`;
  return Prisma.sql`AND false`;
}
