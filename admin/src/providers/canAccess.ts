// The one permission table, shared with the API through the contract (contract/permissions.ts).
export { accessRules, canAccess, type RoleName, roles } from "../../../contract/permissions.js";

/**
 * Screens that exist to change a resource open with its `edit` permission. Everyone may read
 * the request types (the intake wizard needs their rules); only those who may edit the rules
 * (admins, by the table) see the request types screen.
 */
const editorScreens: readonly string[] = ["requestTypes"];

/**
 * Screens whose table names the change in its own words: committee sessions are scheduled
 * and changed (create, edit) by those who `manage` them.
 */
const changeActions: Readonly<Record<string, string>> = { committee: "manage" };

/** The table's action a panel screen checks: reading an editor screen needs `edit`. */
export function screenAction(resource: string, action: string): string {
  const reads = action === "list" || action === "show";
  if (!reads && (action === "create" || action === "edit") && changeActions[resource])
    return changeActions[resource];
  return reads && editorScreens.includes(resource) ? "edit" : action;
}

/**
 * Panel resources named otherwise in the permission table: the knowledge base's screens
 * («articles») check `knowledge.*`, where writing one (create) is `edit`.
 */
const permissionNames: Record<string, { resource: string; actions?: Record<string, string> }> = {
  articles: { resource: "knowledge", actions: { create: "edit" } },
};

/** The permission table's resource and action a panel screen checks. */
export function permissionOf(resource: string, action: string): [string, string] {
  const named = permissionNames[resource];
  const screen = screenAction(resource, action);
  return named ? [named.resource, named.actions?.[screen] ?? screen] : [resource, screen];
}
