// The typed errors of the schema: each domain error class (api/errors.ts) as an object type
// implementing `Error`, with its message in the caller's language.
import {
  handleStreamOrSingleExecutionResult,
  isOriginalGraphQLError,
  type Plugin,
} from "@envelop/core";
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
  IncompleteRequestError,
  InvalidCredentialsError,
  InvalidTransitionError,
  NotFoundError,
  PreconditionFailedError,
  type RequestGap,
  TooManyAttemptsError,
  ValidationError,
} from "../errors.js";
import { type Locale, translate } from "../i18n/messages.js";
import { builder } from "./builder.js";

const codes: ErrorCode[] = [
  "VALIDATION_FAILED",
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "CONFLICT",
  "INVALID_TRANSITION",
  "INVALID_CREDENTIALS",
  "TOO_MANY_ATTEMPTS",
  "INCOMPLETE_REQUEST",
  "PRECONDITION_FAILED",
  "BUSY",
];

export const ErrorCodeEnum = builder.enumType("ErrorCode", {
  description: "A stable, machine-readable reason for an expected failure.",
  values: Object.fromEntries(codes.map((code) => [code, { value: code }])) as Record<
    ErrorCode,
    { value: ErrorCode }
  >,
});

export const ErrorInterface = builder.interfaceRef<DomainError>("Error").implement({
  description:
    "An expected failure, with a stable code and a message in the caller's language (Accept-Language; Arabic by default).",
  fields: (t) => ({
    code: t.field({
      type: ErrorCodeEnum,
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

const errorTypeOptions = (
  errorClass: abstract new (...args: never[]) => DomainError,
  description: string,
) => ({
  description,
  interfaces: [ErrorInterface],
  isTypeOf: (value: unknown) => value instanceof errorClass,
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  ...errorTypeOptions(
    ValidationError,
    "The input broke one or more rules; each is named by field.",
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
  ...errorTypeOptions(NotFoundError, "No record with that ID exists, or you may not see it."),
  fields: (t) => ({
    entity: t.exposeString("entity", { description: "The kind of record looked for." }),
    id: t.exposeString("id", { description: "The ID that was looked for." }),
  }),
});
builder.objectType(ForbiddenError, {
  name: "ForbiddenError",
  ...errorTypeOptions(ForbiddenError, "You are not signed in, or your roles do not allow this."),
});
builder.objectType(ConflictError, {
  name: "ConflictError",
  ...errorTypeOptions(
    ConflictError,
    "The record changed since you read it (optimistic concurrency): nothing was written. Reload it and try again; the message says who changed it and when.",
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
builder.objectType(InvalidTransitionError, {
  name: "InvalidTransitionError",
  ...errorTypeOptions(
    InvalidTransitionError,
    "The action is not allowed in the record's current state.",
  ),
  fields: (t) => ({
    currentState: t.exposeString("currentState", { description: "The state the record is in." }),
    allowed: t.exposeStringList("allowed", { description: "The actions allowed from this state." }),
  }),
});
builder.objectType(InvalidCredentialsError, {
  name: "InvalidCredentialsError",
  ...errorTypeOptions(
    InvalidCredentialsError,
    "Sign-in refused: wrong e-mail or password, or a disabled account.",
  ),
});
builder.objectType(TooManyAttemptsError, {
  name: "TooManyAttemptsError",
  ...errorTypeOptions(
    TooManyAttemptsError,
    "Too many failed sign-ins from this account or address.",
  ),
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt("retryAfterSeconds", {
      description: "Seconds to wait before trying again.",
    }),
  }),
});

const RequestGapKindEnum = builder.enumType("RequestGapKind", {
  description: "What kind of gap keeps a request from moving on.",
  values: {
    MISSING_FIELD: { description: "A required field of the request or the member is empty." },
    MISSING_DOCUMENT: {
      description: "A required document kind has no pending or accepted document.",
    },
    UNVERIFIED_DOCUMENT: {
      description:
        "A required document is attached but not verified (accepted) yet: an approved request is completed only once all are.",
    },
    UNSIGNED_ATTESTATION: { description: "The applicant has not signed the attestation." },
    STALE_ATTESTATION: {
      description: "The attestation was signed, but the data changed since: sign again.",
    },
    INVALID_MEMBER_DATA: {
      description:
        "The member's data are not valid now (e.g. national ID check digit, membership ended or suspended).",
    },
  } as const,
});

export const RequestGapType = builder.objectRef<RequestGap>("RequestGap").implement({
  description: "One thing a request lacks or has wrong, named.",
  fields: (t) => ({
    kind: t.field({
      type: RequestGapKindEnum,
      description: "Kind of gap.",
      resolve: (g) => g.kind,
    }),
    name: t.string({
      description:
        'What is missing or wrong: a field ("amountRequested", "member.familySize"), a document kind ("FAMILY_CARD"), or "attestation".',
      resolve: (g) => g.name,
    }),
    message: t.string({
      description: "The gap, for people, in the caller's language.",
      resolve: (gap, _args, context) => translate(context.locale, gap.messageKey, gap.params),
    }),
  }),
});

builder.objectType(IncompleteRequestError, {
  name: "IncompleteRequestError",
  ...errorTypeOptions(
    IncompleteRequestError,
    "The request is not complete or not valid (policy step 2): every gap is listed; nothing was written.",
  ),
  fields: (t) => ({
    gaps: t.field({
      type: [RequestGapType],
      description: "Every gap, not only the first.",
      resolve: (e) => e.gaps,
    }),
  }),
});
builder.objectType(PreconditionFailedError, {
  name: "PreconditionFailedError",
  ...errorTypeOptions(
    PreconditionFailedError,
    "The action is allowed in this state, but a condition of the case is not met yet; nothing was written.",
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
