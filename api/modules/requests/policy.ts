// Who may see which request, and what hangs off one: the one visibility rule for requests and
// case rows (documents, timeline events, communications). Staff, committee and admins see every
// case; a user who is only a researcher sees only the cases referred to them (DOMAIN.md), and
// not the rows that belong to a member without a request. Lists filter with the `where`
// builders, single rows check with the predicates: both say the same thing.
import type { Caller } from "../../auth/caller.js";
import { type Db, Prisma } from "../../db/client.js";
import type { Role } from "../../db/generated/enums.js";

const caseWideRoles: readonly Role[] = ["ADMIN", "STAFF", "COMMITTEE_MEMBER", "COMMITTEE_CHAIR"];

/** True for a user whose only case-reading role is RESEARCHER: their reach is their own cases. */
export function isResearcherOnly(caller: Caller): boolean {
  return (
    caller.kind === "user" &&
    caller.roles.includes("RESEARCHER") &&
    !caller.roles.some((role) => caseWideRoles.includes(role))
  );
}

/**
 * Whether the caller may read a case row: a request (its researcher), or a row on one (the
 * request's researcher; null for a row on the member alone).
 */
export function mayReadCase(caller: Caller, request: { researcherId: string | null }): boolean {
  if (caller.kind !== "user") return false;
  return !isResearcherOnly(caller) || request.researcherId === caller.id;
}

/** Same as mayReadCase, loading the request's researcher; false if there is no such request. */
export async function mayReadCaseOf(
  db: Db,
  caller: Caller,
  requestId: string | null,
): Promise<boolean> {
  if (caller.kind !== "user") return false;
  if (!isResearcherOnly(caller)) return true;
  if (!requestId) return false;
  const request = await db.request.findUnique({
    where: { id: requestId },
    select: { researcherId: true },
  });
  return !!request && mayReadCase(caller, request);
}

/** The requests the caller may see, as a `where`. */
export function visibleRequestsWhere(caller: Caller): Prisma.RequestWhereInput {
  if (caller.kind !== "user") return { id: { in: [] } };
  return isResearcherOnly(caller) ? { researcherId: caller.id } : {};
}

/**
 * The case rows (documents, timeline events, communications: anything with an optional
 * `request`) the caller may see, as a `where`: mayReadCase for a list.
 */
export function visibleCaseRowsWhere(caller: Caller): {
  id?: { in: string[] };
  request?: { is: Prisma.RequestWhereInput };
} {
  if (caller.kind !== "user") return { id: { in: [] } };
  return isResearcherOnly(caller) ? { request: { is: visibleRequestsWhere(caller) } } : {};
}

/** visibleRequestsWhere for raw SQL over "Request" (aggregates): a condition to append. */
export function visibleRequestsSql(caller: Caller): Prisma.Sql {
  if (caller.kind !== "user") return Prisma.sql`AND false`;
  return isResearcherOnly(caller)
    ? Prisma.sql`AND "researcherId" = ${caller.id}::uuid`
    : Prisma.empty;
}
