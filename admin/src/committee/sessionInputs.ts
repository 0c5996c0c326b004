// What the session form sends: scheduling takes every value; a change only what differs
// from the room as read, with the version read (what another user changed meanwhile stays).
import type { CommitteeRoom } from "../dataProvider/committee.js";
import { fromRiyadhLocal, toRiyadhLocal } from "../shared/dates.js";

export type SessionValues = {
  scheduledAt: string;
  chair: string;
  members: string[];
  ballotVisibility: string;
  tieBreak: string;
  quorumPercent: number | string;
};

/** The input of scheduling a session, from the form. */
export function scheduleInput(values: SessionValues) {
  return {
    scheduledAt: fromRiyadhLocal(values.scheduledAt) ?? "",
    chair: values.chair,
    members: values.members ?? [],
    ballotVisibility: values.ballotVisibility || null,
    tieBreak: values.tieBreak || null,
    quorumPercent: values.quorumPercent === "" ? null : Number(values.quorumPercent),
  };
}

/** The input of changing a session: only what changed from the room read, with its version. */
export function changeInput(room: CommitteeRoom, values: SessionValues) {
  const before = roomValues(room);
  const input: Record<string, unknown> = { session: room.session, version: room.version };
  const scheduledAt = fromRiyadhLocal(values.scheduledAt);
  if (values.scheduledAt !== before.scheduledAt) input.scheduledAt = scheduledAt ?? "";
  const members = [...(values.members ?? [])].sort();
  if (JSON.stringify(members) !== JSON.stringify([...before.members].sort()))
    input.members = members;
  for (const field of ["ballotVisibility", "tieBreak"] as const)
    if (values[field] !== before[field]) input[field] = values[field];
  if (Number(values.quorumPercent) !== before.quorumPercent)
    input.quorumPercent = Number(values.quorumPercent);
  return input;
}

/** The form's values for the room as read. */
export function roomValues(room: CommitteeRoom) {
  return {
    scheduledAt: toRiyadhLocal(room.scheduledAt),
    chair: room.members.find((m) => m.chair)?.user.id ?? "",
    members: room.members.map((m) => m.user.id),
    ballotVisibility: room.ballotVisibility,
    tieBreak: room.tieBreak,
    quorumPercent: room.quorumPercent,
  };
}
