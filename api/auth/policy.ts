// The API's authorization in one place. Root fields and types declare scopes by name
// (`authScopes: { permission: "members.edit" }`); this module says what each name means.
import type { PartnerScope } from "../db/generated/enums.js";
import type { Caller, PartnerCaller } from "./caller.js";
import type { Context } from "./context.js";
import { hasPermission, type Permission } from "./permissions.js";

/** The scopes a field may declare. */
export type AuthScopes = {
  /** Anyone, signed in or not: said explicitly, never assumed. */
  public: boolean;
  /** Any signed-in staff user. */
  signedIn: boolean;
  /** A staff user whose roles grant this permission (api/auth/permissions.ts). */
  permission: Permission;
  /** A staff user who may read members' full personal data. */
  personalData: boolean;
  /** A partner system whose API key carries this scope. */
  partner: PartnerScope;
  /** Any partner system with a valid key, whatever its scopes (e.g. to read its own key). */
  anyPartner: boolean;
};

export function mayReadPersonalData(caller: Caller): boolean {
  return (
    caller.kind === "user" &&
    (caller.personalDataAccess || hasPermission(caller.roles, "members.revealPersonalData"))
  );
}

/**
 * Applies a check to the caller: synchronously once the caller is known (the root field's
 * check resolved it), so the checks of every row below it cost no promise.
 */
export function withCaller<T>(context: Context, check: (caller: Caller) => T): T | Promise<T> {
  const known = context.knownCaller();
  return known ? check(known) : context.caller().then(check);
}

/** Scope checks, resolved lazily: only the scopes a field names are evaluated. */
export function authScopes(context: Context) {
  return {
    public: true,
    signedIn: () => withCaller(context, (caller) => caller.kind === "user"),
    permission: (permission: Permission) =>
      withCaller(
        context,
        (caller) => caller.kind === "user" && hasPermission(caller.roles, permission),
      ),
    personalData: () => withCaller(context, mayReadPersonalData),
    partner: (scope: PartnerScope) =>
      withCaller(context, (caller) => caller.kind === "partner" && caller.scopes.includes(scope)),
    anyPartner: () => withCaller(context, (caller) => caller.kind === "partner"),
  };
}

/**
 * Whether a partner reaches the record of a global ID. Partners look up only the node types
 * their module lists here, each with its entity's policy (e.g. a request it submitted); any
 * other global ID — another partner's request, a staff-only record — is not found for them
 * (null), never "forbidden", so that an ID reveals nothing.
 */
export type PartnerNodeReach = (
  context: Context,
  caller: PartnerCaller,
  id: string,
) => Promise<boolean>;

const partnerNodes = new Map<string, PartnerNodeReach>();

export function registerPartnerNode(typename: string, reaches: PartnerNodeReach): void {
  partnerNodes.set(typename, reaches);
}

/** Whether node(id:) answers this caller the record: always for staff (the type's own check decides). */
export async function nodeLookupAllowed(
  context: Context,
  globalId: { typename: string; id: string },
): Promise<boolean> {
  const caller = await context.caller();
  if (caller.kind !== "partner") return true;
  const reaches = partnerNodes.get(globalId.typename);
  return !!reaches && (await reaches(context, caller, globalId.id));
}
