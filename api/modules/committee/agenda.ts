import type { CommandContext } from "../../db/commands.js";
import { FieldErrors, ForbiddenError, PreconditionFailedError } from "../../errors.js";
import { recordAudit } from "../audit/service.js";
import { loadRequest } from "../requests/request-fields.js";
import { recordTimelineEvent } from "../timeline/service.js";
import { managesSessions } from "./policy.js";
import {
  announce,
  enterItem,
  enterSession,
  requireItemState,
  requireSessionState,
  staff,
} from "./room.js";

/**
 * Puts a request raised to the committee on a session's agenda, last. A request sits on one
 * open agenda at most: the unique `activeRequestId` holds that even against a concurrent
 * addition to another session.
 */
export async function addToAgenda(
  context: CommandContext,
  input: { sessionId: string; requestId: string },
) {
  const { tx, caller } = context;
  staff(caller);
  const session = await enterSession(context, input.sessionId);
  if (!managesSessions(caller)) throw new ForbiddenError();
  requireSessionState(session, "BUILD_AGENDA");
  // Two additions of one request to two sessions take turns on the request's row, so the
  // second sees the first's item and is refused by name (the unique index is the backstop).
  await tx.$queryRaw`SELECT "id" FROM "Request" WHERE "id" = ${input.requestId}::uuid FOR UPDATE`;
  const request = await loadRequest(tx, caller, input.requestId);
  if (request.status !== "IN_COMMITTEE")
    throw new PreconditionFailedError("NOT_IN_COMMITTEE", "committee.notInCommittee", {
      reference: request.reference ?? "—",
    });
  const elsewhere = await tx.agendaItem.findUnique({
    where: { activeRequestId: request.id },
    select: { session: { select: { year: true, number: true } } },
  });
  if (elsewhere) throw onAnotherAgenda(elsewhere.session);
  const last = await tx.agendaItem.aggregate({
    where: { sessionId: session.id },
    _max: { position: true },
  });
  const item = await tx.agendaItem.create({
    data: {
      sessionId: session.id,
      requestId: request.id,
      activeRequestId: request.id,
      position: (last._max.position ?? 0) + 1,
      createdAt: context.now,
      updatedAt: context.now,
    },
  });
  await recordTimelineEvent(context, {
    memberId: request.memberId,
    requestId: request.id,
    kind: "ADDED_TO_AGENDA",
    data: { sessionId: session.id, session: `${session.number}/${session.year}` },
  });
  await recordAudit(context, {
    action: "CREATE",
    entityType: "AgendaItem",
    entityId: item.id,
    requestId: request.id,
    changes: { session: { before: null, after: `${session.number}/${session.year}` } },
  });
  return announce(context, session.id, "AGENDA_CHANGED", item.id);
}

function onAnotherAgenda(session: { year: number; number: number }) {
  return new PreconditionFailedError("ON_ANOTHER_AGENDA", "committee.onAnotherAgenda", {
    session: `${session.number}/${session.year}`,
  });
}

/** Takes an item not yet voted on off the agenda. */
export async function removeFromAgenda(context: CommandContext, input: { itemId: string }) {
  const { tx, caller } = context;
  staff(caller);
  const { session, item } = await enterItem(context, input.itemId);
  if (!managesSessions(caller)) throw new ForbiddenError();
  requireSessionState(session, "BUILD_AGENDA");
  requireItemState(item, "BUILD_AGENDA");
  await tx.agendaItem.delete({ where: { id: item.id } });
  await recordAudit(context, {
    action: "DELETE",
    entityType: "AgendaItem",
    entityId: item.id,
    requestId: item.requestId,
  });
  return announce(context, session.id, "AGENDA_CHANGED");
}

/**
 * Moves an item not yet voted on to another place (1 = first): the agenda is renumbered in
 * the new order.
 */
export async function moveAgendaItem(
  context: CommandContext,
  input: { itemId: string; position: number },
) {
  const { tx, caller } = context;
  const user = staff(caller);
  const { session, item } = await enterItem(context, input.itemId);
  if (!managesSessions(caller) && session.chairId !== user.id) throw new ForbiddenError();
  requireSessionState(session, "BUILD_AGENDA");
  requireItemState(item, "BUILD_AGENDA");
  const agenda = await tx.agendaItem.findMany({
    where: { sessionId: session.id },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const errors = new FieldErrors();
  if (!Number.isInteger(input.position) || input.position < 1 || input.position > agenda.length)
    errors.add("position", "committee.positionRange", { max: agenda.length });
  errors.throwIfAny();
  const order = agenda.map((a) => a.id).filter((id) => id !== item.id);
  order.splice(input.position - 1, 0, item.id);
  // Positions are unique per session: step aside to negatives, then take the new places.
  await tx.agendaItem.updateMany({
    where: { sessionId: session.id },
    data: { position: { multiply: -1 }, updatedAt: context.now },
  });
  for (const [index, id] of order.entries())
    await tx.agendaItem.update({
      where: { id },
      data: { position: index + 1, updatedAt: context.now },
    });
  await recordAudit(context, {
    action: "UPDATE",
    entityType: "AgendaItem",
    entityId: item.id,
    requestId: item.requestId,
    changes: { position: { before: item.position, after: input.position } },
  });
  return announce(context, session.id, "AGENDA_CHANGED", item.id);
}
