import type { CommandContext } from "../../db/commands.js";
import type { VoteChoice } from "../../db/generated/client.js";
import { FieldErrors, ForbiddenError, PreconditionFailedError } from "../../errors.js";
import { recordAudit } from "../audit/service.js";
import {
  announce,
  enterItem,
  itemAudit,
  maxReasonLength,
  membership,
  requireChair,
  requireItemState,
  requireSessionState,
  staff,
} from "./room.js";

/** The chair brings an item up for a vote: one item is voted on at a time. */
export async function openVoting(context: CommandContext, input: { itemId: string }) {
  const { tx, caller, now } = context;
  const chair = staff(caller);
  const { session, item } = await enterItem(context, input.itemId);
  requireChair(chair, session);
  requireSessionState(session, "OPEN_VOTING");
  requireItemState(item, "OPEN_VOTING");
  const other = await tx.agendaItem.count({ where: { sessionId: session.id, status: "VOTING" } });
  if (other) throw new PreconditionFailedError("VOTING_IN_PROGRESS", "committee.votingInProgress");
  await tx.agendaItem.update({
    where: { id: item.id },
    data: {
      status: "VOTING",
      votingOpenedAt: now,
      votingClosedAt: null,
      version: { increment: 1 },
      updatedAt: now,
    },
  });
  await tx.committeeSession.update({
    where: { id: session.id },
    data: { currentItemId: item.id, updatedAt: now },
  });
  await itemAudit(context, item, "VOTING");
  return announce(context, session.id, "VOTING_OPENED", item.id);
}

/** The chair closes the vote on the item in vote: votes are final from then on. */
export async function closeVoting(context: CommandContext, input: { itemId: string }) {
  const { tx, caller, now } = context;
  const chair = staff(caller);
  const { session, item } = await enterItem(context, input.itemId);
  requireChair(chair, session);
  requireSessionState(session, "CLOSE_VOTING");
  requireItemState(item, "CLOSE_VOTING");
  await tx.agendaItem.update({
    where: { id: item.id },
    data: {
      status: "VOTING_CLOSED",
      votingClosedAt: now,
      version: { increment: 1 },
      updatedAt: now,
    },
  });
  await itemAudit(context, item, "VOTING_CLOSED");
  return announce(context, session.id, "VOTING_CLOSED", item.id);
}

export type CastVoteInput = {
  itemId: string;
  choice: VoteChoice;
  comment?: string | null | undefined;
};

/**
 * A member's vote on the item in vote; cast again to change it while the vote is open.
 * Only members present and not recused vote.
 */
export async function castVote(context: CommandContext, input: CastVoteInput) {
  const { tx, caller, now } = context;
  const voter = staff(caller);
  const { session, item } = await enterItem(context, input.itemId);
  requireSessionState(session, "CAST_VOTE");
  const seat = await membership(tx, session.id, voter.id);
  if (!seat) throw new ForbiddenError();
  requireItemState(item, "CAST_VOTE");
  if (!seat.present) throw new PreconditionFailedError("NOT_PRESENT", "committee.notPresent");
  const recused = await tx.recusal.findUnique({
    where: { agendaItemId_userId: { agendaItemId: item.id, userId: voter.id } },
  });
  if (recused) throw new PreconditionFailedError("RECUSED", "committee.recused");
  const errors = new FieldErrors();
  const comment = errors.text("comment", input.comment, maxReasonLength) || null;
  errors.throwIfAny();
  const before = await tx.vote.findUnique({
    where: { agendaItemId_voterId: { agendaItemId: item.id, voterId: voter.id } },
  });
  await tx.vote.upsert({
    where: { agendaItemId_voterId: { agendaItemId: item.id, voterId: voter.id } },
    create: {
      agendaItemId: item.id,
      voterId: voter.id,
      choice: input.choice,
      comment,
      castAt: now,
      updatedAt: now,
    },
    update: {
      choice: input.choice,
      comment,
      castAt: now,
      version: { increment: 1 },
      updatedAt: now,
    },
  });
  await recordAudit(
    { tx, caller, now },
    {
      action: before ? "UPDATE" : "CREATE",
      entityType: "Vote",
      entityId: `${item.id}:${voter.id}`,
      requestId: item.requestId,
      changes: { choice: { before: before?.choice ?? null, after: input.choice } },
    },
  );
  return announce(context, session.id, "VOTE_CAST", item.id);
}

/**
 * A member with a conflict of interest steps aside from an item, with the reason: any vote
 * they cast on it is withdrawn, and they do not count towards its quorum.
 */
export async function recuse(context: CommandContext, input: { itemId: string; reason: string }) {
  const { tx, caller, now } = context;
  const member = staff(caller);
  const { session, item } = await enterItem(context, input.itemId);
  requireSessionState(session, "RECUSE");
  if (!(await membership(tx, session.id, member.id))) throw new ForbiddenError();
  requireItemState(item, "RECUSE");
  const errors = new FieldErrors();
  const reason = errors.text("reason", input.reason, maxReasonLength, true) ?? "";
  errors.throwIfAny();
  const already = await tx.recusal.findUnique({
    where: { agendaItemId_userId: { agendaItemId: item.id, userId: member.id } },
  });
  if (already) throw new PreconditionFailedError("RECUSED", "committee.recused");
  await tx.vote.deleteMany({ where: { agendaItemId: item.id, voterId: member.id } });
  await tx.recusal.create({
    data: { agendaItemId: item.id, userId: member.id, reason, createdAt: now },
  });
  await recordAudit(
    { tx, caller, now },
    {
      action: "CREATE",
      entityType: "Recusal",
      entityId: `${item.id}:${member.id}`,
      requestId: item.requestId,
      changes: { reason: { before: null, after: reason } },
    },
  );
  return announce(context, session.id, "RECUSED", item.id);
}
