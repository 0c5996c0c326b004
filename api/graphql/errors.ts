// The typed errors of the schema: each domain error class as an object type implementing
// `Error`, with its message in the caller's language. Core's are declared here; a module
// declares its own from its folder with `errorTypeOptions`, which adds its codes to `ErrorCode`.
import {
  handleStreamOrSingleExecutionResult,
  isOriginalGraphQLError,
  type Plugin,
} from "@envelop/core";
import type { EnumRef } from "@pothos/core";
import { type DocumentNode, GraphQLError, getOperationAST } from "graphql";
import type { Context } from "../auth/context.js";
import { isDatabaseBusy } from "../db/client.js";
import {
  BusyError,
  ConflictError,
  DomainError,
  type ErrorCode,
  type FieldError,
  ForbiddenError,
  type InvalidTransitionError,
  NotFoundError,
  PreconditionFailedError,
  UnauthenticatedError,
  ValidationError,
} from "../errors.js";
import { type Locale, translate } from "../i18n/messages.js";
import { builder, type SchemaBuilderTypes } from "./builder.js";

// Every other code is added by the error type that carries it (`errorTypeOptions`); BUSY has
// no type of its own: it reaches clients only as a GraphQL error's code.
// Each code is described by the error type that carries it (partners read the enum alone).
const codes = new Map<ErrorCode, string>([
  [
    "BUSY",
    "The server is busy with many requests and nothing was saved: try again in a moment (a GraphQL error's code only).",
  ],
]);

let errorCodeEnum: ReturnType<typeof defineErrorCodeEnum> | undefined;

function defineErrorCodeEnum() {
  return builder.enumType("ErrorCode", {
    description: "A stable, machine-readable reason for an expected failure.",
    values: Object.fromEntries(
      [...codes].map(([code, description]) => [code, { value: code, description }]),
    ) as Record<ErrorCode, { value: ErrorCode; description: string }>,
  });
}

/**
 * The `ErrorCode` enum, built when the schema is (fields are resolved then), so that it holds
 * every code the modules registered while they loaded.
 */
function errorCodes() {
  errorCodeEnum ??= defineErrorCodeEnum();
  return errorCodeEnum;
}

export const ErrorInterface = builder.interfaceRef<DomainError>("Error").implement({
  description:
    "An expected failure, with a stable code and a message in the caller's language (Accept-Language; Arabic by default).",
  fields: (t) => ({
    code: t.field({
      type: errorCodes(),
      description: "Stable reason, for programs.",
      resolve: (e) => e.code,
    }),
    message: t.string({
      description: "What went wrong, for people, in Arabic or English.",
      resolve: (error, _args, context) =>
        translate(context.locale, error.messageKey, error.messageParams),
    }),
  }),
});

const FieldErrorType = builder.objectRef<FieldError>("FieldError").implement({
  description: "A problem with one input field.",
  fields: (t) => ({
    path: t.stringList({
      description: 'The field\'s path in the input, e.g. ["input", "nationalId"].',
      resolve: (e) => e.path,
    }),
    message: t.string({
      description: "What is wrong with the field, in the caller's language.",
      resolve: (error, _args, context) => translate(context.locale, error.messageKey, error.params),
    }),
  }),
});

/**
 * The options that make an error class a GraphQL object type implementing `Error`
 * (`builder.objectType(MyError, { name, ...errorTypeOptions(MyError, …), fields })`); its
 * codes become values of `ErrorCode`. Modules declare their own error types with it.
 */
export function errorTypeOptions<T extends DomainError>(
  errorClass: abstract new (...args: never[]) => T,
  description: string,
  errorCodes: readonly T["code"][],
) {
  if (errorCodeEnum) throw new Error(`${errorClass.name} declared after the schema was built`);
  for (const code of errorCodes) codes.set(code, `${errorClass.name}: ${description}`);
  return {
    description,
    interfaces: [ErrorInterface],
    isTypeOf: (value: unknown) => value instanceof errorClass,
  };
}

builder.objectType(ValidationError, {
  name: "ValidationError",
  ...errorTypeOptions(
    ValidationError,
    "The input broke one or more rules; each is named by field.",
    ["VALIDATION_FAILED"],
  ),
  fields: (t) => ({
    fieldErrors: t.field({
      type: [FieldErrorType],
      description: "Every field that failed, not only the first.",
      resolve: (e) => e.fieldErrors,
    }),
  }),
});
builder.objectType(NotFoundError, {
  name: "NotFoundError",
  ...errorTypeOptions(NotFoundError, "No record with that ID exists, or you may not see it.", [
    "NOT_FOUND",
  ]),
  fields: (t) => ({
    entity: t.exposeString("entity", { description: "The kind of record looked for." }),
    id: t.exposeString("id", { description: "The ID that was looked for." }),
  }),
});
builder.objectType(ForbiddenError, {
  name: "ForbiddenError",
  ...errorTypeOptions(
    ForbiddenError,
    "You are signed in, but your roles (or your key's scopes) do not allow this.",
    ["FORBIDDEN"],
  ),
});
builder.objectType(UnauthenticatedError, {
  name: "UnauthenticatedError",
  ...errorTypeOptions(
    UnauthenticatedError,
    "You are not signed in (no session, an expired token or an unknown API key): sign in, or send a valid key, and try again.",
    ["UNAUTHENTICATED"],
  ),
});
builder.objectType(ConflictError, {
  name: "ConflictError",
  ...errorTypeOptions(
    ConflictError,
    "The record changed since you read it (optimistic concurrency): nothing was written. Reload it and try again; the message says who changed it and when.",
    ["CONFLICT"],
  ),
  fields: (t) => ({
    expectedVersion: t.exposeInt("expectedVersion", { description: "The version you sent." }),
    currentVersion: t.exposeInt("currentVersion", {
      nullable: true,
      description: "The version now stored, if known.",
    }),
    changedBy: t.string({
      nullable: true,
      description:
        "Who changed the record last (a user's full name, a partner's name), if the log knows; you yourself, from another tab or window, included.",
      resolve: (e) => e.lastChange?.by ?? null,
    }),
    changedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When the record was last changed, if the log knows.",
      resolve: (e) => e.lastChange?.at ?? null,
    }),
  }),
});
const transitionDescription =
  "The action is not allowed in the record's current state; nothing was written. The concrete type names the record (a request, a committee session or agenda item, an outbox row, a research report) and types its state and the actions allowed from it by that record's enums.";
codes.set("INVALID_TRANSITION", `InvalidTransitionError: ${transitionDescription}`);

const typedFields =
  "the concrete type's state and actions, typed and named by its enums (e.g. `requestStatus`, `allowedRequestActions`)";

/**
 * Every refused transition, whatever the state machine: generic handling reads `code` and
 * `message` here, and each machine's type (declared by its module with
 * `transitionErrorType`) adds its state and actions as enums.
 */
export const InvalidTransitionInterface = builder
  .interfaceRef<InvalidTransitionError>("InvalidTransitionError")
  .implement({
    description: transitionDescription,
    interfaces: [ErrorInterface],
    fields: (t) => ({
      currentState: t.string({
        description: "The state the record is in, as a string.",
        deprecationReason: `Read ${typedFields}.`,
        resolve: (e) => e.currentState,
      }),
      allowed: t.stringList({
        description: "The actions allowed from this state, as strings.",
        deprecationReason: `Read ${typedFields}.`,
        resolve: (e) => [...e.allowed],
      }),
    }),
  });

type Types = PothosSchemaTypes.ExtendDefaultTypes<SchemaBuilderTypes>;

/**
 * A state machine's refusal (a subclass of InvalidTransitionError) as a GraphQL object type
 * implementing `Error` and `InvalidTransitionError`, its state and actions typed by the
 * machine's enums. The fields are named by their enums (`requestStatus`,
 * `allowedRequestActions`), not `currentStatus` on every type: one union may hold the refusals
 * of several machines, and fields of one name with different enum types cannot be selected
 * side by side. Each module declares its own.
 */
export function transitionErrorType(
  // biome-ignore lint/suspicious/noExplicitAny: Pothos reads a type's shape from a class only when its constructor takes any[] (never[] infers no shape).
  errorClass: new (...args: any[]) => InvalidTransitionError,
  spec: {
    name: string;
    description: string;
    states: EnumRef<Types, string> & { name: string };
    actions: EnumRef<Types, string> & { name: string };
    /** What is in the state, e.g. "the request". */
    record: string;
  },
) {
  const stateField = spec.states.name[0]!.toLowerCase() + spec.states.name.slice(1);
  const actionsField = `allowed${spec.actions.name}s`;
  return builder.objectType(errorClass, {
    name: spec.name,
    ...errorTypeOptions(errorClass, spec.description, []),
    interfaces: [ErrorInterface, InvalidTransitionInterface],
    fields: (t) => ({
      [stateField]: t.field({
        type: spec.states,
        description: `The state ${spec.record} is in.`,
        resolve: (e) => e.currentState,
      }),
      [actionsField]: t.field({
        type: [spec.actions],
        description: `The actions ${spec.record} allows from this state (whoever may take them); empty when none.`,
        resolve: (e) => [...e.allowed],
      }),
    }),
  });
}
builder.objectType(PreconditionFailedError, {
  name: "PreconditionFailedError",
  ...errorTypeOptions(
    PreconditionFailedError,
    "The action is allowed in this state, but a condition of the case is not met yet; nothing was written.",
    ["PRECONDITION_FAILED"],
  ),
  fields: (t) => ({
    reason: t.exposeString("reason", {
      description: "Stable reason, for programs, e.g. RESEARCH_REPORT_MISSING.",
    }),
  }),
});

/**
 * The expected failure an error stands for, if any. A database with no connection free in
 * time is one (BUSY), wherever it happens: mapped here once rather than in each resolver.
 */
function expectedFailure(error: Error | undefined): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (isDatabaseBusy(error)) return new BusyError();
  return undefined;
}

function toGraphQLError(error: GraphQLError, locale: Locale): GraphQLError {
  const original = expectedFailure(error.originalError);
  if (!original) return error;
  const extensions: Record<string, unknown> = { code: original.code };
  let message = translate(locale, original.messageKey, original.messageParams);
  if (original instanceof ValidationError) {
    const fieldErrors = original.fieldErrors.map((f) => ({
      path: f.path,
      message: translate(locale, f.messageKey, f.params),
    }));
    extensions.fieldErrors = fieldErrors;
    // A query's bad argument reads better as the problem itself than as "not saved".
    if (fieldErrors.length === 1) message = fieldErrors[0]!.message;
  }
  return new GraphQLError(message, {
    nodes: error.nodes,
    path: error.path,
    extensions,
  });
}

/**
 * Domain errors thrown where no typed result catches them (queries, subscriptions) reach
 * the client as GraphQL errors with their code and translated message. Runs before yoga's
 * masking, which hides everything else.
 */
export function useDomainErrors(): Plugin<Context> {
  const translateResult =
    (locale: Locale) =>
    (payload: Parameters<Parameters<typeof handleStreamOrSingleExecutionResult>[1]>[0]) => {
      const { result, setResult } = payload;
      if (!result.errors?.length) return;
      setResult({ ...result, errors: result.errors.map((e) => toGraphQLError(e, locale)) });
    };
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: (payload) =>
        handleStreamOrSingleExecutionResult(
          payload,
          translateResult((args.contextValue as Context).locale),
        ),
    }),
    onSubscribe: ({ args }) => ({
      onSubscribeResult: (payload) =>
        handleStreamOrSingleExecutionResult(
          payload,
          translateResult((args.contextValue as Context).locale),
        ),
      onSubscribeError: ({ error, setError }) => {
        if (error instanceof GraphQLError)
          setError(toGraphQLError(error, (args.contextValue as Context).locale));
      },
    }),
  };
}

/** What the client reads instead of an unexpected error's message (yoga's masked message). */
export const unexpectedErrorMessage = "Unexpected error.";

/**
 * Unexpected errors (anything but a GraphQL or domain error) are logged once, with the
 * operation, the caller, the request id and the stack, and replaced by a masked error that
 * carries the request id, so that a user can quote it and an operator find the log line.
 * Runs before yoga's masking (which then lets the replacement through unchanged), for HTTP
 * and graphql-ws operations alike: both run through the same envelop hooks.
 */
export function useUnexpectedErrors(): Plugin<Context> {
  const report = (
    context: Context,
    operation: { document: DocumentNode; operationName?: string | null | undefined },
    error: unknown,
  ): GraphQLError => {
    const graphqlError = error instanceof GraphQLError ? error : undefined;
    const caller = context.knownCaller();
    context.log.error(
      {
        err: graphqlError?.originalError ?? error,
        operationName:
          operation.operationName ??
          getOperationAST(operation.document, operation.operationName)?.name?.value,
        callerId:
          caller?.kind === "user"
            ? caller.id
            : caller?.kind === "partner"
              ? caller.apiKeyId
              : caller?.kind === "member"
                ? caller.memberId
                : undefined,
        path: graphqlError?.path,
      },
      "unexpected error",
    );
    return new GraphQLError(unexpectedErrorMessage, {
      nodes: graphqlError?.nodes,
      path: graphqlError?.path,
      // `unexpected` (yoga's mark, not sent to clients) keeps yoga's 500 for a result without data.
      extensions: { code: "INTERNAL_SERVER_ERROR", requestId: context.requestId, unexpected: true },
    });
  };
  const unexpected = (error: unknown) => !isOriginalGraphQLError(error as Error);
  const handleResult =
    (context: Context, operation: Parameters<typeof report>[1]) =>
    (payload: Parameters<Parameters<typeof handleStreamOrSingleExecutionResult>[1]>[0]) => {
      const { result, setResult } = payload;
      if (!result.errors?.some(unexpected)) return;
      setResult({
        ...result,
        errors: result.errors.map((e) => (unexpected(e) ? report(context, operation, e) : e)),
      });
    };
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: (payload) =>
        handleStreamOrSingleExecutionResult(
          payload,
          handleResult(args.contextValue as Context, args),
        ),
    }),
    onSubscribe: ({ args }) => ({
      onSubscribeResult: (payload) =>
        handleStreamOrSingleExecutionResult(
          payload,
          handleResult(args.contextValue as Context, args),
        ),
      onSubscribeError: ({ error, setError }) => {
        if (unexpected(error)) setError(report(args.contextValue as Context, args, error));
      },
    }),
  };
}
