// Staff users: signing in and out, and the admin's management of users and roles.
import type { Caller } from "../../auth/caller.js";
import { hashPassword, verifyPassword } from "../../auth/passwords.js";
import { issueSessionToken } from "../../auth/tokens.js";
import type { Config } from "../../config.js";
import type { PrismaClient } from "../../db/client.js";
import { type CommandContext, run } from "../../db/commands.js";
import type { Language, Role } from "../../db/generated/enums.js";
import { FieldErrors, NotFoundError } from "../../errors.js";
import type { WaslPubSub } from "../../pubsub.js";
import { changedFields, recordAudit, versionConflict } from "../audit/service.js";
import { InvalidCredentialsError, TooManyAttemptsError } from "./errors.js";
// The messages this service's errors name, registered wherever the service is used (the
// create-admin command translates them without loading the schema).
import "./messages.js";
import type { SignInLimiter } from "./sign-in-limiter.js";

export type Services = {
  prisma: PrismaClient;
  pubsub: WaslPubSub;
  config: Config;
  signInLimiter: SignInLimiter;
};

const minimumPasswordLength = 10;
// Unknown e-mails still cost one hash verification, so response time does not reveal
// which addresses have accounts.
let decoyHash: Promise<string> | undefined;

export async function signIn(
  services: Services,
  input: { email: string; password: string; clientAddress: string },
) {
  const email = input.email.trim().toLowerCase();
  const limiter = services.signInLimiter;
  const wait = limiter.retryAfterSeconds(email, input.clientAddress);
  if (wait > 0) throw new TooManyAttemptsError(wait);

  const user = await services.prisma.user.findUnique({ where: { email } });
  decoyHash ??= hashPassword("decoy password that matches nothing");
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), input.password);
  if (!user || !valid || user.disabled) {
    limiter.recordFailure(email, input.clientAddress);
    await recordAudit(
      { tx: services.prisma, caller: { kind: "anonymous" }, now: new Date() },
      {
        action: "SIGN_IN_FAILED",
        entityType: "User",
        entityId: user?.id ?? email,
        changes: { address: { before: null, after: input.clientAddress } },
      },
    );
    throw new InvalidCredentialsError();
  }
  limiter.recordSuccess(email, input.clientAddress);
  const session = await issueSessionToken(
    services.config.tokenSecret,
    user.id,
    services.config.tokenTtlSeconds,
  );
  const now = new Date();
  const signedIn = await services.prisma.user.update({
    where: { id: user.id },
    data: { lastSignInAt: now },
  });
  await recordAudit(
    { tx: services.prisma, caller: asCaller(signedIn), now },
    {
      action: "SIGN_IN",
      entityType: "User",
      entityId: user.id,
    },
  );
  return { user: signedIn, ...session };
}

function asCaller(user: {
  id: string;
  email: string;
  fullName: string;
  roles: Role[];
  personalDataAccess: boolean;
}): Caller {
  return { kind: "user", ...user };
}

/** Ends every session of the caller: tokens issued before now are refused from now on. */
export async function signOut(services: Services, caller: Caller): Promise<void> {
  if (caller.kind !== "user") return;
  const now = new Date();
  await services.prisma.user.update({
    where: { id: caller.id },
    data: { sessionsValidAfter: now },
  });
  await recordAudit(
    { tx: services.prisma, caller, now },
    {
      action: "SIGN_OUT",
      entityType: "User",
      entityId: caller.id,
    },
  );
  services.pubsub.publish("userAccessRevoked", { userId: caller.id });
}

export type CreateUserInput = {
  email: string;
  fullName: string;
  password: string;
  roles: Role[];
  personalDataAccess?: boolean | null | undefined;
  language?: Language | null | undefined;
};

function checkUserFields(
  input: {
    email?: string | null;
    fullName?: string | null;
    password?: string | null;
    roles?: Role[] | null;
  },
  errors: FieldErrors,
) {
  if (input.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email?.trim() ?? "")) {
    errors.add("email", "validation.emailInvalid");
  }
  if (input.fullName !== undefined && !input.fullName?.trim())
    errors.add("fullName", "validation.required");
  if (
    input.password !== undefined &&
    input.password !== null &&
    input.password.length < minimumPasswordLength
  ) {
    errors.add("password", "validation.passwordTooShort", { min: minimumPasswordLength });
  }
  if (input.roles !== undefined && !input.roles?.length)
    errors.add("roles", "validation.rolesRequired");
}

/** Checks and hashes the password outside the transaction (hashing is slow), then writes. */
export async function createUser(services: Services, caller: Caller, input: CreateUserInput) {
  const errors = new FieldErrors();
  checkUserFields(input, errors);
  const email = input.email.trim().toLowerCase();
  if (!errors.has("email") && (await services.prisma.user.findUnique({ where: { email } }))) {
    errors.add("email", "validation.emailTaken");
  }
  errors.throwIfAny();
  const passwordHash = await hashPassword(input.password);
  return run(services, caller, insertUser, { ...input, passwordHash });
}

/** The new user's row and audit entry (the e-mail's unique index backs the check above). */
export async function insertUser(
  context: CommandContext,

  input: Omit<CreateUserInput, "password"> & { passwordHash: string },
) {
  const { tx } = context;
  const email = input.email.trim().toLowerCase();
  const user = await tx.user.create({
    data: {
      email,
      fullName: input.fullName.trim(),
      passwordHash: input.passwordHash,
      roles: [...new Set(input.roles)],
      personalDataAccess: input.personalDataAccess ?? false,
      language: input.language ?? "AR",
    },
  });
  await recordAudit(context, {
    action: "CREATE",
    entityType: "User",
    entityId: user.id,
    changes: changedFields(
      {},
      {
        email,
        fullName: user.fullName,
        roles: user.roles,
        personalDataAccess: user.personalDataAccess,
      },
    ),
  });
  return user;
}

export type UpdateUserInput = {
  id: string;
  version: number;
  fullName?: string | null | undefined;
  roles?: Role[] | null | undefined;
  disabled?: boolean | null | undefined;
  personalDataAccess?: boolean | null | undefined;
  password?: string | null | undefined;
  language?: Language | null | undefined;
};

export async function updateUser(services: Services, caller: Caller, input: UpdateUserInput) {
  const errors = new FieldErrors();
  checkUserFields(
    { fullName: input.fullName, roles: input.roles, password: input.password },
    errors,
  );
  const selfLockout =
    caller.kind === "user" &&
    caller.id === input.id &&
    (input.disabled === true || (input.roles && !input.roles.includes("ADMIN")));
  if (selfLockout)
    errors.add(input.disabled ? "disabled" : "roles", "validation.cannotChangeOwnAccess");
  errors.throwIfAny();

  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return run(services, caller, writeUser, { ...input, passwordHash });
}

/** The user's change (version-checked) and audit entry; sockets re-check after the commit. */
export async function writeUser(
  context: CommandContext,
  input: Omit<UpdateUserInput, "password"> & { passwordHash?: string | undefined },
) {
  const { tx, caller, now } = context;
  const { passwordHash } = input;
  const before = await tx.user.findUnique({ where: { id: input.id } });
  if (!before) throw new NotFoundError("User", input.id);
  const data = {
    fullName: input.fullName?.trim() ?? undefined,
    roles: input.roles ? [...new Set(input.roles)] : undefined,
    disabled: input.disabled ?? undefined,
    personalDataAccess: input.personalDataAccess ?? undefined,
    language: input.language ?? undefined,
  };
  const changes = changedFields(before as unknown as Record<string, unknown>, data);
  if (passwordHash) changes.password = { before: "(set)", after: "(changed)" };
  const written = await tx.user.updateMany({
    where: { id: input.id, version: input.version },
    data: {
      ...data,
      ...(passwordHash ? { passwordHash, sessionsValidAfter: now } : {}),
      version: { increment: 1 },
    },
  });
  if (written.count !== 1)
    throw await versionConflict(
      tx,
      caller,
      { type: "User", id: before.id },
      input.version,
      before.version,
    );
  await recordAudit(
    { tx, caller, now },
    {
      action: "UPDATE",
      entityType: "User",
      entityId: input.id,
      changes,
    },
  );
  // Open sockets re-check their session: closed if it ended or lost access (auth/live-sessions);
  // every instance drops its cached row of the user, whose name the caller carries too.
  if (
    passwordHash ||
    input.disabled != null ||
    input.roles ||
    input.personalDataAccess != null ||
    data.fullName !== undefined
  )
    context.emit("userAccessRevoked", { userId: input.id });
  return tx.user.findUniqueOrThrow({ where: { id: input.id } });
}
