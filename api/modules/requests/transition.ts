// The life cycle executed from its table (lifecycle.ts): an action's inputs, its guards and
// its effects — the row (guarded by its version), its timeline events, its audit entry, the
// member's notification and the changes a decision makes to the member — in the caller's
// transaction. `applyTransition` is the command other modules call inside theirs.

import { actorOf } from "../../auth/caller.js";
import { type Db, Prisma } from "../../db/client.js";
import type { CommandContext } from "../../db/commands.js";
import { nextSerial } from "../../db/counters.js";
import type { Request } from "../../db/generated/client.js";
import type { Decision, RequestStatus } from "../../db/generated/enums.js";
import { FieldErrors, ForbiddenError, PreconditionFailedError } from "../../errors.js";
import { type AuditRecord, changedFields, expectVersion, staleWrite } from "../audit/service.js";
import { changeMember, type MemberChangeData } from "../members/service.js";
import {
  type Addressee,
  announceQueued,
  type NotificationRequest,
  notificationRows,
} from "../notifications/outbox.js";
import { notifyCaseAssigned } from "../notifications/staff.js";
import type { TimelineRecord } from "../timeline/service.js";
import { markAttestationStaleIfChanged } from "./attestation/service.js";
import { duplicateGaps, findGaps } from "./completeness.js";
import { addDays, resumedDueAt } from "./decision-clock.js";
import { unverifiedDocumentKinds } from "./documents/service.js";
import { IncompleteRequestError, type RequestGap } from "./errors.js";
import { emitRequestChanged } from "./events.js";
import {
  availableActionsFor,
  editableStates,
  flowOf,
  type RequestAction,
  refusedTransition,
  type Transition,
  transitionFrom,
  undecidedStates,
} from "./lifecycle.js";
import type { LifecycleEvent, RequestNotificationParams } from "./notifications.js";
import {
  auditable,
  checkAmount,
  checkText,
  loadRequest,
  type RequestWithContext,
  required,
} from "./request-fields.js";
import { rulesFor } from "./request-type-rules.js";
import { hasSubmittedResearchReport } from "./research/service.js";
import { formatReference, riyadhYear, rulesOf, validateMemberChanges } from "./rules.js";
import { type RequestPatch, transitionStatement } from "./transition-statement.js";

export type TransitionParams = {
  note?: string | null | undefined;
  researcherId?: string | null | undefined;
  decision?: Decision | null | undefined;
  reason?: string | null | undefined;
  amountApproved?: string | null | undefined;
  answer?: string | null | undefined;
  firstContactResolution?: boolean | null | undefined;
  dataUpdateDeclined?: boolean | null | undefined;
  /** Where the decision was taken: a committee session in Wasl, or a meeting held outside. */
  decisionRecord?: DecisionRecord | undefined;
  /** recordDecision alone (a meeting outside Wasl): the meeting's date and its counts. */
  meetingDate?: Date | null | undefined;
  votesFor?: number | null | undefined;
  votesAgainst?: number | null | undefined;
  abstentions?: number | null | undefined;
};

/** How a decision was reached, as the timeline keeps it. */
export type DecisionRecord =
  | {
      via: "SESSION";
      sessionId: string;
      /** "number/year", as the minutes name the session. */
      session: string;
      approve: number;
      reject: number;
      abstain: number;
      chairBrokeTie: boolean;
    }
  | {
      via: "OUTSIDE_MEETING";
      meetingDate: string;
      approve: number;
      reject: number;
      abstain: number;
    };

export type TransitionInput = TransitionParams & {
  id: string;
  version: number;
  action: RequestAction;
};

/**
 * Fires a life-cycle action: checks the state, the caller's role, the version, the action's
 * inputs and guards, then writes the change with its timeline event, audit entry and
 * notifications in the command's transaction. Nothing is written if any step fails.
 */
export async function transitionRequest(context: CommandContext, input: TransitionInput) {
  const { tx, caller } = context;
  const before = await loadRequest(tx, caller, input.id);
  const flow = flowOf(rulesFor(before).committeeDecides);
  const transition = transitionFrom(flow, before.status, input.action);
  if (!transition) throw refusedTransition(flow, before.status, input.action);
  if (!availableActionsFor(caller, flow, before).includes(input.action)) throw new ForbiddenError();
  await expectVersion(context, "Request", before, input.version);
  return applyTransition(context, {
    request: before,
    action: input.action,
    params: input,
    transition,
  });
}

/** The transition's own inputs, checked before anything is written. */
async function actionPatch(
  { tx, caller, now }: CommandContext,
  request: RequestWithContext,
  transition: Transition,
  params: TransitionParams,
): Promise<{ data: RequestPatch; to: RequestStatus; note?: string }> {
  const errors = new FieldErrors();
  const rules = rulesFor(request);
  const data: RequestPatch = {};
  let to = transition.to === "DECISION" ? undefined : transition.to;
  let note: string | undefined;
  for (const effect of transition.effects) {
    switch (effect) {
      case "ASSIGN_REFERENCE": {
        // The type's rules now become the request's rules for the rest of its life.
        const current = rulesOf(request.type);
        const year = riyadhYear(now);
        data.reference = formatReference(year, await nextSerial(tx, "request", year));
        data.submittedAt = now;
        data.decisionDueAt = addDays(now, current.decisionPeriodDays);
        data.rulesSnapshot = current;
        data.clockPausedAt = null;
        break;
      }
      case "PAUSE_CLOCK":
        note = required(errors, "note", params.note);
        data.clockPausedAt = now;
        break;
      case "RESUME_CLOCK":
        if (request.decisionDueAt && request.clockPausedAt)
          data.decisionDueAt = resumedDueAt(request.decisionDueAt, request.clockPausedAt, now);
        data.clockPausedAt = null;
        break;
      case "SET_RESEARCHER": {
        const researcher = params.researcherId
          ? await tx.user.findUnique({ where: { id: params.researcherId } })
          : null;
        if (!researcher || researcher.disabled || !researcher.roles.includes("RESEARCHER"))
          errors.add("researcher", "validation.notAResearcher");
        else data.researcherId = researcher.id;
        break;
      }
      case "RECORD_DECISION": {
        note = required(errors, "reason", params.reason);
        if (!params.decision) errors.add("decision", "validation.required");
        if (!params.decisionRecord) await checkOutsideMeeting(tx, errors, request, params, now);
        to = params.decision ?? "REJECTED";
        data.decision = params.decision;
        data.decisionReason = note;
        data.decidedAt = now;
        if (params.amountApproved != null) {
          if (params.decision !== "APPROVED")
            errors.add("amountApproved", "validation.amountNotForType");
          else checkAmount(errors, "amountApproved", params.amountApproved, rules.involvesMoney);
          data.amountApproved = params.amountApproved;
        } else if (params.decision === "APPROVED" && rules.involvesMoney) {
          // Approved without an amount: the amount requested is granted.
          data.amountApproved = request.amountRequested;
        }
        // The ceiling in force when the committee decides (the type's, not the snapshot's):
        // a grant is the association's decision now, whatever was asked for.
        const granted = data.amountApproved;
        const ceiling = request.type.maxAmount;
        if (!errors.has("amountApproved") && granted != null && ceiling?.lt(granted))
          errors.add("amountApproved", "validation.amountAboveCeiling", {
            max: ceiling.toFixed(2),
          });
        break;
      }
      case "MARK_COMPLETED":
        data.completedAt = now;
        break;
      case "MARK_WITHDRAWN":
        note = params.note?.trim() || undefined;
        data.withdrawnAt = now;
        data.clockPausedAt = null;
        break;
      case "ASSIGN_IF_UNASSIGNED":
        if (!request.assigneeId && caller.kind === "user") data.assigneeId = caller.id;
        break;
      case "RECORD_ANSWER":
        note = checkText(errors, "answer", params.answer, true) ?? "";
        data.answer = note;
        data.resolvedAt = now;
        data.firstContactResolution = params.firstContactResolution === true;
        if (params.dataUpdateDeclined && request.typeCode !== "DATA_UPDATE")
          errors.add("dataUpdateDeclined", "validation.onlyForDataUpdate");
        break;
      case "MARK_CLOSED":
        data.closedAt = now;
        break;
      case "ACTIVATE_MEMBER_IF_REGISTRATION_APPROVED":
      case "APPLY_DATA_UPDATE":
        break; // applied after the request row is written (memberEffects)
    }
  }
  errors.throwIfAny();
  return { data, to: to as RequestStatus, ...(note ? { note } : {}) };
}

/**
 * A decision recorded by the chair alone is one taken at a meeting held outside Wasl: it
 * needs the meeting's date (not in the future) and its counts, which must carry the decision;
 * a request on a session's agenda is decided in that session.
 */
async function checkOutsideMeeting(
  tx: Db,
  errors: FieldErrors,
  request: RequestWithContext,
  params: TransitionParams,
  now: Date,
): Promise<void> {
  const onAgenda = await tx.agendaItem.findUnique({
    where: { activeRequestId: request.id },
    select: { id: true },
  });
  if (onAgenda)
    throw new PreconditionFailedError("ON_COMMITTEE_AGENDA", "requests.onCommitteeAgenda");
  if (!params.meetingDate) errors.add("meetingDate", "validation.required");
  else if (params.meetingDate.getTime() > now.getTime())
    errors.add("meetingDate", "requests.meetingDateInFuture");
  const counts = {
    votesFor: params.votesFor,
    votesAgainst: params.votesAgainst,
    abstentions: params.abstentions,
  };
  for (const [field, value] of Object.entries(counts)) {
    if (value == null) errors.add(field, "validation.required");
    else if (!Number.isInteger(value) || value < 0) errors.add(field, "requests.voteCountInvalid");
  }
  const votesFor = params.votesFor ?? 0;
  const votesAgainst = params.votesAgainst ?? 0;
  if (
    !errors.has("votesFor") &&
    !errors.has("votesAgainst") &&
    ((params.decision === "APPROVED" && votesFor < votesAgainst) ||
      (params.decision === "REJECTED" && votesAgainst < votesFor))
  )
    errors.add("decision", "requests.decisionAgainstCounts");
}

/** The decision's record for the timeline: the session's, or the outside meeting's. */
function decisionRecordOf(params: TransitionParams): DecisionRecord | undefined {
  if (params.decisionRecord) return params.decisionRecord;
  if (!params.meetingDate) return undefined;
  return {
    via: "OUTSIDE_MEETING",
    meetingDate: params.meetingDate.toISOString().slice(0, 10),
    approve: params.votesFor ?? 0,
    reject: params.votesAgainst ?? 0,
    abstain: params.abstentions ?? 0,
  };
}

async function checkGuards(
  tx: Db,
  request: RequestWithContext,
  transition: Transition,
): Promise<void> {
  for (const guard of transition.guards) {
    if (guard === "DOCUMENTS_VERIFIED_IF_APPROVED") {
      if (request.status !== "APPROVED") continue;
      const kinds = rulesFor(request).requiredDocumentKinds;
      const gaps: RequestGap[] = (await unverifiedDocumentKinds(tx, request.id, kinds)).map(
        (kind) => ({
          kind: "UNVERIFIED_DOCUMENT",
          name: kind,
          messageKey: "requests.gap.unverifiedDocument",
          params: { field: `document.${kind}` },
        }),
      );
      if (gaps.length) throw new IncompleteRequestError(gaps);
      continue;
    }
    if (guard === "RESEARCH_REPORT_IF_REFERRED") {
      if (request.researcherId && !(await hasSubmittedResearchReport(tx, request.id)))
        throw new PreconditionFailedError(
          "RESEARCH_REPORT_MISSING",
          "requests.researchReportMissing",
        );
      continue;
    }
    const rules = guard === "COMPLETE_BY_CURRENT_RULES" ? rulesOf(request.type) : rulesFor(request);
    const gaps = await findGaps(tx, request, rules);
    if (gaps.length) throw new IncompleteRequestError(gaps);
  }
}

/**
 * Another module's part in a transition, run in its transaction after the request's own
 * effects (the surveys module invites the member once the service is done; partners' webhooks
 * are told the new status). Registered from that module, so the life cycle does not import it.
 * `from`: the status the request left (the same as its status when the action keeps it).
 */
export type TransitionFollower = (
  context: CommandContext,
  request: RequestWithContext,
  action: RequestAction,
  from: RequestStatus,
) => Promise<void>;

const followers: TransitionFollower[] = [];

export function followTransitions(follower: TransitionFollower): void {
  followers.push(follower);
}

export type ApplyTransitionInput = {
  /** The request as read in this transaction, with its type and member. */
  request: RequestWithContext;
  action: RequestAction;
  params: TransitionParams;
  /** The table's row for the action, when the caller already looked it up. */
  transition?: Transition;
};

/**
 * A life-cycle action inside the caller's transaction, without the caller's role check: the
 * command another module runs when its own rules moved the request (the committee's
 * decision). The request's version is the one it was read with.
 */
export async function applyTransition(
  context: CommandContext,
  input: ApplyTransitionInput,
): Promise<RequestWithContext> {
  const plan = await planTransition(context, input);
  const written = await writeTransition(context, plan);
  return afterTransition(context, plan, written);
}

/** A transition checked and ready to write: what changes, and the request as it will be. */
export type TransitionPlan = {
  before: RequestWithContext;
  action: RequestAction;
  params: TransitionParams;
  transition: Transition;
  data: RequestPatch;
  note?: string | undefined;
  /**
   * The request as the write leaves it, its values as the database gives them back (but for
   * `updatedAt`, the moment of the write).
   */
  after: Request;
  /** What the transition changes on the member (validated), applied after the request. */
  memberChanges?: MemberChangeData | undefined;
};

/**
 * Everything a transition checks and reads before it writes: the table's row, the action's
 * inputs, its guards and the member's changes. Throws if any is refused; writes nothing.
 */
export async function planTransition(
  context: CommandContext,
  { request: before, action, params, transition: known }: ApplyTransitionInput,
): Promise<TransitionPlan> {
  const flow = flowOf(rulesFor(before).committeeDecides);
  const transition = known ?? transitionFrom(flow, before.status, action);
  if (!transition) throw refusedTransition(flow, before.status, action);
  const { data, to, note } = await actionPatch(context, before, transition, params);
  await checkGuards(context.tx, before, transition);
  const after = asWritten(before, data, to);
  const memberChanges = await memberChangesOf(context, after, transition, params);
  return { before, action, params, transition, data, note, after, memberChanges };
}

/**
 * The request row as the guarded UPDATE returns it: the patch's values as the columns store
 * them (an amount as a Decimal of 2 places), the status, the next version.
 */
function asWritten(before: Request, data: RequestPatch, to: RequestStatus): Request {
  const defined = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  const { type: _type, member: _member, ...row } = before as RequestWithContext;
  const after: Request = {
    ...row,
    ...(defined as Partial<Request>),
    status: to,
    version: before.version + 1,
  };
  if (data.amountApproved != null)
    after.amountApproved = new Prisma.Decimal(data.amountApproved).toDecimalPlaces(2);
  return after;
}

/** The transition's timeline events, naming what the written request holds. */
export function timelineOf(plan: TransitionPlan, request: Request): TimelineRecord[] {
  const { before, action, params, transition, data, note } = plan;
  const timeline: TimelineRecord[] = [
    {
      memberId: request.memberId,
      requestId: request.id,
      kind: "STATUS_CHANGED",
      fromStatus: before.status,
      toStatus: request.status,
      note,
      data: {
        action,
        ...(data.reference ? { reference: request.reference } : {}),
        ...(declined(transition, params) ? { dataUpdateDeclined: true } : {}),
      },
    },
  ];
  if (transition.effects.includes("RECORD_DECISION")) {
    timeline.push({
      memberId: request.memberId,
      requestId: request.id,
      kind: "DECISION_RECORDED",
      toStatus: request.status,
      note,
      data: {
        decision: request.decision,
        ...(request.amountApproved ? { amountApproved: request.amountApproved.toString() } : {}),
        ...(decisionRecordOf(params) ? { record: decisionRecordOf(params) } : {}),
      },
    });
  }
  if (transition.effects.includes("SET_RESEARCHER")) {
    timeline.push({
      memberId: request.memberId,
      requestId: request.id,
      kind: "RESEARCHER_ASSIGNED",
      data: { researcherId: request.researcherId },
    });
  }
  return timeline;
}

/** The transition's audit entry: the fields the written request changed, and the action. */
export function auditOf(plan: TransitionPlan, request: Request): AuditRecord {
  return {
    action: "TRANSITION",
    entityType: "Request",
    entityId: request.id,
    requestId: request.id,
    changes: {
      ...changedFields(auditable(plan.before), auditable(request)),
      action: { before: null, after: plan.action },
    },
  };
}

/** The member's notification, if the transition sends one, filled from the written request. */
export function notificationOf(
  plan: TransitionPlan,
  request: Request,
): NotificationRequest<LifecycleEvent> | undefined {
  const event = plan.transition.notification as LifecycleEvent | undefined;
  if (!event) return undefined;
  const params: RequestNotificationParams = {
    reference: request.reference,
    dueDate: request.decisionDueAt,
    status: request.status,
    note: plan.transition.effects.includes("PAUSE_CLOCK") ? plan.note : undefined,
    reason: request.decisionReason,
    answer: request.answer,
  };
  return { event, memberId: request.memberId, requestId: request.id, params };
}

/**
 * What follows the write in the same transaction: the live event, the researcher's notice,
 * the member's changes and the other modules' parts (followers). `written` is the row the
 * write returned, or undefined when the version had moved (nothing was written).
 */
export async function afterTransition(
  context: CommandContext,
  plan: TransitionPlan,
  written: Request | undefined,
): Promise<RequestWithContext> {
  const { before, action, transition } = plan;
  if (!written) throw await staleWrite(context, "Request", before.id, before.version);
  // The row as written; its type and member are the ones read before.
  const request: RequestWithContext = { ...written, type: before.type, member: before.member };
  emitRequestChanged(context, request, action, before.status);
  if (transition.effects.includes("SET_RESEARCHER"))
    await notifyCaseAssigned(context, request, request.researcherId);
  if (plan.memberChanges) await changeMemberFor(context, request, plan.memberChanges);
  for (const follow of followers) await follow(context, request, action, before.status);
  return request;
}

/**
 * Writes the planned transition in one statement (transition-statement.ts): the request's
 * row, guarded by its version, with its timeline events, audit entry and the member's
 * notifications (their templates read first; the member is known, as the change leaves them).
 * Undefined when the version had moved: nothing was written.
 */
export async function writeTransition(
  context: CommandContext,
  plan: TransitionPlan,
): Promise<Request | undefined> {
  const { tx, caller } = context;
  const notification = notificationOf(plan, plan.after);
  const outbox = notification ? await notificationRows(tx, notification, addresseeAfter(plan)) : [];
  const written = await transitionStatement(tx, {
    id: plan.before.id,
    version: plan.before.version,
    status: plan.after.status,
    data: plan.data,
    actor: actorOf(caller),
    at: context.now,
    timeline: timelineOf(plan, plan.after),
    audit: auditOf(plan, plan.after),
    outbox,
  });
  if (written && outbox.length) announceQueued(context);
  return written;
}

/** The member as the outbox should address them: with the transition's changes to them. */
function addresseeAfter({ before, memberChanges }: TransitionPlan): Addressee {
  const changed = Object.entries(memberChanges ?? {}).filter(([, value]) => value !== undefined);
  return { ...before.member, ...(Object.fromEntries(changed) as Partial<Addressee>) };
}

/** A data update resolved without applying its changes (the answer says why). */
function declined(transition: Transition, params: TransitionParams): boolean {
  return transition.effects.includes("APPLY_DATA_UPDATE") && params.dataUpdateDeclined === true;
}

/**
 * Effects on the member, checked before anything is written: registration completes
 * membership, a data update changes it (its changes validated again, against other members).
 */
async function memberChangesOf(
  { tx, now }: CommandContext,
  request: Request,
  transition: Transition,
  params: TransitionParams,
): Promise<MemberChangeData | undefined> {
  if (
    transition.effects.includes("ACTIVATE_MEMBER_IF_REGISTRATION_APPROVED") &&
    request.typeCode === "MEMBERSHIP_REGISTRATION" &&
    request.decision === "APPROVED"
  )
    return { status: "ACTIVE", registeredAt: now };
  if (
    transition.effects.includes("APPLY_DATA_UPDATE") &&
    request.typeCode === "DATA_UPDATE" &&
    !declined(transition, params)
  ) {
    const changes = validateMemberChanges(request.details);
    const gaps = [...changes.gaps, ...(await duplicateGaps(tx, request.memberId, changes.data))];
    if (gaps.length) throw new IncompleteRequestError(gaps);
    return changes.data as MemberChangeData;
  }
  return undefined;
}

/** Applies the member's changes on behalf of the request (audited as the request's). */
async function changeMemberFor(
  context: CommandContext,
  request: RequestWithContext,
  data: MemberChangeData,
): Promise<void> {
  const { tx } = context;
  const changed = await changeMember(context, {
    before: request.member,
    data,
    onBehalfOf: { id: request.id, reference: request.reference },
  });
  if (!changed) return;
  // Household facts changed: signatures on the member's other open requests no longer
  // cover the data as they stand.
  const open = await tx.request.findMany({
    where: {
      memberId: request.memberId,
      NOT: { id: request.id },
      status: { in: [...editableStates, ...undecidedStates] },
    },
    select: { id: true },
  });
  for (const other of open) await markAttestationStaleIfChanged(context, other.id);
}
