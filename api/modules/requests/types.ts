// A service request (طلب / معاملة) as the schema shows it: its data, its place in the life
// cycle, its decision clock, what the caller may do with it now, and its timeline.
// Documents, attestation and research add their fields from their own folders.
import type { Context } from "../../auth/context.js";
import { hasPermission } from "../../auth/permissions.js";
import { withCaller } from "../../auth/policy.js";
import { Decision, TimelineEventKind } from "../../db/generated/enums.js";
import { builder } from "../../graphql/builder.js";
import {
  ChannelEnum,
  DocumentKindEnum,
  describedEnum,
  RequestStatusEnum,
  RequestTypeCodeEnum,
} from "../../graphql/enums.js";
import { pagedQuery, sharedConnection } from "../../graphql/pagination.js";
import { StaffRefType } from "../users/types.js";
import { findGaps } from "./completeness.js";
import { daysRemaining, isDueSoon, isOverdue, warningLeadDays } from "./decision-clock.js";
import { RequestGapType } from "./error-types.js";
import { availableActionsFor, editableStates, flowOf, requestActions } from "./lifecycle.js";
import { mayReadCase, mayReadCaseOf } from "./policy.js";
import { rulesFor } from "./request-type-rules.js";
import type { RequestRules } from "./rules.js";

const actionDescriptions: Record<(typeof requestActions)[number], string> = {
  SUBMIT: "Submit a complete draft: reference number, decision clock (submitRequest).",
  REQUEST_MORE_INFORMATION:
    "Send back to the member for more information; pauses the clock (requestMoreInformation).",
  RESUBMIT: "The information was supplied: back to SUBMITTED; resumes the clock (resubmitRequest).",
  REFER_TO_RESEARCHER: "Refer to a social researcher (referToResearcher).",
  RAISE_TO_COMMITTEE: "Raise to the research committee (raiseToCommittee).",
  RECORD_DECISION: "Record the committee's decision and its reason (recordDecision).",
  COMPLETE: "Complete the procedure after the decision (completeRequest).",
  WITHDRAW: "Withdraw an open request (withdrawRequest).",
  START_WORK: "Start working on a submitted inquiry, complaint, suggestion or update (startWork).",
  RESOLVE: "Record the answer and resolve (resolveRequest).",
  CLOSE: "Close a resolved request (closeRequest).",
};

export const RequestActionEnum = builder.enumType("RequestAction", {
  description:
    "A life-cycle action; each has its own mutation (SUBMIT → submitRequest, RECORD_DECISION → recordDecision, …).",
  values: Object.fromEntries(
    requestActions.map((action) => [action, { description: actionDescriptions[action] }]),
  ) as Record<(typeof requestActions)[number], { description: string }>,
});

export const DecisionEnum = describedEnum(
  Decision,
  "Decision",
  "The research committee's decision on a request: APPROVED or REJECTED.",
  {
    APPROVED: "The request is approved.",
    REJECTED: "The request is rejected, with a reason.",
  },
);

export const TimelineEventKindEnum = describedEnum(
  TimelineEventKind,
  "TimelineEventKind",
  "What happened to a member or a request.",
  {
    MEMBER_REGISTERED: "The member was recorded.",
    MEMBER_UPDATED: "The member's data changed.",
    REQUEST_CREATED: "The request was recorded.",
    STATUS_CHANGED: "The request moved in its life cycle (fromStatus → toStatus).",
    DOCUMENT_UPLOADED: "A document was attached.",
    DOCUMENT_VERIFIED: "A document was accepted or rejected.",
    ATTESTATION_SIGNED: "The applicant signed the declaration.",
    ATTESTATION_STALE:
      "The data changed after the declaration was signed: it must be signed again.",
    RESEARCHER_ASSIGNED: "A social researcher was assigned.",
    RESEARCH_REPORT_SUBMITTED: "The researcher submitted their report.",
    ADDED_TO_AGENDA: "The request was put on a committee session's agenda.",
    DECISION_RECORDED: "The committee's decision was recorded.",
    COMMUNICATION_LOGGED: "A contact with the member was logged.",
    NOTIFICATION_QUEUED: "A message to the member was queued.",
    NOTE: "A note written by staff.",
  },
);

export const RequestRulesType = builder.objectRef<RequestRules>("RequestRules").implement({
  description:
    "The rules a request is checked against: its type's rules as they were at submission (a snapshot), or the type's current rules before.",
  fields: (t) => ({
    requiredFields: t.stringList({
      description: 'Fields that must be filled, e.g. "amountRequested", "member.familySize".',
      resolve: (r) => r.requiredFields,
    }),
    requiredDocumentKinds: t.field({
      type: [DocumentKindEnum],
      description: "Document kinds that must be attached and not rejected.",
      resolve: (r) => r.requiredDocumentKinds,
    }),
    attestationRequired: t.boolean({
      description: "Whether the applicant must sign the attestation.",
      resolve: (r) => r.attestationRequired,
    }),
    committeeDecides: t.boolean({
      description: "Whether the research committee decides it (else: resolved by staff).",
      resolve: (r) => r.committeeDecides,
    }),
    involvesMoney: t.boolean({
      description: "Whether an amount is requested and approved.",
      resolve: (r) => r.involvesMoney,
    }),
    decisionPeriodDays: t.int({
      description: "Days from submission to the decision deadline.",
      resolve: (r) => r.decisionPeriodDays,
    }),
  }),
});

/**
 * One event of a member's or a request's timeline: a Node, readable by `node(id:)` under the
 * case rows' one rule (policy.ts): a researcher reads only the events of the cases referred
 * to them, other staff every event.
 */
export const TimelineEventType = builder.prismaNode("TimelineEvent", {
  name: "TimelineEvent",
  description:
    "One event of a member's or a request's timeline (status changes, decisions, referrals, data updates, …).",
  id: { field: "id", description: "Global ID." },
  authScopes: async (event, context) => {
    const caller = await context.caller();
    return caller.kind === "user" && mayReadCaseOf(context.prisma, caller, event.requestId);
  },
  fields: (t) => ({
    kind: t.expose("kind", { type: TimelineEventKindEnum, description: "What happened." }),
    fromStatus: t.expose("fromStatus", {
      type: RequestStatusEnum,
      nullable: true,
      description: "Status before, for status changes.",
    }),
    toStatus: t.expose("toStatus", {
      type: RequestStatusEnum,
      nullable: true,
      description: "Status after, for status changes.",
    }),
    note: t.exposeString("note", {
      nullable: true,
      description: "The note, reason or answer written with the event.",
    }),
    actorName: t.string({
      nullable: true,
      description: "Who did it (staff name); null for the member, a partner or the system.",
      select: { actor: { select: { fullName: true } } },
      resolve: (e) => e.actor?.fullName ?? null,
    }),
    at: t.expose("at", { type: "DateTime", description: "When." }),
  }),
});

/** The warning lead time, read once per GraphQL request however many requests are shown. */
const leadDaysByContext = new WeakMap<Context, Promise<number>>();
function leadDays(context: Context): Promise<number> {
  let days = leadDaysByContext.get(context);
  if (!days) {
    days = warningLeadDays(context.prisma);
    leadDaysByContext.set(context, days);
  }
  return days;
}

export const RequestNode = builder.prismaNode("Request", {
  description: "A service request (طلب / معاملة) made by a member.",
  id: { field: "id", description: "Global ID." },
  // Select mode: only the columns a query asks for, plus what the scope check and the
  // resolvers without a `select` of their own read (researcherId, status). A list of 50
  // reads no JSON details and no clock it does not show.
  select: { id: true, researcherId: true, status: true },
  // The requests' one visibility rule (policy.ts): lists apply the same rule as a `where`.
  authScopes: (request, context) =>
    withCaller(
      context,
      (caller) => mayReadCase(caller, request) && { permission: "requests.show" as const },
    ),
  fields: (t) => ({
    reference: t.exposeString("reference", {
      nullable: true,
      description: "Human-readable reference, e.g. REQ-2026-000042; assigned on submission.",
    }),
    type: t.expose("typeCode", { type: RequestTypeCodeEnum, description: "The kind of request." }),
    channel: t.expose("channel", { type: ChannelEnum, description: "The channel it came in on." }),
    status: t.expose("status", {
      type: RequestStatusEnum,
      description: "Where it is in its life cycle.",
    }),
    subject: t.exposeString("subject", { description: "Short subject, as the member put it." }),
    submittedAt: t.expose("submittedAt", {
      type: "DateTime",
      nullable: true,
      description: "When it was submitted.",
    }),
    decisionDueAt: t.expose("decisionDueAt", {
      type: "DateTime",
      nullable: true,
      description:
        "The decision deadline: submission plus the type's decision period (14 days by default), moved later by the time spent waiting for the member (NEEDS_INFO).",
    }),
    createdAt: t.expose("createdAt", {
      type: "DateTime",
      description: "When it was first recorded.",
    }),
    version: t.exposeInt("version", {
      description: "Optimistic-concurrency version: send it back with changes.",
    }),
  }),
});

/** One edge and one connection type for every list of requests (all of them, a member's): one fragment reads any. */
export const RequestEdge = builder.edgeObject({
  type: RequestNode,
  name: "RequestEdge",
  description: "A request in a page.",
});
export const RequestConnection = sharedConnection({
  type: RequestNode,
  name: "RequestConnection",
  description: "A page of requests.",
  edge: RequestEdge,
});

/** What the decision clock's fields read (decision-clock.ts). */
const clockColumns = { status: true, decisionDueAt: true, clockPausedAt: true } as const;

// The case file's fields, added to the node above rather than declared in it: TypeScript
// then infers the node's row shape from the node alone, for every folder that extends it.
builder.prismaObjectFields(RequestNode, (t) => ({
  incomingLetterNumber: t.exposeString("incomingLetterNumber", {
    nullable: true,
    description: "The incoming letter's number, for requests received by letter.",
  }),
  description: t.exposeString("description", { description: "The request in the member's words." }),
  details: t.field({
    type: "JSON",
    description:
      'Type-specific data, a JSON object whose shape depends on the type. For DATA_UPDATE: {"changes": {"district": "…", "familySize": 5}}; {} when there is none.',
    select: { details: true },
    resolve: (request) => request.details ?? {},
  }),
  amountRequested: t.expose("amountRequested", {
    type: "Decimal",
    nullable: true,
    description: "Amount requested in SAR, for money types.",
  }),
  amountApproved: t.expose("amountApproved", {
    type: "Decimal",
    nullable: true,
    description: "Amount approved in SAR, once decided.",
  }),
  member: t.relation("member", { description: "The member who made the request." }),
  assignee: t.field({
    type: StaffRefType,
    nullable: true,
    description: "The staff member handling it.",
    select: { assignee: { select: { id: true, fullName: true } } },
    resolve: (request) => request.assignee,
  }),
  researcher: t.field({
    type: StaffRefType,
    nullable: true,
    description: "The social researcher it was referred to, if any.",
    select: { researcher: { select: { id: true, fullName: true } } },
    resolve: (request) => request.researcher,
  }),
  clockPausedAt: t.expose("clockPausedAt", {
    type: "DateTime",
    nullable: true,
    description: "When the decision clock was paused (waiting for the member); null while it runs.",
  }),
  overdue: t.boolean({
    description: "Submitted, not yet decided or resolved, and past its decision deadline.",
    select: clockColumns,
    resolve: (request) => isOverdue(request, new Date()),
  }),
  dueSoon: t.boolean({
    description:
      'Not overdue yet, but due within the warning lead time (setting "decisionWarningLeadDays", 3 days by default).',
    select: clockColumns,
    resolve: async (request, _args, context) =>
      isDueSoon(request, new Date(), await leadDays(context)),
  }),
  daysRemaining: t.int({
    nullable: true,
    description:
      "Whole days until the decision deadline (rounded up); negative once overdue; null before submission and after the decision.",
    select: clockColumns,
    resolve: (request) => daysRemaining(request, new Date()),
  }),
  decidedAt: t.expose("decidedAt", {
    type: "DateTime",
    nullable: true,
    description: "When the decision was recorded.",
  }),
  decision: t.expose("decision", {
    type: DecisionEnum,
    nullable: true,
    description: "The committee's decision, once recorded.",
  }),
  decisionReason: t.exposeString("decisionReason", {
    nullable: true,
    description: "The reason given with the decision.",
  }),
  answer: t.exposeString("answer", {
    nullable: true,
    description:
      "The answer recorded when an inquiry, complaint, suggestion or update was resolved.",
  }),
  firstContactResolution: t.exposeBoolean("firstContactResolution", {
    description: "Resolved on the contact that brought it in (first-contact resolution).",
  }),
  resolvedAt: t.expose("resolvedAt", {
    type: "DateTime",
    nullable: true,
    description: "When it was resolved.",
  }),
  completedAt: t.expose("completedAt", {
    type: "DateTime",
    nullable: true,
    description: "When its procedure was completed after the decision.",
  }),
  closedAt: t.expose("closedAt", {
    type: "DateTime",
    nullable: true,
    description: "When it was closed.",
  }),
  withdrawnAt: t.expose("withdrawnAt", {
    type: "DateTime",
    nullable: true,
    description: "When it was withdrawn.",
  }),
  rules: t.field({
    type: RequestRulesType,
    description:
      "The rules it is checked against: the snapshot taken at submission, or its type's current rules while a draft.",
    select: { rulesSnapshot: true, type: true },
    resolve: (request) => rulesFor(request),
  }),
  gaps: t.field({
    type: [RequestGapType],
    description:
      "What it still lacks or has wrong by its rules (`rules`), as submitting or moving it on would report (IncompleteRequestError): empty when complete. Read only: the action is the final word.",
    select: {
      id: true,
      typeCode: true,
      subject: true,
      description: true,
      details: true,
      amountRequested: true,
      incomingLetterNumber: true,
      member: true,
      rulesSnapshot: true,
      type: true,
    },
    resolve: (request, _args, context) => findGaps(context.prisma, request, rulesFor(request)),
  }),
  availableActions: t.field({
    type: [RequestActionEnum],
    description:
      "What you may do to it now, given its state and your roles. Completeness and other conditions are checked when you act.",
    select: { rulesSnapshot: true, type: true, status: true, researcherId: true },
    resolve: async (request, _args, context) =>
      availableActionsFor(
        await context.caller(),
        flowOf(rulesFor(request).committeeDecides),
        request,
      ),
  }),
  editable: t.boolean({
    description:
      "Whether you may change its data now (updateRequest): a draft, or waiting for information.",
    resolve: async (request, _args, context) => {
      const caller = await context.caller();
      return (
        editableStates.includes(request.status) &&
        caller.kind === "user" &&
        hasPermission(caller.roles, "requests.edit")
      );
    },
  }),
  timeline: t.relatedConnection(
    "timelineEvents",
    {
      cursor: "id",
      description: "What happened to the request, oldest first.",
      totalCount: true,
      query: pagedQuery({ orderBy: [{ at: "asc" as const }, { id: "asc" as const }] }),
    },
    { name: "RequestTimelineConnection", description: "A page of a request's timeline." },
    { name: "RequestTimelineEdge", description: "An event in a page." },
  ),
  updatedAt: t.expose("updatedAt", { type: "DateTime", description: "Last change." }),
}));

builder.prismaObjectField(TimelineEventType, "request", (t) =>
  t.relation("request", {
    nullable: true,
    description: "The request concerned; null for an event of the member alone.",
  }),
);
