// Intake: taking a request in (any channel, any caller — staff today, partners and the
// member portal next) and changing it while it is a draft or waits for information.
import type { Prisma } from "../../db/client.js";
import type { CommandContext } from "../../db/commands.js";
import type { Channel, PartnerConsentMethod, RequestTypeCode } from "../../db/generated/enums.js";
import { FieldErrors, NotFoundError } from "../../errors.js";
import { changedFields, expectVersion, recordAudit, staleWrite } from "../audit/service.js";
import { recordTimelineEvent } from "../timeline/service.js";
import { markAttestationStaleIfChanged } from "./attestation/service.js";
import { emitRequestChanged } from "./events.js";
import { editableStates, flowOf, refusedTransition } from "./lifecycle.js";
import { auditable, checkAmount, checkText, loadRequest } from "./request-fields.js";
import { rulesFor } from "./request-type-rules.js";
import { applyTransition } from "./transition.js";

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
  /** A partner's submission (channel PARTNER): the member's consent, as the partner recorded it. */
  partnerConsent?: PartnerConsent | undefined;
};

/** Who gave a partner the member's consent to submit on their behalf, how and when. */
export type PartnerConsent = { givenBy: string; method: PartnerConsentMethod; givenAt: Date };

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

/**
 * Takes a request in. Committee types start as DRAFT (documents and the attestation are
 * attached to the draft, then it is submitted); the other types are submitted in the same
 * step, so an inquiry taken on the phone has its reference at once.
 */
export async function createRequest(context: CommandContext, input: CreateRequestInput) {
  const { tx, caller, now } = context;
  const errors = new FieldErrors();
  const subject = checkText(errors, "subject", input.subject, true);
  const description = checkText(errors, "description", input.description, false) ?? "";
  const letter = checkText(errors, "incomingLetterNumber", input.incomingLetterNumber, false);
  if (input.channel === "LETTER" && !letter)
    errors.add("incomingLetterNumber", "validation.letterNumberRequired");
  // Only a partner submits on channel PARTNER, and never without the member's consent.
  const byPartner = caller.kind === "partner";
  if ((input.channel === "PARTNER") !== byPartner)
    errors.add("channel", "validation.partnerChannel");
  else if (byPartner && !input.partnerConsent) errors.add("partnerConsent", "validation.required");
  const details = parseDetails(errors, input.details) ?? {};
  const type = await tx.requestType.findUnique({ where: { code: input.type } });
  if (!type) throw new NotFoundError("RequestType", input.type);
  if (!type.active) errors.add("type", "validation.typeInactive");
  checkAmount(errors, "amountRequested", input.amountRequested, type.involvesMoney);
  errors.throwIfAny();
  const member = await tx.member.findUnique({
    where: { id: input.memberId },
    select: { id: true },
  });
  if (!member) throw new NotFoundError("Member", input.memberId);

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
      partnerConsentBy: input.partnerConsent?.givenBy ?? null,
      partnerConsentMethod: input.partnerConsent?.method ?? null,
      partnerConsentAt: input.partnerConsent?.givenAt ?? null,
      createdAt: now,
      updatedAt: now,
    },
    include: { type: true, member: true },
  });
  await recordTimelineEvent(
    { tx, caller, now },
    {
      memberId: created.memberId,
      requestId: created.id,
      kind: "REQUEST_CREATED",
      toStatus: "DRAFT",
      data: { channel: created.channel, typeCode: created.typeCode },
    },
  );
  await recordAudit(
    { tx, caller, now },
    {
      action: "CREATE",
      entityType: "Request",
      entityId: created.id,
      requestId: created.id,
      changes: changedFields({}, auditable(created)),
    },
  );
  emitRequestChanged(context, created, "CREATED", null);
  if (type.committeeDecides) return created;
  return applyTransition(context, { request: created, action: "SUBMIT", params: {} });
}

/** Changes a draft, or a request sent back for more information; its version must match. */
export async function updateRequest(context: CommandContext, input: UpdateRequestInput) {
  const { tx, caller } = context;
  const before = await loadRequest(tx, caller, input.id);
  if (!editableStates.includes(before.status)) {
    throw refusedTransition(flowOf(rulesFor(before).committeeDecides), before.status, "UPDATE");
  }
  await expectVersion(context, "Request", before, input.version);

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
      updatedAt: context.now,
      incomingLetterNumber:
        data.incomingLetterNumber === undefined ? undefined : data.incomingLetterNumber || null,
      version: { increment: 1 },
    },
  });
  if (written.count !== 1) throw await staleWrite(context, "Request", before.id, input.version);
  if (Object.keys(changes).length) {
    await recordAudit(context, {
      action: "UPDATE",
      entityType: "Request",
      entityId: before.id,
      requestId: before.id,
      changes,
    });
    // A signature covers the data as signed: changed data need a new signature.
    await markAttestationStaleIfChanged(context, before.id);
  }
  const request = await tx.request.findUniqueOrThrow({
    where: { id: before.id },
    include: { type: true, member: true },
  });
  emitRequestChanged(context, request, "UPDATED", before.status);
  return request;
}
