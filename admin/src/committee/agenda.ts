// The agenda's order: items still to be decided keep their request on this agenda only, and
// the chair puts them to the vote in agenda order.
import type { CommitteeRoom, RoomItem } from "../dataProvider/committee.js";

export const undecidedStates: ReadonlySet<RoomItem["status"]> = new Set([
  "PENDING",
  "VOTING",
  "VOTING_CLOSED",
]);

/** The next item to put to the vote: the first one still pending, in agenda order. */
export function nextPendingItem(room: CommitteeRoom): RoomItem | undefined {
  return [...room.items]
    .sort((a, b) => a.position - b.position)
    .find((item) => item.status === "PENDING");
}
