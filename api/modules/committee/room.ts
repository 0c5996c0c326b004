// What every committee command does first and last: who the caller is, the session entered
// (its sequence bumped, its row locked until the commit, so the commands of one session take
// turns), the state and role checks that name what is allowed, and the room's new state
// announced after the commit. The commands themselves: sessions.ts, agenda.ts, voting.ts,
// decisions.ts.
import type { Caller, StaffCaller } from "../../auth/caller.js";
import type { Db } from "../../db/client.js";
import type { CommandContext } from "../../db/commands.js";
import type { AgendaItem, CommitteeSession } from "../../db/generated/client.js";
import { ForbiddenError, NotFoundError, refusal } from "../../errors.js";
import { recordAudit } from "../audit/service.js";
import { AgendaItemTransitionError, CommitteeSessionTransitionError } from "./errors.js";
import { type CommitteeRoomChange, emitRoomChanged } from "./events.js";
import { sessionsWhere } from "./policy.js";
import {
  type CommitteeAction,
  committeeActions,
  itemStatesFor,
  sessionStatesFor,
} from "./rules.js";
import { loadRoomState, type RoomState } from "./state.js";

export const maxReasonLength = 2_000;

export function staff(caller: Caller): StaffCaller {
  if (caller.kind !== "user") throw refusal(caller.kind !== "anonymous");
  return caller;
}

/**
 * The session, if the caller may read it, with its sequence bumped: the row stays locked
 * until the command commits, so two commands on one session never interleave.
 */
export async function enterSession(
  context: CommandContext,
  sessionId: string,
): Promise<CommitteeSession> {
  const { tx, caller } = context;
  const [session] = await tx.committeeSession.updateManyAndReturn({
    where: { AND: [{ id: sessionId }, sessionsWhere(caller)] },
    data: { sequence: { increment: 1 }, updatedAt: context.now },
  });
  if (!session) throw new NotFoundError("CommitteeSession", sessionId);
  return session;
}

export function requireSessionState(session: CommitteeSession, action: CommitteeAction) {
  const allowed = sessionStatesFor[action];
  if (!allowed.includes(session.status))
    throw new CommitteeSessionTransitionError(session.status, action, allowedIn(session.status));
}

function allowedIn(status: CommitteeSession["status"]): CommitteeAction[] {
  return committeeActions.filter((action) => sessionStatesFor[action].includes(status));
}

export function requireItemState(item: AgendaItem, action: CommitteeAction) {
  const allowed = itemStatesFor[action] ?? [];
  if (!allowed.includes(item.status)) {
    const possible = committeeActions.filter((name) => itemStatesFor[name]?.includes(item.status));
    throw new AgendaItemTransitionError(item.status, action, possible);
  }
}

/** Only the session's own chair conducts it (opens, votes on the agenda, decides, closes). */
export function requireChair(caller: StaffCaller, session: CommitteeSession) {
  if (session.chairId !== caller.id) throw new ForbiddenError();
}

/** The item with its session entered (locked and sequenced). */
export async function enterItem(context: CommandContext, itemId: string) {
  const found = await context.tx.agendaItem.findUnique({
    where: { id: itemId },
    select: { sessionId: true },
  });
  if (!found) throw new NotFoundError("AgendaItem", itemId);
  const session = await enterSession(context, found.sessionId);
  const item = await context.tx.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
  return { session, item };
}

export async function announce(
  context: CommandContext,
  sessionId: string,
  change: CommitteeRoomChange,
  itemId: string | null = null,
): Promise<RoomState> {
  const state = await loadRoomState(context.tx, sessionId);
  emitRoomChanged(context, state, change, itemId);
  return state;
}

export async function membership(tx: Db, sessionId: string, userId: string) {
  return tx.sessionAttendance.findUnique({ where: { sessionId_userId: { sessionId, userId } } });
}

/** An agenda item's move, audited with the request it concerns. */
export function itemAudit(context: CommandContext, item: AgendaItem, to: AgendaItem["status"]) {
  return recordAudit(context, {
    action: "TRANSITION",
    entityType: "AgendaItem",
    entityId: item.id,
    requestId: item.requestId,
    changes: { status: { before: item.status, after: to } },
  });
}

/**
 * Users' names in the order of their IDs: the audit log names people as the panel shows
 * them (a list of IDs would read as noise there).
 */
export async function namesOf(tx: Db, ids: readonly string[]): Promise<string[]> {
  const users = await tx.user.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, fullName: true },
  });
  return ids.map((id) => users.find((u) => u.id === id)?.fullName ?? "—");
}
