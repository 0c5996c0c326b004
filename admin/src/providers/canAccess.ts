// The one permission table, shared with the API through the contract (contract/permissions.ts).
export { accessRules, canAccess, type RoleName, roles } from "../../../contract/permissions.js";

/**
 * Screens checked against another entry of the table than their own name and action:
 * - the request types screen exists to change the rules: it opens with `edit` (everyone may
 *   read the types, which the intake wizard needs; only admins edit them), as does the
 *   notification templates screen;
 * - committee sessions are scheduled and changed by those who `manage` them;
 * - the knowledge base's screens («articles») check `knowledge.*`; writing one is `edit`;
 * - a survey is created by those who may edit surveys; the follow-ups screen is the
 *   surveys' `followUp`;
 * - a letter is created by those who may `register` letters.
 * - partners are registered and changed (and their keys issued) by those who `manage` them.
 */
const screenRules: Readonly<Record<string, Readonly<Record<string, readonly [string, string]>>>> = {
  requestTypes: { list: ["requestTypes", "edit"], show: ["requestTypes", "edit"] },
  notificationTemplates: {
    list: ["notificationTemplates", "edit"],
    show: ["notificationTemplates", "edit"],
  },
  committee: { create: ["committee", "manage"], edit: ["committee", "manage"] },
  articles: {
    list: ["knowledge", "list"],
    show: ["knowledge", "show"],
    create: ["knowledge", "edit"],
    edit: ["knowledge", "edit"],
  },
  surveys: { create: ["surveys", "edit"] },
  surveyFollowUps: { list: ["surveys", "followUp"], edit: ["surveys", "followUp"] },
  webhookDeliveries: { list: ["webhooks", "list"], show: ["webhooks", "list"] },
  letters: { create: ["letters", "register"] },
  partners: { create: ["partners", "manage"], edit: ["partners", "manage"] },
};

/** The permission table's resource and action a panel screen checks. */
export function permissionOf(resource: string, action: string): readonly [string, string] {
  return screenRules[resource]?.[action] ?? [resource, action];
}

/** The table's action a panel screen checks. */
export function screenAction(resource: string, action: string): string {
  return permissionOf(resource, action)[1];
}

/** The table's resource a panel screen checks. */
export function screenResource(resource: string, action: string): string {
  return permissionOf(resource, action)[0];
}
