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

/** Adds an event to a member's (and a request's) timeline, in the caller's transaction. */
export async function recordTimelineEvent(
  db: Db,
  caller: Caller,
  record: TimelineRecord,
): Promise<void> {
  await db.timelineEvent.create({
    data: { ...record, actorId: caller.kind === "user" ? caller.id : null },
  });
}
