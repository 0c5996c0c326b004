import type { CommandContext } from "../../db/commands.js";
import type { AgendaItem, CommitteeSession, Deferral } from "../../db/generated/client.js";
import { FieldErrors, NotFoundError, PreconditionFailedError } from "../../errors.js";
import { expectVersion, recordAudit } from "../audit/service.js";
import { loadRequest } from "../requests/request-fields.js";
import { applyTransition } from "../requests/transition.js";
import {
  announce,
  enterItem,
  itemAudit,
  maxReasonLength,
  namesOf,
  requireChair,
  requireItemState,
  requireSessionState,
  staff,
} from "./room.js";
import { outcomeOf, quorumOf, tallyOf } from "./rules.js";

export type FinaliseInput = {
  itemId: string;
  version: number;
  reason: string;
  amountApproved?: string | null | undefined;
};

/**
 * The chair finalises an item whose vote is closed: the rule stored on the session decides
 * (quorum, majority, tie), the tally and who voted what are kept, and the request moves to
 * APPROVED or REJECTED through its life cycle — all in this one transaction. The item's
 * version and state guard the write: of two finalisations racing, one decides and the other
 * is refused.
 */
export async function finaliseItem(context: CommandContext, input: FinaliseInput) {
  const { tx, caller, now } = context;
  const chair = staff(caller);
  const { session, item } = await enterItem(context, input.itemId);
  requireChair(chair, session);
  requireSessionState(session, "FINALISE");
  requireItemState(item, "FINALISE");
  await expectVersion(context, "AgendaItem", item, input.version);
  const errors = new FieldErrors();
  const reason = errors.text("reason", input.reason, maxReasonLength, true) ?? "";
  errors.throwIfAny();

  const [members, recusals, votes] = await Promise.all([
    tx.sessionAttendance.findMany({ where: { sessionId: session.id } }),
    tx.recusal.findMany({ where: { agendaItemId: item.id } }),
    tx.vote.findMany({ where: { agendaItemId: item.id } }),
  ]);
  const recused = new Set(recusals.map((r) => r.userId));
  const quorum = quorumOf(
    members.length,
    members.filter((m) => m.present && !recused.has(m.userId)).length,
    session.quorumPercent,
  );
  const tally = tallyOf(votes);
  const outcome = outcomeOf(
    tally,
    quorum,
    session.tieBreak,
    votes.find((v) => v.voterId === session.chairId)?.choice,
  );
  if (outcome.kind === "NO_QUORUM")
    throw new PreconditionFailedError("NO_QUORUM", "committee.noQuorum", {
      present: quorum.eligiblePresent,
      required: quorum.required,
    });
  if (outcome.kind === "TIE_UNBROKEN")
    throw new PreconditionFailedError("TIE_UNBROKEN", "committee.tieUnbroken");
  if (outcome.kind === "DEFER") return defer(context, session, item, { deferral: "TIE" });

  const figures = {
    approveCount: tally.approve,
    rejectCount: tally.reject,
    abstainCount: tally.abstain,
    memberCount: quorum.members,
    quorumCount: quorum.eligiblePresent,
  };
  const decided = await tx.agendaItem.updateMany({
    where: { id: item.id, version: item.version, status: "VOTING_CLOSED" },
    data: {
      status: "DECIDED",
      activeRequestId: null,
      outcome: outcome.decision,
      chairBrokeTie: outcome.chairBrokeTie,
      decisionReason: reason,
      finalisedAt: now,
      finalisedById: chair.id,
      updatedAt: now,
      ...figures,
      version: { increment: 1 },
    },
  });
  if (!decided.count) throw new NotFoundError("AgendaItem", item.id);
  const request = await loadRequest(tx, caller, item.requestId);
  await applyTransition(context, {
    request,
    action: "RECORD_DECISION",
    params: {
      decision: outcome.decision,
      reason,
      amountApproved: input.amountApproved,
      decisionRecord: {
        via: "SESSION",
        sessionId: session.id,
        session: `${session.number}/${session.year}`,
        approve: tally.approve,
        reject: tally.reject,
        abstain: tally.abstain,
        chairBrokeTie: outcome.chairBrokeTie,
      },
    },
  });
  await recordAudit(
    { tx, caller, now },
    {
      action: "TRANSITION",
      entityType: "AgendaItem",
      entityId: item.id,
      requestId: item.requestId,
      changes: {
        status: { before: "VOTING_CLOSED", after: "DECIDED" },
        outcome: { before: null, after: outcome.decision },
        votes: {
          before: null,
          after: (
            await namesOf(
              tx,
              votes.map((v) => v.voterId),
            )
          ).map((voter, i) => ({ voter, choice: votes[i]!.choice })),
        },
      },
    },
  );
  return announce(context, session.id, "DECIDED", item.id);
}

/** The chair sends an item to the next session; the request stays with the committee. */
export async function deferItem(
  context: CommandContext,
  input: { itemId: string; reason: string },
) {
  const chair = staff(context.caller);
  const { session, item } = await enterItem(context, input.itemId);
  requireChair(chair, session);
  requireSessionState(session, "DEFER");
  requireItemState(item, "DEFER");
  const errors = new FieldErrors();
  const reason = errors.text("reason", input.reason, maxReasonLength, true) ?? "";
  errors.throwIfAny();
  return defer(context, session, item, { deferral: "CHAIR", deferredReason: reason });
}

async function defer(
  context: CommandContext,
  session: CommitteeSession,
  item: AgendaItem,
  why: { deferral: Deferral; deferredReason?: string },
) {
  const { tx } = context;
  await tx.agendaItem.update({
    where: { id: item.id },
    data: {
      status: "DEFERRED",
      activeRequestId: null,
      ...why,
      version: { increment: 1 },
      updatedAt: context.now,
    },
  });
  await itemAudit(context, item, "DEFERRED");
  return announce(context, session.id, "DEFERRED", item.id);
}
