// The committee room's live event: the room's whole new state after each change, read once
// in the change's transaction and announced after its commit, so every screen (on every
// instance, through Redis) renders the same state; the sequence lets a screen see a gap.
// Presence (who has the room open now) is not stored: each instance counts its own sockets
// and announces arrivals and departures.
import type { CommandContext } from "../../db/commands.js";
import type { RoomState } from "./state.js";

export const committeeRoomChanges = [
  "SNAPSHOT",
  "SESSION_SCHEDULED",
  "SESSION_CHANGED",
  "SESSION_OPENED",
  "SESSION_CLOSED",
  "AGENDA_CHANGED",
  "ATTENDANCE",
  "VOTING_OPENED",
  "VOTE_CAST",
  "RECUSED",
  "VOTING_CLOSED",
  "DECIDED",
  "DEFERRED",
  "PRESENCE",
] as const;
export type CommitteeRoomChange = (typeof committeeRoomChanges)[number];

export type CommitteeRoomEvent = {
  sessionId: string;
  /** The session's sequence after the change (presence events repeat the last one). */
  sequence: number;
  change: CommitteeRoomChange;
  actorId: string | null;
  itemId: string | null;
  /** ISO 8601: events may cross instances as JSON. */
  at: string;
  /** The room after the change; null for presence, which changes no stored state. */
  state: RoomState | null;
  /** For PRESENCE: whose screen arrived (+1) or left (-1), on which instance. */
  presence?: { userId: string; delta: 1 | -1; instance: string };
};

declare module "../../pubsub.js" {
  interface WaslEvents {
    committeeRoom: [CommitteeRoomEvent];
  }
}

export function emitRoomChanged(
  context: CommandContext,
  state: RoomState,
  change: CommitteeRoomChange,
  itemId: string | null,
): void {
  context.emit("committeeRoom", {
    sessionId: state.id,
    sequence: state.sequence,
    change,
    actorId: context.caller.kind === "user" ? context.caller.id : null,
    itemId,
    at: context.now.toISOString(),
    state,
  });
}
