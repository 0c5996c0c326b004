// The users resource (staff accounts): a short list read whole, create and update inputs.
import { userFields } from "../fragments.js";
import { mutation, type ResourceSpec, updateInput } from "../spec.js";

export function userCreateInput(data: Record<string, unknown>) {
  return {
    email: data.email ?? "",
    fullName: data.fullName ?? "",
    password: data.password ?? "",
    roles: Array.isArray(data.roles) ? data.roles : [],
    personalDataAccess: data.personalDataAccess === true,
    language: data.language || null,
  };
}

const userEditable = ["fullName", "roles", "disabled", "personalDataAccess", "language"];

/** Only what changed, with the version read; a password only when one was typed. */
export function userUpdateInput(
  id: string,
  data: Record<string, unknown>,
  previous: Record<string, unknown> = {},
) {
  const input = updateInput({ id }, userEditable, data, previous);
  if (typeof data.password === "string" && data.password) input.password = data.password;
  return input;
}

export const users: ResourceSpec = {
  typeName: "User",
  listField: "users",
  fields: userFields,
  create: mutation("createUser", "user", userCreateInput),
  update: mutation("updateUser", "user", userUpdateInput),
};
