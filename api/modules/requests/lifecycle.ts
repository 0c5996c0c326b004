// The request life cycle as data (DOMAIN.md, "Request life cycle"): states, and transitions
// with who may fire them, what they need and what they announce. The service executes these;
// the schema's availableActions, the panel's buttons and the tests all read the same table.
// Pure data and functions: no database, no GraphQL.
import { committeeFlowStatuses } from "../../../contract/requests.js";
import type { Caller } from "../../auth/caller.js";
import type { NotificationEvent, RequestStatus, Role } from "../../db/generated/enums.js";
import { RequestTransitionError } from "./errors.js";

/** The verbs a caller can apply to a request; each is one mutation of the same name. */
export const requestActions = [
  "SUBMIT",
  "REQUEST_MORE_INFORMATION",
  "RESUBMIT",
  "REFER_TO_RESEARCHER",
  "RAISE_TO_COMMITTEE",
  "RECORD_DECISION",
  "COMPLETE",
  "WITHDRAW",
  "START_WORK",
  "RESOLVE",
  "CLOSE",
] as const;
export type RequestAction = (typeof requestActions)[number];

/** Committee types (support, registration) and service types (inquiry, complaint, ...). */
export type Flow = "COMMITTEE" | "SERVICE";

/** Conditions checked when the action is fired (the service implements each by name). */
export type Guard =
  /** Completeness and validity against the type's current rules (policy step 2). */
  | "COMPLETE_BY_CURRENT_RULES"
  /** Completeness and validity against the rules snapshot taken at submission. */
  | "COMPLETE_BY_SNAPSHOT"
  /** A request that went to the researcher needs their submitted report first. */
  | "RESEARCH_REPORT_IF_REFERRED"
  /**
   * An approved request is completed (the grant paid, the member registered) only once
   * every required document has been verified. A rejected one closes without: its
   * documents may be why it was rejected.
   */
  | "DOCUMENTS_VERIFIED_IF_APPROVED";

/** What the transition changes besides the status (the service implements each by name). */
export type Effect =
  | "ASSIGN_REFERENCE"
  | "PAUSE_CLOCK"
  | "RESUME_CLOCK"
  | "SET_RESEARCHER"
  | "RECORD_DECISION"
  | "MARK_COMPLETED"
  | "ACTIVATE_MEMBER_IF_REGISTRATION_APPROVED"
  | "MARK_WITHDRAWN"
  | "ASSIGN_IF_UNASSIGNED"
  | "RECORD_ANSWER"
  | "APPLY_DATA_UPDATE"
  | "MARK_CLOSED";

export type Transition = {
  action: RequestAction;
  from: readonly RequestStatus[];
  /** The status after; RECORD_DECISION goes to the decision given (APPROVED or REJECTED). */
  to: RequestStatus | "DECISION";
  roles: readonly Role[];
  guards: readonly Guard[];
  effects: readonly Effect[];
  /** Sent to the member, in the same transaction (outbox). */
  notification?: NotificationEvent;
};

const desk: readonly Role[] = ["ADMIN", "STAFF"];

/** States a committee request is still being worked on: it can be withdrawn. */
const committeeOpen: readonly RequestStatus[] = [
  "DRAFT",
  "SUBMITTED",
  "NEEDS_INFO",
  "WITH_RESEARCHER",
  "IN_COMMITTEE",
];

/** Submitting a draft is the same step in both flows. */
const submit: Transition = {
  action: "SUBMIT",
  from: ["DRAFT"],
  to: "SUBMITTED",
  roles: desk,
  guards: ["COMPLETE_BY_CURRENT_RULES"],
  effects: ["ASSIGN_REFERENCE"],
  notification: "REQUEST_SUBMITTED",
};

export const lifecycles: Readonly<Record<Flow, readonly Transition[]>> = {
  COMMITTEE: [
    submit,
    {
      action: "REQUEST_MORE_INFORMATION",
      from: ["SUBMITTED", "WITH_RESEARCHER"],
      to: "NEEDS_INFO",
      // The researcher finds gaps during the visit: they may ask on their own cases.
      roles: [...desk, "RESEARCHER"],
      guards: [],
      effects: ["PAUSE_CLOCK"],
      notification: "NEEDS_INFO",
    },
    {
      action: "RESUBMIT",
      from: ["NEEDS_INFO"],
      to: "SUBMITTED",
      roles: desk,
      guards: ["COMPLETE_BY_SNAPSHOT"],
      effects: ["RESUME_CLOCK"],
    },
    {
      action: "REFER_TO_RESEARCHER",
      from: ["SUBMITTED"],
      to: "WITH_RESEARCHER",
      roles: desk,
      guards: [],
      effects: ["SET_RESEARCHER"],
      notification: "REFERRED_TO_RESEARCHER",
    },
    {
      action: "RAISE_TO_COMMITTEE",
      from: ["SUBMITTED", "WITH_RESEARCHER"],
      to: "IN_COMMITTEE",
      roles: desk,
      // Documents can be rejected after submission: the file is checked again before the
      // committee studies it.
      guards: ["COMPLETE_BY_SNAPSHOT", "RESEARCH_REPORT_IF_REFERRED"],
      effects: [],
      notification: "RAISED_TO_COMMITTEE",
    },
    {
      action: "RECORD_DECISION",
      from: ["IN_COMMITTEE"],
      to: "DECISION",
      // A session decides through the committee module (applyTransition, no role check);
      // the chair alone records only a decision taken at a meeting held outside Wasl.
      roles: ["COMMITTEE_CHAIR"],
      guards: [],
      effects: ["RECORD_DECISION"],
      notification: "DECIDED",
    },
    {
      action: "COMPLETE",
      from: ["APPROVED", "REJECTED"],
      to: "COMPLETED",
      roles: desk,
      guards: ["DOCUMENTS_VERIFIED_IF_APPROVED"],
      effects: ["MARK_COMPLETED", "ACTIVATE_MEMBER_IF_REGISTRATION_APPROVED"],
      notification: "COMPLETED",
    },
    {
      action: "WITHDRAW",
      from: committeeOpen,
      to: "WITHDRAWN",
      roles: desk,
      guards: [],
      effects: ["MARK_WITHDRAWN"],
    },
  ],
  SERVICE: [
    // Service requests are submitted when taken in (createRequest). SUBMIT stays for a draft
    // left by a type that an admin moved from the committee to the service flow.
    submit,
    {
      action: "START_WORK",
      from: ["SUBMITTED"],
      to: "IN_PROGRESS",
      roles: desk,
      guards: [],
      effects: ["ASSIGN_IF_UNASSIGNED"],
    },
    {
      action: "RESOLVE",
      from: ["IN_PROGRESS"],
      to: "RESOLVED",
      roles: desk,
      // A data update's changes are validated again when applied (APPLY_DATA_UPDATE).
      guards: [],
      effects: ["RECORD_ANSWER", "APPLY_DATA_UPDATE"],
      notification: "RESOLVED",
    },
    {
      action: "CLOSE",
      from: ["RESOLVED"],
      to: "CLOSED",
      roles: desk,
      guards: [],
      effects: ["MARK_CLOSED"],
    },
    {
      // A member who no longer needs the answer (or a complaint settled outside) withdraws
      // it; without this staff would have to "resolve" it with a made-up answer.
      action: "WITHDRAW",
      from: ["DRAFT", "SUBMITTED", "IN_PROGRESS"],
      to: "WITHDRAWN",
      roles: desk,
      guards: [],
      effects: ["MARK_WITHDRAWN"],
    },
  ],
};

/** Every state of each flow, in life-cycle order (tests walk them). */
export const flowStates: Readonly<Record<Flow, readonly RequestStatus[]>> = {
  COMMITTEE: committeeFlowStatuses,
  SERVICE: ["DRAFT", "SUBMITTED", "IN_PROGRESS", "RESOLVED", "CLOSED", "WITHDRAWN"],
};

/** States in which the decision clock runs (the request awaits the association). */
export const clockRunningStates: readonly RequestStatus[] = [
  "SUBMITTED",
  "WITH_RESEARCHER",
  "IN_COMMITTEE",
  "IN_PROGRESS",
];
/** Submitted and not yet decided or resolved: the clock runs or is paused. */
export const undecidedStates: readonly RequestStatus[] = [...clockRunningStates, "NEEDS_INFO"];
/** States in which the request's data may still be changed (updateRequest). */
export const editableStates: readonly RequestStatus[] = ["DRAFT", "NEEDS_INFO"];
/**
 * States in which the request's file is closed: nothing more is attached, verified or signed.
 * In every other state, decided ones included (an approved grant is paid only once its
 * documents are verified), the file is open to documents and the attestation.
 */
export const closedFileStates: readonly RequestStatus[] = ["COMPLETED", "WITHDRAWN", "CLOSED"];

/** Whether documents may be attached to (and the attestation signed on) a request in this state. */
export function isOpenToDocuments(status: RequestStatus): boolean {
  return !closedFileStates.includes(status);
}

export function flowOf(committeeDecides: boolean): Flow {
  return committeeDecides ? "COMMITTEE" : "SERVICE";
}

/** The transition an action takes from a state, if the flow has one. */
export function transitionFrom(
  flow: Flow,
  status: RequestStatus,
  action: RequestAction,
): Transition | undefined {
  return lifecycles[flow].find((t) => t.action === action && t.from.includes(status));
}

/** The actions the flow allows from a state, whoever fires them. */
export function actionsFrom(flow: Flow, status: RequestStatus): RequestAction[] {
  return lifecycles[flow].filter((t) => t.from.includes(status)).map((t) => t.action);
}

/**
 * Whether this caller may fire the transition on this request: one of its roles is listed,
 * and a caller whose only listed role is RESEARCHER acts only on the cases referred to them.
 */
export function mayFire(
  caller: Caller,
  transition: Transition,
  request: { researcherId: string | null },
): boolean {
  if (caller.kind !== "user") return false;
  const granting = caller.roles.filter((role) => transition.roles.includes(role));
  if (granting.length === 0) return false;
  if (granting.every((role) => role === "RESEARCHER")) return request.researcherId === caller.id;
  return true;
}

/** What this caller may do to the request now (guards are checked when the action is fired). */
export function availableActionsFor(
  caller: Caller,
  flow: Flow,
  request: { status: RequestStatus; researcherId: string | null },
): RequestAction[] {
  return lifecycles[flow]
    .filter((t) => t.from.includes(request.status) && mayFire(caller, t, request))
    .map((t) => t.action);
}

/**
 * The refusal of an action the request's state does not allow (a life-cycle action, an edit,
 * a research step), naming the state and the moves the flow allows from it, by their labels
 * (requestStatus.*, requestAction.* in messages.ts).
 */
export function refusedTransition(
  flow: Flow,
  status: RequestStatus,
  attempted: string,
): RequestTransitionError {
  return new RequestTransitionError(status, attempted, actionsFrom(flow, status));
}
