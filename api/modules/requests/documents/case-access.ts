// A request's file: when it is closed. Who may read it is the requests' one visibility rule
// (../policy.ts), re-exported here for the modules that import it from this file.
export { isResearcherOnly, mayReadCase, mayReadCaseOf } from "../policy.js";

/** States in which a request's file is closed: nothing more is attached or signed. */
export const closedStatuses = ["COMPLETED", "WITHDRAWN", "CLOSED"] as const;

export function isClosedStatus(status: string): boolean {
  return (closedStatuses as readonly string[]).includes(status);
}
