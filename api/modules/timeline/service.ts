import type { Prisma } from "../../db/client.js";
import type { Writer } from "../../db/commands.js";
import type { RequestStatus, TimelineEventKind } from "../../db/generated/enums.js";

export type TimelineRecord = {
  memberId: string;
  requestId?: string | undefined;
  kind: TimelineEventKind;
  fromStatus?: RequestStatus | undefined;
  toStatus?: RequestStatus | undefined;
  note?: string | undefined;
  data?: Prisma.InputJsonValue | undefined;
};

/** Adds events to a member's (and a request's) timeline, in the caller's transaction. */
export async function recordTimelineEvents(
  { tx: db, caller, now: at }: Writer,
  records: TimelineRecord[],
): Promise<void> {
  const actorId = caller.kind === "user" ? caller.id : null;
  // One event (most writes): `create`, whose query plan Prisma caches; it skips its plan cache
  // for `createMany` (one event: 0.57–0.67 ms CPU against 0.35–0.39). Several: one INSERT.
  const [only, ...more] = records;
  if (!only) return;
  if (more.length)
    await db.timelineEvent.createMany({ data: records.map((r) => ({ ...r, actorId, at })) });
  else await db.timelineEvent.create({ data: { ...only, actorId, at }, select: { id: true } });
}

export function recordTimelineEvent(writer: Writer, record: TimelineRecord) {
  return recordTimelineEvents(writer, [record]);
}
