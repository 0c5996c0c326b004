import { clearedSessionCookie, sessionCookie } from "../../auth/cookies.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { LanguageEnum, RoleEnum } from "../../graphql/enums.js";
import { InvalidCredentialsError, TooManyAttemptsError } from "./errors.js";
import { createUser, signIn, signOut, updateUser } from "./service.js";
import { UserNode, Viewer, type ViewerShape } from "./types.js";

type SignedIn = { viewer: ViewerShape; token: string; expiresAt: Date };

const SignInPayload = builder.objectRef<SignedIn>("SignInPayload").implement({
  description:
    "A session: also set as an httpOnly cookie; send the token as `Authorization: Bearer` from other programs.",
  fields: (t) => ({
    viewer: t.field({ type: Viewer, description: "Who signed in.", resolve: (s) => s.viewer }),
    token: t.string({ description: "Short-lived signed session token.", resolve: (s) => s.token }),
    expiresAt: t.field({
      type: "DateTime",
      description: "When the token expires.",
      resolve: (s) => s.expiresAt,
    }),
  }),
});

const SignInInput = builder.inputType("SignInInput", {
  description: "Staff credentials.",
  fields: (t) => ({
    email: t.string({ required: true, description: "E-mail." }),
    password: t.string({ required: true, description: "Password." }),
  }),
});

const CreateUserInput = builder.inputType("CreateUserInput", {
  description: "A new staff account.",
  fields: (t) => ({
    email: t.string({ required: true, description: "Sign-in e-mail (unique)." }),
    fullName: t.string({ required: true, description: "Full name." }),
    password: t.string({
      required: true,
      description: "Initial password, at least 10 characters.",
    }),
    roles: t.field({ type: [RoleEnum], required: true, description: "One or more roles." }),
    personalDataAccess: t.boolean({
      required: false,
      description: "May read members' full personal data.",
    }),
    language: t.field({
      type: LanguageEnum,
      required: false,
      description: "Interface language; AR by default.",
    }),
  }),
});

const UpdateUserInput = builder.inputType("UpdateUserInput", {
  description:
    "Changes to a staff account. Disabling it ends its sessions and open connections at once.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: UserNode, description: "The user's global ID." }),
    version: t.int({ required: true, description: "The version you read." }),
    fullName: t.string({ required: false, description: "Full name." }),
    roles: t.field({ type: [RoleEnum], required: false, description: "Replaces the roles." }),
    disabled: t.boolean({ required: false, description: "Disable or re-enable the account." }),
    personalDataAccess: t.boolean({
      required: false,
      description: "Grant or withdraw personal-data access.",
    }),
    password: t.string({
      required: false,
      description: "A new password (ends the user's sessions).",
    }),
    language: t.field({ type: LanguageEnum, required: false, description: "Interface language." }),
  }),
});

builder.mutationFields((t) => ({
  signIn: t.field({
    type: SignInPayload,
    description:
      "Signs a staff user in with e-mail and password. Failed attempts are delayed per account and client address, with growing delays (TooManyAttemptsError.retryAfterSeconds); another address is not delayed.",
    authScopes: { public: true },
    errors: {
      types: [InvalidCredentialsError, TooManyAttemptsError],
      union: { name: "SignInResult", description: "A session, or why not." },
      result: { name: "SignInSuccess", description: "Signed in." },
      dataField: { name: "session", description: "The new session." },
    },
    args: { input: t.arg({ type: SignInInput, required: true, description: "Credentials." }) },
    resolve: async (_root, { input }, context) => {
      const { user, token, expiresAt } = await signIn(context, {
        ...input,
        clientAddress: context.clientAddress,
      });
      context.responseCookies.push(
        sessionCookie(token, context.config.tokenTtlSeconds, context.config.cookieSecure),
      );
      const { id, email, fullName, roles, personalDataAccess } = user;
      return {
        viewer: { kind: "user" as const, id, email, fullName, roles, personalDataAccess },
        token,
        expiresAt,
      };
    },
  }),
  signOut: t.boolean({
    description: "Ends the caller's sessions (every device) and clears the cookie. True when done.",
    authScopes: { public: true },
    resolve: async (_root, _args, context) => {
      await signOut(context, await context.caller());
      context.responseCookies.push(clearedSessionCookie(context.config.cookieSecure));
      return true;
    },
  }),
  createUser: t.field({
    type: UserNode,
    description: "Creates a staff account (admins only).",
    authScopes: { permission: "users.create" },
    errors: {
      types: [ValidationError, ForbiddenError],
      union: { name: "CreateUserResult", description: "The new user, or why not." },
      result: { name: "CreateUserSuccess", description: "Created." },
      dataField: { name: "user", description: "The new user." },
    },
    args: { input: t.arg({ type: CreateUserInput, required: true, description: "The account." }) },
    resolve: async (_root, { input }, context) =>
      createUser(context, await context.caller(), input),
  }),
  updateUser: t.field({
    type: UserNode,
    description: "Changes a staff account's roles, access or state (admins only).",
    authScopes: { permission: "users.edit" },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError, ForbiddenError],
      union: { name: "UpdateUserResult", description: "The user, or why not." },
      result: { name: "UpdateUserSuccess", description: "Updated." },
      dataField: { name: "user", description: "The user as now stored." },
    },
    args: {
      input: t.arg({ type: UpdateUserInput, required: true, description: "What to change." }),
    },
    resolve: async (_root, { input }, context) =>
      updateUser(context, await context.caller(), { ...input, id: input.id.id }),
  }),
}));
