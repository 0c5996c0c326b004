// Request lists: the caller's visibility and the filters a list offers, as one Prisma `where`.
import type { Caller } from "../../auth/caller.js";
import type { Db, Prisma } from "../../db/client.js";
import type { Channel, RequestStatus, RequestTypeCode } from "../../db/generated/enums.js";
import { overdueWhere } from "./decision-clock.js";
import { visibleRequestsWhere } from "./policy.js";

export type RequestFilter = {
  status?: RequestStatus | null | undefined;
  type?: RequestTypeCode | null | undefined;
  channel?: Channel | null | undefined;
  assigneeId?: string | null | undefined;
  researcherId?: string | null | undefined;
  memberId?: string | null | undefined;
  overdue?: boolean | null | undefined;
  reference?: string | null | undefined;
};

/** The Prisma `where` for a request list: the caller's visibility and the filters. */
export function requestWhere(
  db: Db,
  caller: Caller,
  filter: RequestFilter | null | undefined,
  now: Date = new Date(),
): Prisma.RequestWhereInput {
  const and: Prisma.RequestWhereInput[] = [visibleRequestsWhere(caller)];
  if (filter?.status) and.push({ status: filter.status });
  if (filter?.type) and.push({ typeCode: filter.type });
  if (filter?.channel) and.push({ channel: filter.channel });
  if (filter?.assigneeId) and.push({ assigneeId: filter.assigneeId });
  if (filter?.researcherId) and.push({ researcherId: filter.researcherId });
  if (filter?.memberId) and.push({ memberId: filter.memberId });
  if (filter?.overdue === true) and.push(overdueWhere(db, now));
  if (filter?.overdue === false) and.push({ NOT: overdueWhere(db, now) });
  const reference = filter?.reference?.trim();
  if (reference) and.push({ reference: { contains: reference, mode: "insensitive" } });
  return { AND: and };
}
