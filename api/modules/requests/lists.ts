// Request lists: the caller's visibility and the filters a list offers, as one Prisma `where`.
// A search finds a request by its reference or by its member, as the member search finds
// members (names hamza-insensitive; national IDs and mobiles in part only for those who may
// read personal data, whole otherwise, and then audited: see requestSearchReads).
import type { Caller } from "../../auth/caller.js";
import { mayReadPersonalData } from "../../auth/policy.js";
import type { Db, Prisma } from "../../db/client.js";
import type { Channel, RequestStatus, RequestTypeCode } from "../../db/generated/enums.js";
import type { PersonalDataRead } from "../audit/personal-data.js";
import { lookupReads, memberSearch } from "../members/search.js";
import { dayMs, overdueWhere } from "./decision-clock.js";
import { undecidedStates } from "./lifecycle.js";
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
  /** A reference, or the member's name, member number, national ID or mobile. */
  search?: string | null | undefined;
  /** Undecided, with a running clock, due within this many days (not yet overdue). */
  dueWithinDays?: number | null | undefined;
};

/** The member search a request search amounts to, by what the caller may read. */
function membersSearched(caller: Caller, search: string) {
  return memberSearch({ search }, { personalData: mayReadPersonalData(caller) });
}

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
  if (filter?.overdue === true) and.push(overdueWhere(db, now, filter.status));
  if (filter?.overdue === false) and.push({ NOT: overdueWhere(db, now, filter.status) });
  const reference = filter?.reference?.trim();
  if (reference) and.push({ reference: { contains: reference, mode: "insensitive" } });
  const search = filter?.search?.trim();
  if (search)
    and.push({
      OR: [
        { reference: { contains: search, mode: "insensitive" } },
        { member: membersSearched(caller, search).where },
      ],
    });
  const within = filter?.dueWithinDays;
  if (typeof within === "number" && within >= 0)
    and.push({
      status: { in: [...undecidedStates] },
      clockPausedAt: null,
      decisionDueAt: { gte: now, lte: new Date(now.getTime() + within * dayMs) },
    });
  return { AND: and };
}

/**
 * The personal-data reads a request search amounts to (a whole national ID or mobile looked up
 * by a caller who may not read them), to audit before any answer, as the member search does.
 */
export async function requestSearchReads(
  db: Db,
  caller: Caller,
  filter: RequestFilter | null | undefined,
): Promise<PersonalDataRead[]> {
  const search = filter?.search?.trim();
  return search ? lookupReads(db, membersSearched(caller, search)) : [];
}
