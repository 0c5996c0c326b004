// The one permission table, shared with the API through the contract (contract/permissions.ts).
export { accessRules, canAccess, type RoleName, roles } from "../../../contract/permissions.js";

/**
 * Screens that exist to change a resource open with its `edit` permission. Everyone may read
 * the request types (the intake wizard needs their rules); only those who may edit the rules
 * (admins, by the table) see the request types screen.
 */
const editorScreens: readonly string[] = ["requestTypes"];

/**
 * Screens checked against another entry of the table: a survey is created by those who may
 * edit surveys; the follow-ups screen is the surveys' `followUp`.
 */
const screenRules: Record<string, Record<string, readonly [string, string]>> = {
  surveys: { create: ["surveys", "edit"] },
  surveyFollowUps: { list: ["surveys", "followUp"], edit: ["surveys", "followUp"] },
};

/** The table's action a panel screen checks: reading an editor screen needs `edit`. */
export function screenAction(resource: string, action: string): string {
  const rule = screenRules[resource]?.[action];
  if (rule) return rule[1];
  const reads = action === "list" || action === "show";
  return reads && editorScreens.includes(resource) ? "edit" : action;
}

/** The table's resource a panel screen checks (the follow-ups are the surveys'). */
export function screenResource(resource: string, action: string): string {
  return screenRules[resource]?.[action]?.[0] ?? resource;
}
