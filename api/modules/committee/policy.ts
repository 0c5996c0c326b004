// Who may see a committee session, follow its room live and read its ballots: the one
// answer, asked by the queries, the commands, the subscription and the case file alike.
import type { Caller } from "../../auth/caller.js";
import { hasPermission } from "../../auth/permissions.js";
import type { Prisma } from "../../db/client.js";
import type { RoomItem, RoomState } from "./state.js";

/** Staff who schedule sessions and build agendas see every session. */
export function managesSessions(caller: Caller): boolean {
  return caller.kind === "user" && hasPermission(caller.roles, "committee.manage");
}

/** Sessions the caller may read: every one for those who manage them; else their own. */
export function sessionsWhere(caller: Caller): Prisma.CommitteeSessionWhereInput {
  if (managesSessions(caller)) return {};
  if (caller.kind !== "user" || !hasPermission(caller.roles, "committee.show"))
    return { id: { in: [] } };
  return { OR: [{ chairId: caller.id }, { attendance: { some: { userId: caller.id } } }] };
}

/** Whether the caller may read this session (the node's check; `sessionsWhere` for lists). */
export function maySeeSession(
  caller: Caller,
  session: { chairId: string; attendance: { userId: string }[] },
): boolean {
  if (managesSessions(caller)) return true;
  if (caller.kind !== "user" || !hasPermission(caller.roles, "committee.show")) return false;
  return session.chairId === caller.id || session.attendance.some((a) => a.userId === caller.id);
}

/**
 * Who may be in the room, live: its chair, its invited members and admins. Staff who built
 * the agenda read the session, but a vote as it is cast is for the committee's eyes.
 */
export function mayEnterRoom(
  caller: Caller,
  room: Pick<RoomState, "chairId" | "members">,
): boolean {
  if (caller.kind !== "user") return false;
  if (caller.roles.includes("ADMIN")) return true;
  return room.chairId === caller.id || room.members.some((m) => m.userId === caller.id);
}

/**
 * Whether who voted what may be shown: always in an OPEN ballot; in a secret one only once
 * the item is decided (the counts are always shown).
 */
export function ballotsNamed(
  room: Pick<RoomState, "ballotVisibility">,
  item: Pick<RoomItem, "status">,
) {
  return room.ballotVisibility === "OPEN" || item.status === "DECIDED";
}

/**
 * What the room's fields (types.ts) read from the viewer, for sharing one execution of a
 * change among its screens (live/shared-execution.ts): a viewer with a part of their own in
 * the room (chair, member, a vote of theirs: `viewerIsChair`, `viewerIsMember`, `myVote`)
 * is alone in their class; every other viewer sees the same room, `votesNamed` and `votes`
 * as any other who may (or may not) enter it. Null: presence, no room.
 */
export function roomViewer(caller: Caller, room: RoomState | null): string {
  if (!room) return "";
  const id = caller.kind === "user" ? caller.id : undefined;
  const own =
    id !== undefined &&
    (room.chairId === id ||
      room.members.some((m) => m.userId === id) ||
      room.items.some((item) => item.votes.some((v) => v.voterId === id)));
  return own ? `own:${id}` : `other:${mayEnterRoom(caller, room)}`;
}
