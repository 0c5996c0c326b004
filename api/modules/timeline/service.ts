import type { Caller } from "../../auth/caller.js";
import type { Db, Prisma } from "../../db/client.js";
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
  db: Db,
  caller: Caller,
  records: TimelineRecord[],
): Promise<void> {
  const actorId = caller.kind === "user" ? caller.id : null;
  // createMany: one INSERT, and no RETURNING row to read back.
  if (records.length)
    await db.timelineEvent.createMany({ data: records.map((r) => ({ ...r, actorId })) });
}

export function recordTimelineEvent(db: Db, caller: Caller, record: TimelineRecord) {
  return recordTimelineEvents(db, caller, [record]);
}
