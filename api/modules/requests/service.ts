// Requests: intake, completeness, and the life cycle executed from its table (lifecycle.ts).
// Every change is one transaction: the row (guarded by its version), its timeline event, its
// audit entry and its notifications commit together or not at all; live events are published
// only once it committed. Services take a caller, never GraphQL.
import type { Caller } from "../../auth/caller.js";
import type { Db, Prisma, PrismaClient } from "../../db/client.js";
import { nextSerial } from "../../db/counters.js";
import type { Member } from "../../db/generated/client.js";
import type {
  Channel,
  Decision,
  DocumentKind,
  RequestStatus,
  RequestTypeCode,
} from "../../db/generated/enums.js";
import {
  FieldErrors,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
} from "../../errors.js";
import type { WaslPubSub } from "../../pubsub.js";
import { changedFields, recordAudit, versionConflict } from "../audit/service.js";
import type { MemberChangedEvent } from "../members/events.js";
import { memberSearchText } from "../members/rules.js";
import { enqueueNotification } from "../notifications/outbox.js";
import {
  recordTimelineEvent,
  recordTimelineEvents,
  type TimelineRecord,
} from "../timeline/service.js";
import { attestationStatus, markAttestationStaleIfChanged } from "./attestation/service.js";
import { missingDocumentKinds, unverifiedDocumentKinds } from "./documents/service.js";
import { IncompleteRequestError, type RequestGap } from "./errors.js";
import type { RequestChangedEvent } from "./events.js";
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
import type { RequestNotificationParams as NotificationParams } from "./notifications.js";
import { visibleRequestsWhere } from "./policy.js";
import { requirableFields } from "./requirable-fields.js";
import { hasSubmittedResearchReport } from "./research/service.js";
import {
  addDays,
  formatReference,
  memberValidityGaps,
  missingFieldGaps,
  type RequestRules,
  resumedDueAt,
  riyadhYear,
  rulesOf,
  snapshotRules,
  validateMemberChanges,
} from "./rules.js";

export type RequestServices = { prisma: PrismaClient; pubsub: WaslPubSub };
/** `now` is injectable so that clock arithmetic can be tested with explicit times. */
export type ServiceOptions = { now?: Date };

type RequestWithContext = Prisma.RequestGetPayload<{ include: { type: true; member: true } }>;

// ───────────────────────────── visibility and lists ─────────────────────────────

export { visibleRequestsWhere };

export type RequestFilter = {
  status?: RequestStatus | null | undefined;
  type?: RequestTypeCode | null | undefined;
  channel?: Channel | null | undefined;
  assigneeId?: string | null | undefined;
  researcherId?: string | null | undefined;
  memberId?: string | null | undefined;
  overdue?: boolean | null | undefined;
  reference?: string | null | undefined;
};

/** Overdue in SQL: undecided and past the due date, where a paused clock stopped at the pause. */
export function overdueWhere(db: Db, now: Date): Prisma.RequestWhereInput {
  return {
    status: { in: [...undecidedStates] },
    OR: [
      { clockPausedAt: null, decisionDueAt: { lt: now } },
      { clockPausedAt: { not: null }, decisionDueAt: { lt: db.request.fields.clockPausedAt } },
    ],
  };
}

/** The Prisma `where` for a request list: the caller's visibility and the filters. */
export function requestWhere(
  db: Db,
  caller: Caller,
  filter: RequestFilter | null | undefined,
  now: Date = new Date(),
): Prisma.RequestWhereInput {
  const and: Prisma.RequestWhereInput[] = [visibleRequestsWhere(caller)];
  if (filter?.status) and.push({ status: filter.status });
  if (filter?.type) and.push({ typeCode: filter.type });
  if (filter?.channel) and.push({ channel: filter.channel });
  if (filter?.assigneeId) and.push({ assigneeId: filter.assigneeId });
  if (filter?.researcherId) and.push({ researcherId: filter.researcherId });
  if (filter?.memberId) and.push({ memberId: filter.memberId });
  if (filter?.overdue === true) and.push(overdueWhere(db, now));
  if (filter?.overdue === false) and.push({ NOT: overdueWhere(db, now) });
  const reference = filter?.reference?.trim();
  if (reference) and.push({ reference: { contains: reference, mode: "insensitive" } });
  return { AND: and };
}

/** Setting "decisionWarningLeadDays": how early a request counts as due soon (default 3). */
export async function warningLeadDays(db: Db): Promise<number> {
  const setting = await db.setting.findUnique({ where: { key: "decisionWarningLeadDays" } });
  const value = Number(setting?.value);
  return Number.isFinite(value) && value >= 0 ? value : 3;
}

/** The rules a request is held to: its snapshot once submitted, else its type's current rules. */
export function rulesFor(request: {
  rulesSnapshot: Prisma.JsonValue;
  type: RequestRules;
}): RequestRules {
  return snapshotRules(request.rulesSnapshot) ?? rulesOf(request.type);
}

// ───────────────────────────── completeness ─────────────────────────────

/** Every gap that keeps the request from moving on, against the given rules (policy step 2). */
export async function findGaps(
  db: Db,
  request: {
    id: string;
    typeCode: RequestTypeCode;
    subject: string;
    description: string;
    details: Prisma.JsonValue;
    amountRequested: Prisma.Decimal | null;
    incomingLetterNumber: string | null;
    member: Member;
  },
  rules: RequestRules,
): Promise<RequestGap[]> {
  const gaps = [
    ...missingFieldGaps(rules, request.typeCode, request, request.member),
    ...memberValidityGaps(rules, request.typeCode, request.member),
  ];
  if (request.typeCode === "DATA_UPDATE") {
    const changes = validateMemberChanges(request.details);
    gaps.push(...changes.gaps, ...(await duplicateGaps(db, request.member.id, changes.data)));
  }
  if (rules.requiredDocumentKinds.length) {
    for (const kind of await missingDocumentKinds(db, request.id, rules.requiredDocumentKinds)) {
      gaps.push({
        kind: "MISSING_DOCUMENT",
        name: kind,
        messageKey: "requests.gap.missingDocument",
        params: { field: `document.${kind}` },
      });
    }
  }
  if (rules.attestationRequired) {
    const status = await attestationStatus(db, request.id);
    if (status === "MISSING")
      gaps.push({
        kind: "UNSIGNED_ATTESTATION",
        name: "attestation",
        messageKey: "requests.gap.unsignedAttestation",
      });
    if (status === "STALE")
      gaps.push({
        kind: "STALE_ATTESTATION",
        name: "attestation",
        messageKey: "requests.gap.staleAttestation",
      });
  }
  return gaps;
}

/** A data update may not give the member a national ID or mobile another member has. */
async function duplicateGaps(
  db: Db,
  memberId: string,
  data: Record<string, unknown>,
): Promise<RequestGap[]> {
  const gaps: RequestGap[] = [];
  if (typeof data.mobile === "string") {
    const other = await db.member.findFirst({
      where: { mobile: data.mobile, NOT: { id: memberId } },
      select: { id: true },
    });
    if (other)
      gaps.push({
        kind: "INVALID_MEMBER_DATA",
        name: "details.changes.mobile",
        messageKey: "validation.mobileTaken",
        params: { field: "mobile" },
      });
  }
  return gaps;
}

// ───────────────────────────── intake ─────────────────────────────

export type CreateRequestInput = {
  memberId: string;
  type: RequestTypeCode;
  channel: Channel;
  incomingLetterNumber?: string | null | undefined;
  subject: string;
  description?: string | null | undefined;
  /** A JSON object, as text (for DATA_UPDATE: `{"changes": {...}}`). */
  details?: string | null | undefined;
  amountRequested?: string | null | undefined;
};

export type UpdateRequestInput = {
  id: string;
  version: number;
  channel?: Channel | null | undefined;
  incomingLetterNumber?: string | null | undefined;
  subject?: string | null | undefined;
  description?: string | null | undefined;
  details?: string | null | undefined;
  amountRequested?: string | null | undefined;
};

const limits = { subject: 200, description: 5000, incomingLetterNumber: 50, answer: 5000 };

function checkText(
  errors: FieldErrors,
  field: keyof typeof limits,
  value: string | null | undefined,
  required: boolean,
): string | undefined {
  return errors.text(field, value, limits[field], required);
}

function parseDetails(errors: FieldErrors, text: string | null | undefined) {
  if (text === undefined) return undefined;
  if (text === null || !text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value))
      return value as Prisma.InputJsonObject;
  } catch {
    // reported below, with the field's name
  }
  errors.add("details", "validation.detailsNotObject");
  return undefined;
}

function checkAmount(
  errors: FieldErrors,
  field: "amountRequested" | "amountApproved",
  amount: string | null | undefined,
  involvesMoney: boolean,
) {
  if (amount === undefined || amount === null) return;
  if (!involvesMoney) errors.add(field, "validation.amountNotForType");
  else if (!(Number(amount) > 0)) errors.add(field, "validation.amountPositive");
}

/**
 * Takes a request in. Committee types start as DRAFT (documents and the attestation are
 * attached to the draft, then it is submitted); the other types are submitted in the same
 * step, so an inquiry taken on the phone has its reference at once.
 */
export async function createRequest(
  services: RequestServices,
  caller: Caller,
  input: CreateRequestInput,
  options: ServiceOptions = {},
) {
  const now = options.now ?? new Date();
  const errors = new FieldErrors();
  const subject = checkText(errors, "subject", input.subject, true);
  const description = checkText(errors, "description", input.description, false) ?? "";
  const letter = checkText(errors, "incomingLetterNumber", input.incomingLetterNumber, false);
  if (input.channel === "LETTER" && !letter)
    errors.add("incomingLetterNumber", "validation.letterNumberRequired");
  const details = parseDetails(errors, input.details) ?? {};
  const type = await services.prisma.requestType.findUnique({ where: { code: input.type } });
  if (!type) throw new NotFoundError("RequestType", input.type);
  if (!type.active) errors.add("type", "validation.typeInactive");
  checkAmount(errors, "amountRequested", input.amountRequested, type.involvesMoney);
  errors.throwIfAny();
  const member = await services.prisma.member.findUnique({
    where: { id: input.memberId },
    select: { id: true },
  });
  if (!member) throw new NotFoundError("Member", input.memberId);

  const { request, events } = await services.prisma.$transaction(async (tx) => {
    const created = await tx.request.create({
      data: {
        memberId: member.id,
        typeCode: type.code,
        channel: input.channel,
        incomingLetterNumber: letter || null,
        subject: subject ?? "",
        description,
        details,
        amountRequested: input.amountRequested ?? null,
        assigneeId: caller.kind === "user" ? caller.id : null,
        partnerId: caller.kind === "partner" ? caller.partnerId : null,
        createdAt: now,
      },
      include: { type: true, member: true },
    });
    await recordTimelineEvent(tx, caller, {
      memberId: created.memberId,
      requestId: created.id,
      kind: "REQUEST_CREATED",
      toStatus: "DRAFT",
      data: { channel: created.channel, typeCode: created.typeCode },
    });
    await recordAudit(tx, caller, {
      action: "CREATE",
      entityType: "Request",
      entityId: created.id,
      requestId: created.id,
      changes: changedFields({}, auditable(created)),
    });
    const events: AfterCommit[] = [requestEvent(caller, created, "CREATED", null, now)];
    if (type.committeeDecides) return { request: created, events };
    const submitted = await applyTransition(tx, caller, created, "SUBMIT", {}, now);
    return { request: submitted.request, events: [...events, ...submitted.events] };
  });
  publish(services, events);
  return request;
}

/** Changes a draft, or a request sent back for more information; its version must match. */
export async function updateRequest(
  services: RequestServices,
  caller: Caller,
  input: UpdateRequestInput,
  options: ServiceOptions = {},
) {
  const now = options.now ?? new Date();
  const { request, events } = await services.prisma.$transaction(async (tx) => {
    const before = await loadRequest(tx, caller, input.id);
    if (!editableStates.includes(before.status)) {
      throw refusedTransition(flowOf(rulesFor(before).committeeDecides), before.status, "UPDATE");
    }
    if (before.version !== input.version)
      throw await versionConflict(
        tx,
        caller,
        { type: "Request", id: before.id },
        input.version,
        before.version,
      );

    const errors = new FieldErrors();
    const data = {
      channel: input.channel ?? undefined,
      incomingLetterNumber: checkText(
        errors,
        "incomingLetterNumber",
        input.incomingLetterNumber,
        false,
      ),
      subject: checkText(errors, "subject", input.subject, input.subject !== undefined),
      description: checkText(errors, "description", input.description, false),
      details: parseDetails(errors, input.details),
      amountRequested: input.amountRequested,
    };
    const channel = data.channel ?? before.channel;
    const letter = data.incomingLetterNumber ?? before.incomingLetterNumber;
    if (channel === "LETTER" && !letter)
      errors.add("incomingLetterNumber", "validation.letterNumberRequired");
    checkAmount(errors, "amountRequested", input.amountRequested, rulesFor(before).involvesMoney);
    errors.throwIfAny();

    const changes = changedFields(auditable(before), {
      ...data,
      incomingLetterNumber:
        data.incomingLetterNumber === undefined ? undefined : data.incomingLetterNumber || null,
    });
    const written = await tx.request.updateMany({
      where: { id: before.id, version: input.version },
      data: {
        ...data,
        incomingLetterNumber:
          data.incomingLetterNumber === undefined ? undefined : data.incomingLetterNumber || null,
        version: { increment: 1 },
      },
    });
    if (written.count !== 1)
      throw await versionConflict(
        tx,
        caller,
        { type: "Request", id: before.id },
        input.version,
        null,
      );
    if (Object.keys(changes).length) {
      await recordAudit(tx, caller, {
        action: "UPDATE",
        entityType: "Request",
        entityId: before.id,
        requestId: before.id,
        changes,
      });
      // A signature covers the data as signed: changed data need a new signature.
      await markAttestationStaleIfChanged(tx, caller, before.id);
    }
    const request = await tx.request.findUniqueOrThrow({
      where: { id: before.id },
      include: { type: true, member: true },
    });
    return { request, events: [requestEvent(caller, request, "UPDATED", before.status, now)] };
  });
  publish(services, events);
  return request;
}

// ───────────────────────────── the life cycle ─────────────────────────────

export type TransitionParams = {
  note?: string | null | undefined;
  researcherId?: string | null | undefined;
  decision?: Decision | null | undefined;
  reason?: string | null | undefined;
  amountApproved?: string | null | undefined;
  answer?: string | null | undefined;
  firstContactResolution?: boolean | null | undefined;
  dataUpdateDeclined?: boolean | null | undefined;
};

export type TransitionInput = TransitionParams & {
  id: string;
  version: number;
  action: RequestAction;
};

/** Live events, published once the transaction committed. */
type AfterCommit =
  | { kind: "request"; event: RequestChangedEvent }
  | { kind: "member"; event: MemberChangedEvent };

/**
 * Fires a life-cycle action: checks the state, the caller's role, the version, the action's
 * inputs and guards, then writes the change with its timeline event, audit entry and
 * notifications in one transaction. Nothing is written if any step fails.
 */
export async function transitionRequest(
  services: RequestServices,
  caller: Caller,
  input: TransitionInput,
  options: ServiceOptions = {},
) {
  const now = options.now ?? new Date();
  const { request, events } = await services.prisma.$transaction(async (tx) => {
    const before = await loadRequest(tx, caller, input.id);
    const flow = flowOf(rulesFor(before).committeeDecides);
    const transition = transitionFrom(flow, before.status, input.action);
    if (!transition) throw refusedTransition(flow, before.status, input.action);
    if (!availableActionsFor(caller, flow, before).includes(input.action))
      throw new ForbiddenError(true);
    if (before.version !== input.version)
      throw await versionConflict(
        tx,
        caller,
        { type: "Request", id: before.id },
        input.version,
        before.version,
      );
    return applyTransition(tx, caller, before, input.action, input, now, transition);
  });
  publish(services, events);
  return request;
}

async function loadRequest(tx: Db, caller: Caller, id: string): Promise<RequestWithContext> {
  const request = await tx.request.findFirst({
    where: { AND: [{ id }, visibleRequestsWhere(caller)] },
    include: { type: true, member: true },
  });
  if (!request) throw new NotFoundError("Request", id);
  return request;
}

function required(errors: FieldErrors, field: string, value: string | null | undefined) {
  const text = value?.trim() ?? "";
  if (!text) errors.add(field, "validation.required");
  return text;
}

/** The transition's own inputs, checked before anything is written. */
async function actionPatch(
  tx: Db,
  caller: Caller,
  request: RequestWithContext,
  transition: Transition,
  params: TransitionParams,
  now: Date,
): Promise<{ data: Prisma.RequestUncheckedUpdateManyInput; to: RequestStatus; note?: string }> {
  const errors = new FieldErrors();
  const rules = rulesFor(request);
  const data: Prisma.RequestUncheckedUpdateManyInput = {};
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
          errors.add("researcherId", "validation.notAResearcher");
        else data.researcherId = researcher.id;
        break;
      }
      case "RECORD_DECISION": {
        note = required(errors, "reason", params.reason);
        if (!params.decision) errors.add("decision", "validation.required");
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
        const granted = data.amountApproved as Prisma.Decimal | string | null | undefined;
        const ceiling = request.type.maxAmount;
        if (!errors.has("amountApproved") && granted != null && ceiling && ceiling.lt(granted))
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

/** The part of a transition that runs inside the caller's transaction. */
async function applyTransition(
  tx: Db,
  caller: Caller,
  before: RequestWithContext,
  action: RequestAction,
  params: TransitionParams,
  now: Date,
  known?: Transition,
): Promise<{ request: RequestWithContext; events: AfterCommit[] }> {
  const flow = flowOf(rulesFor(before).committeeDecides);
  const transition = known ?? transitionFrom(flow, before.status, action);
  if (!transition) throw refusedTransition(flow, before.status, action);
  const { data, to, note } = await actionPatch(tx, caller, before, transition, params, now);
  await checkGuards(tx, before, transition);

  // The version in the WHERE makes the check and the write one step: of two transitions
  // that read the same version, exactly one matches the row; the other writes nothing.
  // RETURNING gives the row as written; its type and member are the ones read above.
  const [written] = await tx.request.updateManyAndReturn({
    where: { id: before.id, version: before.version },
    data: { ...data, status: to, version: { increment: 1 } },
  });
  if (!written)
    throw await versionConflict(
      tx,
      caller,
      { type: "Request", id: before.id },
      before.version,
      null,
    );
  const request: RequestWithContext = { ...written, type: before.type, member: before.member };
  const events: AfterCommit[] = [requestEvent(caller, request, action, before.status, now)];

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
  await recordTimelineEvents(tx, caller, timeline);
  await recordAudit(tx, caller, {
    action: "TRANSITION",
    entityType: "Request",
    entityId: request.id,
    requestId: request.id,
    changes: {
      ...changedFields(auditable(before), auditable(request)),
      action: { before: null, after: action },
    },
  });
  events.push(...(await memberEffects(tx, caller, request, transition, params, now)));
  if (transition.notification) {
    const params: NotificationParams = {
      reference: request.reference,
      dueDate: request.decisionDueAt,
      status: request.status,
      note: transition.effects.includes("PAUSE_CLOCK") ? note : undefined,
      reason: request.decisionReason,
      answer: request.answer,
    };
    await enqueueNotification(tx, {
      event: transition.notification,
      memberId: request.memberId,
      requestId: request.id,
      params,
    });
  }
  return { request, events };
}

/** A data update resolved without applying its changes (the answer says why). */
function declined(transition: Transition, params: TransitionParams): boolean {
  return transition.effects.includes("APPLY_DATA_UPDATE") && params.dataUpdateDeclined === true;
}

/** Effects on the member: registration completes membership, a data update changes it. */
async function memberEffects(
  tx: Db,
  caller: Caller,
  request: RequestWithContext,
  transition: Transition,
  params: TransitionParams,
  now: Date,
): Promise<AfterCommit[]> {
  let data: Prisma.MemberUpdateInput | undefined;
  if (
    transition.effects.includes("ACTIVATE_MEMBER_IF_REGISTRATION_APPROVED") &&
    request.typeCode === "MEMBERSHIP_REGISTRATION" &&
    request.decision === "APPROVED"
  ) {
    data = { status: "ACTIVE", registeredAt: now };
  }
  if (
    transition.effects.includes("APPLY_DATA_UPDATE") &&
    request.typeCode === "DATA_UPDATE" &&
    !declined(transition, params)
  ) {
    const changes = validateMemberChanges(request.details);
    const gaps = [...changes.gaps, ...(await duplicateGaps(tx, request.memberId, changes.data))];
    if (gaps.length) throw new IncompleteRequestError(gaps);
    data = changes.data as Prisma.MemberUpdateInput;
  }
  if (!data) return [];
  const before = request.member;
  const changes = changedFields(auditableMember(before), data as Record<string, unknown>);
  if (!Object.keys(changes).length) return [];
  const identity = { ...before, ...(data as Partial<Member>) };
  const member = await tx.member.update({
    where: { id: before.id },
    data: { ...data, searchText: memberSearchText(identity), version: { increment: 1 } },
  });
  await recordAudit(tx, caller, {
    action: "UPDATE",
    entityType: "Member",
    entityId: member.id,
    requestId: request.id,
    changes,
  });
  await recordTimelineEvent(tx, caller, {
    memberId: member.id,
    requestId: request.id,
    kind: "MEMBER_UPDATED",
    data: { fields: Object.keys(changes), reference: request.reference },
  });
  // Household facts changed: signatures on the member's other open requests no longer
  // cover the data as they stand.
  const open = await tx.request.findMany({
    where: {
      memberId: member.id,
      NOT: { id: request.id },
      status: { in: [...editableStates, ...undecidedStates] },
    },
    select: { id: true },
  });
  for (const other of open) await markAttestationStaleIfChanged(tx, caller, other.id);
  return [
    {
      kind: "member",
      event: {
        memberId: member.id,
        change: "UPDATED",
        version: member.version,
        status: member.status,
        changedFields: Object.keys(changes),
        actorId: caller.kind === "user" ? caller.id : null,
      },
    },
  ];
}

/** What `requestChanged` announces about a request; other modules announce through it too. */
export function requestChangedEvent(
  caller: Caller,
  request: {
    id: string;
    reference: string | null;
    status: RequestStatus;
    version: number;
    researcherId: string | null;
    partnerId: string | null;
  },
  change: string,
  previousStatus: RequestStatus | null,
  now: Date,
): RequestChangedEvent {
  return {
    requestId: request.id,
    reference: request.reference,
    change,
    previousStatus,
    status: request.status,
    version: request.version,
    researcherId: request.researcherId,
    partnerId: request.partnerId,
    actorId: caller.kind === "user" ? caller.id : null,
    at: now.toISOString(),
  };
}

function requestEvent(...args: Parameters<typeof requestChangedEvent>): AfterCommit {
  return { kind: "request", event: requestChangedEvent(...args) };
}

function publish(services: RequestServices, events: AfterCommit[]) {
  for (const e of events) {
    if (e.kind === "request") services.pubsub.publish("requestChanged", e.event);
    else services.pubsub.publish("memberChanged", e.event);
  }
}

/** The request's fields as the audit log records them. */
function auditable(request: Record<string, unknown>): Record<string, unknown> {
  const {
    type: _type,
    member: _member,
    createdAt: _c,
    updatedAt: _u,
    version: _v,
    id: _id,
    ...rest
  } = request;
  return rest;
}

function auditableMember(member: Member): Record<string, unknown> {
  const { searchText: _s, createdAt: _c, updatedAt: _u, version: _v, id: _id, ...rest } = member;
  return rest;
}

// ───────────────────────────── request types ─────────────────────────────

export type UpdateRequestTypeInput = {
  code: RequestTypeCode;
  version: number;
  nameAr?: string | null | undefined;
  nameEn?: string | null | undefined;
  requiredFields?: string[] | null | undefined;
  requiredDocumentKinds?: DocumentKind[] | null | undefined;
  attestationRequired?: boolean | null | undefined;
  committeeDecides?: boolean | null | undefined;
  involvesMoney?: boolean | null | undefined;
  decisionPeriodDays?: number | null | undefined;
  /** The ceiling of an approved amount, in SAR; null removes it. */
  maxAmount?: string | null | undefined;
  active?: boolean | null | undefined;
};

/**
 * Changes a request type's rules. Requests already submitted keep the rules of their
 * submission (their snapshot); drafts and new requests follow the new rules.
 */
export async function updateRequestType(
  services: RequestServices,
  caller: Caller,
  input: UpdateRequestTypeInput,
) {
  const errors = new FieldErrors();
  const nameAr = input.nameAr === undefined ? undefined : required(errors, "nameAr", input.nameAr);
  const nameEn = input.nameEn === undefined ? undefined : required(errors, "nameEn", input.nameEn);
  const requiredFields = input.requiredFields ?? undefined;
  for (const name of requiredFields ?? []) {
    if (!requirableFields.includes(name))
      errors.add("requiredFields", "validation.unknownRequiredField", { name });
  }
  for (const [field, list] of [
    ["requiredFields", requiredFields],
    ["requiredDocumentKinds", input.requiredDocumentKinds],
  ] as const) {
    const seen = new Set<unknown>();
    for (const name of list ?? []) {
      if (seen.has(name)) errors.add(field, "validation.duplicateValue", { name: String(name) });
      seen.add(name);
    }
  }
  const days = input.decisionPeriodDays;
  if (days != null && (days < 1 || days > 365))
    errors.add("decisionPeriodDays", "validation.outOfRange", { min: 1, max: 365 });
  if (input.maxAmount != null && !(Number(input.maxAmount) > 0))
    errors.add("maxAmount", "validation.amountPositive");
  errors.throwIfAny();

  return services.prisma.$transaction(async (tx) => {
    const before = await tx.requestType.findUnique({ where: { code: input.code } });
    if (!before) throw new NotFoundError("RequestType", input.code);
    if (before.version !== input.version)
      throw await versionConflict(
        tx,
        caller,
        { type: "RequestType", id: input.code },
        input.version,
        before.version,
      );
    const data = {
      nameAr,
      nameEn,
      requiredFields,
      requiredDocumentKinds: input.requiredDocumentKinds ?? undefined,
      attestationRequired: input.attestationRequired ?? undefined,
      committeeDecides: input.committeeDecides ?? undefined,
      involvesMoney: input.involvesMoney ?? undefined,
      decisionPeriodDays: days ?? undefined,
      maxAmount: input.maxAmount,
      active: input.active ?? undefined,
    };
    const written = await tx.requestType.updateMany({
      where: { code: input.code, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (written.count !== 1)
      throw await versionConflict(
        tx,
        caller,
        { type: "RequestType", id: input.code },
        input.version,
        null,
      );
    const changes = changedFields(before as unknown as Record<string, unknown>, data);
    if (Object.keys(changes).length)
      await recordAudit(tx, caller, {
        action: "UPDATE",
        entityType: "RequestType",
        entityId: input.code,
        changes,
      });
    return tx.requestType.findUniqueOrThrow({ where: { code: input.code } });
  });
}
