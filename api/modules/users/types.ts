import type { Caller } from "../../auth/caller.js";
import { accessRules, canAccess } from "../../auth/permissions.js";
import { mayReadPersonalData } from "../../auth/policy.js";
import { builder } from "../../graphql/builder.js";
import { LanguageEnum, RoleEnum } from "../../graphql/enums.js";

export const UserNode = builder.prismaNode("User", {
  description: "A staff account (employee, researcher, committee member or chair, admin).",
  id: { field: "id", description: "Global ID." },
  // Only the columns the query asks for (fields declare what they read), not every column.
  select: { id: true },
  authScopes: { permission: "users.show" },
  fields: (t) => ({
    email: t.exposeString("email", { description: "Sign-in e-mail." }),
    fullName: t.exposeString("fullName", { description: "Full name." }),
    roles: t.expose("roles", { type: [RoleEnum], description: "Roles held; several are allowed." }),
    disabled: t.exposeBoolean("disabled", {
      description: "A disabled user is refused at once, open connections included.",
    }),
    personalDataAccess: t.exposeBoolean("personalDataAccess", {
      description: "May read members' full national ID, mobile and income (each read is audited).",
    }),
    language: t.expose("language", { type: LanguageEnum, description: "Interface language." }),
    lastSignInAt: t.expose("lastSignInAt", {
      type: "DateTime",
      nullable: true,
      description: "Last successful sign-in.",
    }),
    createdAt: t.expose("createdAt", {
      type: "DateTime",
      description: "When the account was created.",
    }),
    version: t.exposeInt("version", {
      description: "Optimistic-concurrency version: send it back with updateUser.",
    }),
  }),
});

export type StaffRef = { id: string; fullName: string };

/** A colleague as other staff see them: a name to pick, never their account details. */
export const StaffRefType = builder.objectRef<StaffRef>("StaffRef").implement({
  description:
    "A staff member named on a request (assignee, researcher) or picked from the staff directory.",
  fields: (t) => ({
    id: t.globalID({
      description: "The user's global ID.",
      resolve: (u) => ({ type: "User", id: u.id }),
    }),
    fullName: t.string({ description: "Full name.", resolve: (u) => u.fullName }),
  }),
});

export type ViewerShape = Extract<Caller, { kind: "user" }>;

/** Everything `resource.action` the roles allow: the panel builds its menus from this. */
function permissionsOf(viewer: ViewerShape): string[] {
  const granted: string[] = [];
  for (const [resource, actions] of Object.entries(accessRules)) {
    for (const action of Object.keys(actions)) {
      if (canAccess(viewer.roles, resource, action)) granted.push(`${resource}.${action}`);
    }
  }
  if (mayReadPersonalData(viewer) && !granted.includes("members.revealPersonalData")) {
    granted.push("members.revealPersonalData");
  }
  return granted;
}

export const Viewer = builder.objectRef<ViewerShape>("Viewer").implement({
  description: "The signed-in staff user, with what they may do.",
  fields: (t) => ({
    id: t.id({
      description: "The user's global ID.",
      resolve: (v) => Buffer.from(`User:${v.id}`).toString("base64"),
    }),
    email: t.string({ description: "Sign-in e-mail.", resolve: (v) => v.email }),
    fullName: t.string({ description: "Full name.", resolve: (v) => v.fullName }),
    roles: t.field({ type: [RoleEnum], description: "Roles held.", resolve: (v) => v.roles }),
    permissions: t.stringList({
      description:
        "Every `resource.action` allowed, e.g. members.edit; the panel's menus follow it.",
      resolve: permissionsOf,
    }),
  }),
});
