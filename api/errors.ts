// Expected failures, thrown by services and shown to callers as typed GraphQL results. The
// generic ones live here; a module keeps its own in its `errors.ts`.
// They carry a stable code and message keys; the text is chosen in the caller's language
// when the error is resolved (api/i18n). Anything else thrown stays masked.
import type { MessageKey, MessageParams } from "./i18n/messages.js";

/**
 * Every stable error code. These are core's; a module adds its own next to its error classes
 * (`declare module "…/errors.js" { interface ErrorCodes { MY_CODE: true } }`) and registers
 * them with their GraphQL type (graphql/errors.ts, `errorType`).
 */
export interface ErrorCodes {
  VALIDATION_FAILED: true;
  NOT_FOUND: true;
  FORBIDDEN: true;
  UNAUTHENTICATED: true;
  CONFLICT: true;
  INVALID_TRANSITION: true;
  PRECONDITION_FAILED: true;
  BUSY: true;
}

export type ErrorCode = keyof ErrorCodes;

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    readonly messageKey: MessageKey,
    readonly messageParams: MessageParams = {},
  ) {
    super(messageKey);
    this.name = new.target.name;
  }
}

/** One field's problem: the input path (e.g. ["input", "nationalId"]) and a message key. */
export type FieldError = { path: string[]; messageKey: MessageKey; params?: MessageParams };

export class ValidationError extends DomainError {
  readonly code = "VALIDATION_FAILED";
  constructor(readonly fieldErrors: FieldError[]) {
    super("errors.validationFailed", { count: fieldErrors.length });
  }
}

/** The error of one field of a mutation's `input`; its message names the field. */
export function inputFieldError(
  field: string,
  messageKey: MessageKey,
  params: MessageParams = {},
): ValidationError {
  return new ValidationError([inputField(field, messageKey, params)]);
}

function inputField(field: string, messageKey: MessageKey, params: MessageParams): FieldError {
  return { path: ["input", field], messageKey, params: { field, ...params } };
}

/** Collects every problem with an input, so that one answer names them all. */
export class FieldErrors {
  readonly list: FieldError[] = [];
  add(field: string, messageKey: MessageKey, params: MessageParams = {}) {
    this.list.push(inputField(field, messageKey, params));
  }
  has(field: string) {
    return this.list.some((e) => e.path[1] === field);
  }
  /**
   * A text field trimmed and checked: required (when asked) and at most `max` characters.
   * undefined (not given) stays undefined; null (cleared) becomes "".
   */
  text(field: string, value: string | null | undefined, max: number, required = false) {
    if (value === undefined || value === null) {
      if (required) this.add(field, "validation.required");
      return value === null ? "" : undefined;
    }
    const text = value.trim();
    if (required && !text) this.add(field, "validation.required");
    if (text.length > max) this.add(field, "validation.tooLong", { max });
    return text;
  }
  throwIfAny() {
    if (this.list.length) throw new ValidationError(this.list);
  }
}

export class NotFoundError extends DomainError {
  readonly code = "NOT_FOUND";
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super("errors.notFound", { entity, id });
  }
}

export class ForbiddenError extends DomainError {
  readonly code = "FORBIDDEN";
  constructor() {
    super("errors.forbidden");
  }
}

/** Not signed in (no session, an expired token, an unknown key): sign in and try again. */
export class UnauthenticatedError extends DomainError {
  readonly code = "UNAUTHENTICATED";
  constructor() {
    super("errors.unauthenticated");
  }
}

/** The refusal for a caller: not signed in, or signed in and not allowed. */
export function refusal(signedIn: boolean): ForbiddenError | UnauthenticatedError {
  return signedIn ? new ForbiddenError() : new UnauthenticatedError();
}

/** Who last changed a record, and when: from the audit log. */
export type LastChange = { by: string; at: Date; byCaller: boolean };

/**
 * The record changed since the caller read it (its version moved on): nothing was written.
 * With the last change known, the message says who (the caller, in another tab or window;
 * or a named colleague) and when; either way, to reload.
 */
export class ConflictError extends DomainError {
  readonly code = "CONFLICT";
  constructor(
    readonly entity: string,
    readonly expectedVersion: number,
    readonly currentVersion: number | null,
    readonly lastChange?: LastChange,
  ) {
    super(
      !lastChange
        ? "errors.conflict"
        : lastChange.byCaller
          ? "errors.conflictByCaller"
          : "errors.conflictByOther",
      lastChange ? { by: lastChange.by, at: { time: lastChange.at } } : {},
    );
  }
}

/**
 * The action is not one the record's state allows. Each state machine has its own subclass
 * (its module's errors.ts) typing the state and the actions by its enums, so that the schema
 * answers `RequestStatus`/`RequestAction` and the like rather than strings. `labels` names
 * the message-key prefixes of the states' and actions' labels (e.g. "requestStatus",
 * "requestAction"), so that the message shows them in the caller's language, with the moves
 * the state does allow.
 */
export abstract class InvalidTransitionError<
  State extends string = string,
  Action extends string = string,
> extends DomainError {
  readonly code = "INVALID_TRANSITION";
  constructor(
    readonly currentState: State,
    attempted: string,
    readonly allowed: readonly Action[],
    labels: { state: string; action: string },
  ) {
    const action = (name: string) => `${labels.action}.${name}`;
    super(allowed.length ? "errors.invalidTransition" : "errors.invalidTransitionNone", {
      currentState: { translate: [`${labels.state}.${currentState}`] },
      attempted: { translate: [action(attempted)] },
      allowed: { translate: allowed.map(action) },
    });
  }
}

/**
 * The action exists in this state, but a condition of the case is not met yet (e.g. the
 * researcher's report before raising to the committee). `reason` is stable, for programs.
 */
export class PreconditionFailedError extends DomainError {
  readonly code = "PRECONDITION_FAILED";
  constructor(
    readonly reason: string,
    messageKey: MessageKey,
    params: MessageParams = {},
  ) {
    super(messageKey, params);
  }
}

/**
 * The database had no connection free in time (a burst beyond the pool and its queue).
 * Nothing was written; the same request may simply be sent again.
 */
export class BusyError extends DomainError {
  readonly code = "BUSY";
  constructor() {
    super("errors.busy");
  }
}
