// The room as a live screen shows it: the session, its members and who is present, and each
// agenda item with its votes, recusals, tally, quorum and decision. Read once per change, in
// the change's transaction, and sent as plain JSON (it may cross instances through Redis):
// every subscriber gets the same state, cut to what they may see (ballot visibility) when
// it is resolved.
import type { Db } from "../../db/client.js";
import type {
  AgendaItemStatus,
  BallotVisibility,
  Decision,
  Deferral,
  RequestStatus,
  SessionStatus,
  TieBreak,
  VoteChoice,
} from "../../db/generated/enums.js";
import { NotFoundError } from "../../errors.js";
import { type Quorum, quorumOf, type Tally, tallyOf } from "./rules.js";

export type RoomMember = { userId: string; fullName: string; chair: boolean; present: boolean };
export type RoomVote = {
  voterId: string;
  voterName: string;
  choice: VoteChoice;
  comment: string | null;
  castAt: string;
};
export type RoomRecusal = { userId: string; fullName: string; reason: string; at: string };
export type RoomItem = {
  id: string;
  position: number;
  status: AgendaItemStatus;
  version: number;
  requestId: string;
  reference: string | null;
  requestStatus: RequestStatus;
  typeCode: string;
  subject: string;
  memberName: string;
  amountRequested: string | null;
  decisionDueAt: string | null;
  votes: RoomVote[];
  recusals: RoomRecusal[];
  tally: Tally;
  quorum: Quorum;
  outcome: Decision | null;
  chairBrokeTie: boolean;
  decisionReason: string | null;
  deferral: Deferral | null;
  deferredReason: string | null;
  finalisedAt: string | null;
};
export type RoomState = {
  id: string;
  year: number;
  number: number;
  status: SessionStatus;
  version: number;
  scheduledAt: string;
  openedAt: string | null;
  closedAt: string | null;
  chairId: string;
  ballotVisibility: BallotVisibility;
  tieBreak: TieBreak;
  quorumPercent: number;
  currentItemId: string | null;
  sequence: number;
  hasMinutes: boolean;
  members: RoomMember[];
  items: RoomItem[];
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export async function loadRoomState(db: Db, sessionId: string): Promise<RoomState> {
  const session = await db.committeeSession.findUnique({
    where: { id: sessionId },
    include: {
      attendance: { include: { user: { select: { fullName: true } } } },
      agenda: {
        orderBy: { position: "asc" },
        include: {
          votes: { include: { voter: { select: { fullName: true } } }, orderBy: { castAt: "asc" } },
          recusals: { include: { user: { select: { fullName: true } } } },
          request: {
            select: {
              reference: true,
              status: true,
              typeCode: true,
              subject: true,
              amountRequested: true,
              decisionDueAt: true,
              member: { select: { fullNameAr: true } },
            },
          },
        },
      },
    },
  });
  if (!session) throw new NotFoundError("CommitteeSession", sessionId);
  const members = session.attendance
    .map((a) => ({
      userId: a.userId,
      fullName: a.user.fullName,
      chair: a.userId === session.chairId,
      present: a.present,
    }))
    .sort(
      (a, b) => Number(b.chair) - Number(a.chair) || a.fullName.localeCompare(b.fullName, "ar"),
    );
  return {
    id: session.id,
    year: session.year,
    number: session.number,
    status: session.status,
    version: session.version,
    scheduledAt: session.scheduledAt.toISOString(),
    openedAt: iso(session.openedAt),
    closedAt: iso(session.closedAt),
    chairId: session.chairId,
    ballotVisibility: session.ballotVisibility,
    tieBreak: session.tieBreak,
    quorumPercent: session.quorumPercent,
    currentItemId: session.currentItemId,
    sequence: session.sequence,
    hasMinutes: session.minutes !== null,
    members,
    items: session.agenda.map((item) => {
      const recused = new Set(item.recusals.map((r) => r.userId));
      const eligiblePresent = members.filter((m) => m.present && !recused.has(m.userId)).length;
      const decided = item.status === "DECIDED";
      return {
        id: item.id,
        position: item.position,
        status: item.status,
        version: item.version,
        requestId: item.requestId,
        reference: item.request.reference,
        requestStatus: item.request.status,
        typeCode: item.request.typeCode,
        subject: item.request.subject,
        memberName: item.request.member.fullNameAr,
        amountRequested: item.request.amountRequested?.toString() ?? null,
        decisionDueAt: iso(item.request.decisionDueAt),
        votes: item.votes.map((v) => ({
          voterId: v.voterId,
          voterName: v.voter.fullName,
          choice: v.choice,
          comment: v.comment,
          castAt: v.castAt.toISOString(),
        })),
        recusals: item.recusals.map((r) => ({
          userId: r.userId,
          fullName: r.user.fullName,
          reason: r.reason,
          at: r.createdAt.toISOString(),
        })),
        // A decided item shows the figures it was decided on, not today's attendance.
        tally: decided
          ? {
              approve: item.approveCount ?? 0,
              reject: item.rejectCount ?? 0,
              abstain: item.abstainCount ?? 0,
            }
          : tallyOf(item.votes),
        quorum:
          decided && item.memberCount !== null && item.quorumCount !== null
            ? quorumOf(item.memberCount, item.quorumCount, session.quorumPercent)
            : quorumOf(members.length, eligiblePresent, session.quorumPercent),
        outcome: item.outcome,
        chairBrokeTie: item.chairBrokeTie,
        decisionReason: item.decisionReason,
        deferral: item.deferral,
        deferredReason: item.deferredReason,
        finalisedAt: iso(item.finalisedAt),
      };
    }),
  };
}
