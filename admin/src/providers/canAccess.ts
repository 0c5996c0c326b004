// The one permission table, shared with the API through the contract (contract/permissions.ts).
export { accessRules, canAccess, type RoleName, roles } from "../../../contract/permissions.js";

/**
 * Screens that exist to change a resource open with its `edit` permission. Everyone may read
 * the request types (the intake wizard needs their rules); only those who may edit the rules
 * (admins, by the table) see the request types screen.
 */
const editorScreens: readonly string[] = ["requestTypes", "notificationTemplates"];

/** The table's action a panel screen checks: reading an editor screen needs `edit`. */
export function screenAction(resource: string, action: string): string {
  const reads = action === "list" || action === "show";
  return reads && editorScreens.includes(resource) ? "edit" : action;
}
