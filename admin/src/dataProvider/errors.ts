// The API's typed errors (results like `ValidationError`, or GraphQL errors carrying
// `extensions.code`) as react-admin understands them: an HttpError whose body.errors maps
// each field to its message (shown under the input, in the user's language).
import { HttpError } from "react-admin";

export type FieldErrorResult = { path: string[]; message: string };
export type TypedErrorResult = {
  __typename: string;
  code?: string;
  message?: string;
  fieldErrors?: FieldErrorResult[];
  /** IncompleteRequestError: every gap, named. */
  gaps?: { kind: string; name: string; message: string }[];
  /** RequestTransitionError: the request's status and the actions allowed from it. */
  requestStatus?: string;
  allowedRequestActions?: string[];
  /** PreconditionFailedError. */
  reason?: string;
};

const statusByCode: Record<string, number> = {
  VALIDATION_FAILED: 400,
  INCOMPLETE_REQUEST: 422,
  PRECONDITION_FAILED: 412,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  INVALID_CREDENTIALS: 401,
  TOO_MANY_ATTEMPTS: 429,
  // The server had no database connection free in time: nothing was saved, try again.
  BUSY: 503,
};

/** `["input", "nationalId"]` → `nationalId` (the form's field name). */
export function fieldName(path: readonly string[]): string {
  const rest = path[0] === "input" ? path.slice(1) : path;
  return rest.join(".") || "root";
}

/** The react-admin error for a typed error result of a mutation. */
export function typedResultError(result: TypedErrorResult): HttpError {
  const message = result.message ?? result.__typename;
  const status = statusByCode[result.code ?? ""] ?? 400;
  const errors: Record<string, unknown> = {};
  for (const fieldError of result.fieldErrors ?? []) {
    const name = fieldName(fieldError.path);
    if (!(name in errors)) errors[name] = fieldError.message;
  }
  if (Object.keys(errors).length) errors.root = { serverError: message };
  return new HttpError(message, status, {
    code: result.code,
    typename: result.__typename,
    errors: Object.keys(errors).length ? errors : undefined,
    ...(result.gaps ? { gaps: result.gaps } : {}),
    ...(result.allowedRequestActions
      ? { allowedRequestActions: result.allowedRequestActions, requestStatus: result.requestStatus }
      : {}),
    ...(result.reason ? { reason: result.reason } : {}),
  });
}

type GraphQLErrorLike = { message: string; extensions?: Record<string, unknown> };
type ApolloErrorLike = {
  message?: string;
  graphQLErrors?: readonly GraphQLErrorLike[];
  networkError?: { statusCode?: number; message?: string } | null;
  body?: unknown;
  status?: number;
};

/** Any failure of a call (Apollo error, HttpError wrapping one) as a uniform HttpError. */
export function normaliseError(error: unknown): unknown {
  if (!error || typeof error !== "object") return error;
  const e = error as ApolloErrorLike;
  // ra-data-graphql wraps whatever parseResponse threw in HttpError(message, 200, original).
  if (e.body instanceof HttpError) return e.body;
  const inner = (
    e.body && typeof e.body === "object" ? (e.body as ApolloErrorLike) : e
  ) as ApolloErrorLike;
  const first = inner.graphQLErrors?.[0];
  if (first) {
    const code = typeof first.extensions?.code === "string" ? first.extensions.code : undefined;
    const fieldErrors = Array.isArray(first.extensions?.fieldErrors)
      ? (first.extensions.fieldErrors as FieldErrorResult[])
      : undefined;
    if (code)
      return typedResultError({
        __typename: "GraphQLError",
        code,
        message: first.message,
        fieldErrors,
      });
    return new HttpError(first.message, 500, { code: "UNEXPECTED" });
  }
  const statusCode = inner.networkError?.statusCode;
  if (statusCode)
    return new HttpError(inner.networkError?.message ?? inner.message ?? "", statusCode);
  return error;
}

/** A mutation's typed result: its success, or one of the typed errors. */
export type TypedResult = TypedErrorResult & Record<string, unknown>;

/** The success's field, or the typed error as react-admin's HttpError. */
export function unwrap<T>(
  result: TypedResult | null | undefined,
  success: string,
  field: string,
): T {
  if (result && result.__typename === success) return result[field] as T;
  throw typedResultError(result ?? { __typename: "Error", message: "" });
}
