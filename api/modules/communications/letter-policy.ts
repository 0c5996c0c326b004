// Who may read a letter's scan, answered once: those who keep the register (`letters.show`).
// The register's `scan` field and the download route (letter-routes.ts) both ask here.
import type { Caller } from "../../auth/caller.js";
import { hasPermission } from "../../auth/permissions.js";

export function mayReadLetterScan(caller: Caller): boolean {
  return caller.kind === "user" && hasPermission(caller.roles, "letters.show");
}

/** The path of a letter's scan download; the panel prefixes its API origin. */
export const letterScanPath = (letterId: string) => `/letters/${letterId}/scan`;
