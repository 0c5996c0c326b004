// The communications log (سجل التواصل): every contact with a member — a call taken, a call
// made, a visit to the office, a message on social media — recorded with who handled it and
// what came of it, on the member's file and, when it concerns one, on the request's.
import type { CommandContext } from "../../db/commands.js";
import type { Channel, CommunicationDirection } from "../../db/generated/enums.js";
import { FieldErrors, ForbiddenError, NotFoundError, refusal } from "../../errors.js";
import { changedFields, recordAudit } from "../audit/service.js";
import { emitRequestChanged } from "../requests/events.js";
import { isResearcherOnly, mayReadCase } from "../requests/policy.js";
import { recordTimelineEvent } from "../timeline/service.js";

export type RecordCommunicationInput = {
  memberId?: string | null | undefined;
  requestId?: string | null | undefined;
  channel: Channel;
  direction: CommunicationDirection;
  subject: string;
  body?: string | null | undefined;
  outcome?: string | null | undefined;
  occurredAt?: Date | null | undefined;
};

export const communicationLimits = { subject: 200, body: 5000, outcome: 500 } as const;
/** Clocks differ: a time a few minutes ahead of ours is still "now". */
const clockSkewMs = 5 * 60_000;

/**
 * Records a communication with a member, on a request of theirs or not. Staff record on any
 * member; a researcher only on the requests referred to them. The log entry, the timeline
 * event and the audit entry are written together.
 */
export async function recordCommunication(
  context: CommandContext,
  input: RecordCommunicationInput,
) {
  const { tx, caller, now } = context;
  if (caller.kind !== "user") throw refusal(caller.kind !== "anonymous");
  const errors = new FieldErrors();
  const subject = errors.text("subject", input.subject, communicationLimits.subject, true) ?? "";
  const body = errors.text("body", input.body, communicationLimits.body) ?? "";
  const outcome = errors.text("outcome", input.outcome, communicationLimits.outcome) ?? "";
  if (input.channel === "PARTNER") errors.add("channel", "communications.partnerChannel");
  const occurredAt = input.occurredAt ?? now;
  if (occurredAt.getTime() > now.getTime() + clockSkewMs)
    errors.add("occurredAt", "communications.occurredInFuture");
  if (!input.memberId && !input.requestId) errors.add("member", "communications.memberOrRequest");
  errors.throwIfAny();

  const request = input.requestId
    ? await tx.request.findUnique({
        where: { id: input.requestId },
        select: {
          id: true,
          memberId: true,
          researcherId: true,
          partnerId: true,
          sharedWithPartnerIds: true,
          reference: true,
          status: true,
          version: true,
        },
      })
    : null;
  if (input.requestId && (!request || !mayReadCase(caller, request)))
    throw new NotFoundError("Request", input.requestId);
  // A researcher logs contact about the cases referred to them, not about anyone.
  if (!request && isResearcherOnly(caller)) throw new ForbiddenError();
  if (request && input.memberId && input.memberId !== request.memberId) {
    errors.add("request", "communications.requestOfAnotherMember");
    errors.throwIfAny();
  }
  const memberId = request?.memberId ?? input.memberId!;
  const member = await tx.member.findUnique({ where: { id: memberId }, select: { id: true } });
  if (!member) throw new NotFoundError("Member", memberId);

  const data = {
    memberId,
    requestId: request?.id ?? null,
    channel: input.channel,
    direction: input.direction,
    subject,
    body,
    outcome: outcome || null,
    handledById: caller.id,
    occurredAt,
  };
  // With the request's researcher: the node's visibility check reads it (types.ts).
  const communication = await tx.communication.create({
    data: { ...data, createdAt: now, updatedAt: now },
    include: { request: { select: { researcherId: true } } },
  });
  await recordTimelineEvent(
    { tx, caller, now },
    {
      memberId,
      requestId: request?.id,
      kind: "COMMUNICATION_LOGGED",
      note: subject,
      data: {
        communicationId: communication.id,
        channel: input.channel,
        direction: input.direction,
        ...(request?.reference ? { reference: request.reference } : {}),
      },
    },
  );
  await recordAudit(
    { tx, caller, now },
    {
      action: "CREATE",
      entityType: "Communication",
      entityId: communication.id,
      requestId: request?.id,
      changes: changedFields({}, data),
    },
  );
  // Case files open elsewhere show the new contact at once.
  if (request) emitRequestChanged(context, request, "COMMUNICATION_LOGGED", request.status);
  return communication;
}
