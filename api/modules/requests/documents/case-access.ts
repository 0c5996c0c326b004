// Who may read a request's documents and research reports. Staff, committee and admins read
// every case they may open; a user who is only a researcher reads only the cases referred to
// them (DOMAIN.md: "researchers see only the cases referred to them").
import type { Caller } from "../../../auth/caller.js";
import type { Db } from "../../../db/client.js";
import type { Role } from "../../../db/generated/enums.js";

const caseWideRoles: readonly Role[] = ["ADMIN", "STAFF", "COMMITTEE_MEMBER", "COMMITTEE_CHAIR"];

/** True for a user whose only case-reading role is RESEARCHER: their reach is their own cases. */
export function isResearcherOnly(caller: Caller): boolean {
  return (
    caller.kind === "user" &&
    caller.roles.includes("RESEARCHER") &&
    !caller.roles.some((role) => caseWideRoles.includes(role))
  );
}

/** Whether the caller may read this request's case file (its researcher is given). */
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

/** States in which a request's file is closed: nothing more is attached or signed. */
export const closedStatuses = ["COMPLETED", "WITHDRAWN", "CLOSED"] as const;

export function isClosedStatus(status: string): boolean {
  return (closedStatuses as readonly string[]).includes(status);
}
