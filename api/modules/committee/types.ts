// The committee in the schema: sessions and agenda items as nodes (lists, node lookups, the
// case file's committee history), and the live room (CommitteeRoom) that the room's queries,
// mutations and subscription all answer with, cut per viewer to what they may see.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { anonymous, type Caller } from "../../auth/caller.js";
import { withCaller } from "../../auth/policy.js";
import {
  AgendaItemStatus,
  BallotVisibility,
  Deferral,
  SessionStatus,
  TieBreak,
  VoteChoice,
} from "../../db/generated/enums.js";
import { builder } from "../../graphql/builder.js";
import { describedEnum, RequestStatusEnum, RequestTypeCodeEnum } from "../../graphql/enums.js";
import { DecisionEnum, RequestNode } from "../requests/types.js";
import { StaffRefType } from "../users/types.js";
import type { CommitteeRoomEvent, committeeRoomChanges } from "./events.js";
import { ballotsNamed, mayEnterRoom, maySeeSession, sessionsWhere } from "./policy.js";
import { roomPresence } from "./presence.js";
import type { Quorum, Tally } from "./rules.js";
import type { RoomItem, RoomMember, RoomRecusal, RoomState, RoomVote } from "./state.js";

export const SessionStatusEnum = describedEnum(
  SessionStatus,
  "SessionStatus",
  "SCHEDULED → OPEN (the chair opened it) → CLOSED (minutes written).",
  {
    SCHEDULED: "Planned, not opened yet.",
    OPEN: "Opened by the chair: items are being voted on.",
    CLOSED: "Closed; its minutes are written.",
  },
);
export const AgendaItemStatusEnum = describedEnum(
  AgendaItemStatus,
  "AgendaItemStatus",
  "PENDING → VOTING → VOTING_CLOSED → DECIDED; or DEFERRED (back to the next session, the request stays with the committee).",
  {
    PENDING: "On the agenda, not yet voted on.",
    VOTING: "The chair opened the vote; members are voting.",
    VOTING_CLOSED: "The vote is closed; the chair has yet to finalise the decision.",
    DECIDED: "Decided: the request is approved or rejected.",
    DEFERRED: "Deferred to a later session; the request stays with the committee.",
  },
);
export const VoteChoiceEnum = describedEnum(
  VoteChoice,
  "VoteChoice",
  "APPROVE, REJECT or ABSTAIN; abstentions do not count towards the majority.",
  {
    APPROVE: "For approving the request.",
    REJECT: "For rejecting it.",
    ABSTAIN: "Abstains; not counted towards the majority.",
  },
);
export const BallotVisibilityEnum = describedEnum(
  BallotVisibility,
  "BallotVisibility",
  "OPEN: everyone in the room sees who voted what as votes arrive. SECRET_UNTIL_DECIDED: counts live, names once the item is decided.",
  {
    OPEN: "Everyone in the room sees who voted what as votes arrive.",
    SECRET_UNTIL_DECIDED: "Counts are live; names are shown once the item is decided.",
  },
);
export const TieBreakEnum = describedEnum(
  TieBreak,
  "TieBreak",
  "CHAIR_CASTING_VOTE: on a tie, the chair's vote decides. DEFER: a tied item goes to the next session.",
  {
    CHAIR_CASTING_VOTE: "On a tie, the chair's vote decides.",
    DEFER: "A tied item goes to the next session.",
  },
);
export const DeferralEnum = describedEnum(
  Deferral,
  "Deferral",
  "Why an item was deferred: by the chair, on a tie, or the session closed first.",
  {
    CHAIR: "The chair deferred the item.",
    TIE: "The vote was tied and the session's rule is to defer.",
    SESSION_CLOSED: "The session closed before the item was decided.",
  },
);
const CommitteeRoomChangeEnum = builder.enumType("CommitteeRoomChange", {
  description:
    "What changed in the room: SNAPSHOT is the first message of a subscription (the whole current state); PRESENCE, a screen opened or closed.",
  values: {
    SNAPSHOT: { description: "The first message of a subscription: the whole current state." },
    SESSION_SCHEDULED: { description: "A session was scheduled." },
    SESSION_CHANGED: { description: "A session's date, place or members changed." },
    SESSION_OPENED: { description: "The chair opened the session." },
    SESSION_CLOSED: { description: "The session was closed." },
    AGENDA_CHANGED: {
      description: "Items were added to, removed from or reordered on the agenda.",
    },
    ATTENDANCE: { description: "A member's attendance was recorded." },
    VOTING_OPENED: { description: "The chair opened the vote on an item." },
    VOTE_CAST: { description: "A member voted (names shown as the ballot visibility allows)." },
    RECUSED: { description: "A member recused themself from an item." },
    VOTING_CLOSED: { description: "The vote on an item was closed." },
    DECIDED: { description: "An item was decided." },
    DEFERRED: { description: "An item was deferred." },
    PRESENCE: { description: "A screen joined or left the room." },
  } satisfies Record<(typeof committeeRoomChanges)[number], { description: string }>,
});

/** Whether the viewer sits in the room (chair, invited member, admin): they see ballots. */
function inRoom(caller: Caller | undefined, room: RoomState): boolean {
  return !!caller && mayEnterRoom(caller, room);
}

const viewerId = (caller: Caller | undefined) => (caller?.kind === "user" ? caller.id : undefined);

const TallyType = builder.objectRef<Tally>("CommitteeTally").implement({
  description: "The votes on an item, counted.",
  fields: (t) => ({
    approve: t.exposeInt("approve", { description: "Votes to approve." }),
    reject: t.exposeInt("reject", { description: "Votes to reject." }),
    abstain: t.exposeInt("abstain", { description: "Abstentions." }),
  }),
});

const QuorumType = builder.objectRef<Quorum>("CommitteeQuorum").implement({
  description:
    "The quorum for an item: strictly more than the session's quorum share of its members, present and not recused.",
  fields: (t) => ({
    members: t.exposeInt("members", { description: "Members of the session." }),
    eligiblePresent: t.exposeInt("eligiblePresent", {
      description: "Of them, present and not recused from the item.",
    }),
    required: t.exposeInt("required", { description: "The fewest needed for a decision." }),
    met: t.exposeBoolean("met", { description: "Whether the item can be decided now." }),
  }),
});

type MemberInRoom = { room: RoomState; member: RoomMember };
const RoomMemberType = builder.objectRef<MemberInRoom>("CommitteeRoomMember").implement({
  description: "A member invited to the session, and where they are.",
  fields: (t) => ({
    user: t.field({
      type: StaffRefType,
      description: "The member.",
      resolve: ({ member }) => ({ id: member.userId, fullName: member.fullName }),
    }),
    chair: t.boolean({
      description: "Whether they chair the session.",
      resolve: ({ member }) => member.chair,
    }),
    present: t.boolean({
      description: "Attendance: present at the meeting (counts towards quorum).",
      resolve: ({ member }) => member.present,
    }),
    inRoomNow: t.boolean({
      description: "Whether they have the live room open now (a courtesy, not attendance).",
      resolve: ({ room, member }, _args, context) =>
        roomPresence(context.pubsub).present(room.id).includes(member.userId),
    }),
  }),
});

const VoteType = builder.objectRef<RoomVote>("CommitteeVote").implement({
  description: "A member's vote on an item.",
  fields: (t) => ({
    voter: t.field({
      type: StaffRefType,
      description: "Who voted.",
      resolve: (vote) => ({ id: vote.voterId, fullName: vote.voterName }),
    }),
    choice: t.field({ type: VoteChoiceEnum, description: "Their vote.", resolve: (v) => v.choice }),
    comment: t.string({
      nullable: true,
      description: "Their comment, if any.",
      resolve: (v) => v.comment,
    }),
    castAt: t.field({
      type: "DateTime",
      description: "When cast (or last changed).",
      resolve: (v) => new Date(v.castAt),
    }),
  }),
});

const RecusalType = builder.objectRef<RoomRecusal>("CommitteeRecusal").implement({
  description: "A member stepping aside from an item for a conflict of interest.",
  fields: (t) => ({
    member: t.field({
      type: StaffRefType,
      description: "Who stepped aside.",
      resolve: (r) => ({ id: r.userId, fullName: r.fullName }),
    }),
    reason: t.string({ description: "Why.", resolve: (r) => r.reason }),
    at: t.field({ type: "DateTime", description: "When.", resolve: (r) => new Date(r.at) }),
  }),
});

type ItemInRoom = { room: RoomState; item: RoomItem };
const RoomItemType = builder.objectRef<ItemInRoom>("CommitteeRoomItem").implement({
  description:
    "An agenda item as the room sees it: the request's summary, the votes (named per the session's ballot visibility), recusals, tally, quorum and decision.",
  fields: (t) => ({
    id: t.globalID({
      description: "The agenda item's global ID (an AgendaItem).",
      resolve: ({ item }) => ({ type: "AgendaItem", id: item.id }),
    }),
    position: t.int({
      description: "Place on the agenda, from 1.",
      resolve: ({ item }) => item.position,
    }),
    status: t.field({
      type: AgendaItemStatusEnum,
      description: "Where the item stands.",
      resolve: ({ item }) => item.status,
    }),
    version: t.int({
      description: "Send it back to finalise.",
      resolve: ({ item }) => item.version,
    }),
    request: t.globalID({
      description: "The request's global ID (open its case file for the whole of it).",
      resolve: ({ item }) => ({ type: "Request", id: item.requestId }),
    }),
    reference: t.string({
      nullable: true,
      description: "The request's reference.",
      resolve: ({ item }) => item.reference,
    }),
    requestStatus: t.field({
      type: RequestStatusEnum,
      description: "The request's status.",
      resolve: ({ item }) => item.requestStatus,
    }),
    requestType: t.field({
      type: RequestTypeCodeEnum,
      description: "The request's type.",
      resolve: ({ item }) => item.typeCode as never,
    }),
    subject: t.string({
      description: "The request's subject.",
      resolve: ({ item }) => item.subject,
    }),
    memberName: t.string({
      description: "The applicant's name.",
      resolve: ({ item }) => item.memberName,
    }),
    amountRequested: t.field({
      type: "Decimal",
      nullable: true,
      description: "The amount asked for, SAR.",
      resolve: ({ item }) => item.amountRequested,
    }),
    decisionDueAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When the decision is due (the decision clock).",
      resolve: ({ item }) => (item.decisionDueAt ? new Date(item.decisionDueAt) : null),
    }),
    votesNamed: t.boolean({
      description:
        "Whether `votes` names the voters for you now (an open ballot, or the item is decided).",
      resolve: ({ room, item }, _args, context) =>
        inRoom(context.knownCaller(), room) && ballotsNamed(room, item),
    }),
    votes: t.field({
      type: [VoteType],
      description:
        "Who voted what, when `votesNamed`; otherwise empty (the tally still counts them).",
      resolve: ({ room, item }, _args, context) =>
        inRoom(context.knownCaller(), room) && ballotsNamed(room, item) ? item.votes : [],
    }),
    myVote: t.field({
      type: VoteType,
      nullable: true,
      description: "Your own vote on the item, if you cast one.",
      resolve: ({ item }, _args, context) =>
        item.votes.find((v) => v.voterId === viewerId(context.knownCaller())) ?? null,
    }),
    voterCount: t.int({
      description: "How many have voted.",
      resolve: ({ item }) => item.votes.length,
    }),
    recusals: t.field({
      type: [RecusalType],
      description: "Members who stepped aside.",
      resolve: ({ item }) => item.recusals,
    }),
    tally: t.field({
      type: TallyType,
      description: "The votes counted (live; as decided once decided).",
      resolve: ({ item }) => item.tally,
    }),
    quorum: t.field({
      type: QuorumType,
      description: "The quorum (live; as decided once decided).",
      resolve: ({ item }) => item.quorum,
    }),
    outcome: t.field({
      type: DecisionEnum,
      nullable: true,
      description: "The decision, once decided.",
      resolve: ({ item }) => item.outcome,
    }),
    chairBrokeTie: t.boolean({
      description: "Whether the chair's casting vote decided a tie.",
      resolve: ({ item }) => item.chairBrokeTie,
    }),
    decisionReason: t.string({
      nullable: true,
      description: "The decision's reason.",
      resolve: ({ item }) => item.decisionReason,
    }),
    deferral: t.field({
      type: DeferralEnum,
      nullable: true,
      description: "Why it was deferred.",
      resolve: ({ item }) => item.deferral,
    }),
    deferredReason: t.string({
      nullable: true,
      description: "The chair's reason for deferring.",
      resolve: ({ item }) => item.deferredReason,
    }),
    finalisedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When it was decided.",
      resolve: ({ item }) => (item.finalisedAt ? new Date(item.finalisedAt) : null),
    }),
  }),
});

export const CommitteeRoomType = builder.objectRef<RoomState>("CommitteeRoom").implement({
  description:
    "A committee session as its live room shows it: settings, members and attendance, who has the room open, the agenda with votes, tallies, quorum and decisions.",
  fields: (t) => ({
    session: t.globalID({
      description: "The session's global ID (a CommitteeSession).",
      resolve: (room) => ({ type: "CommitteeSession", id: room.id }),
    }),
    year: t.exposeInt("year", { description: "Hijri year the session is numbered in." }),
    number: t.exposeInt("number", { description: "Number within its Hijri year." }),
    status: t.field({
      type: SessionStatusEnum,
      description: "Where the session stands.",
      resolve: (r) => r.status,
    }),
    version: t.exposeInt("version", {
      description: "Send it back to change, open or close the session.",
    }),
    sequence: t.exposeInt("sequence", {
      description:
        "Grows by one with every change; a gap in the events received means one was missed: query `committeeRoom` again.",
    }),
    scheduledAt: t.field({
      type: "DateTime",
      description: "When the session is held.",
      resolve: (r) => new Date(r.scheduledAt),
    }),
    openedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When the chair opened it.",
      resolve: (r) => (r.openedAt ? new Date(r.openedAt) : null),
    }),
    closedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When the chair closed it.",
      resolve: (r) => (r.closedAt ? new Date(r.closedAt) : null),
    }),
    ballotVisibility: t.field({
      type: BallotVisibilityEnum,
      description: "Who sees named votes.",
      resolve: (r) => r.ballotVisibility,
    }),
    tieBreak: t.field({
      type: TieBreakEnum,
      description: "What a tie leads to.",
      resolve: (r) => r.tieBreak,
    }),
    quorumPercent: t.exposeInt("quorumPercent", {
      description:
        "Quorum: strictly more than this share (percent) of the members, present and not recused.",
    }),
    currentItem: t.field({
      type: RoomItemType,
      nullable: true,
      description: "The item the chair brought up (being voted on, or last voted on).",
      resolve: (room) => {
        const item = room.items.find((i) => i.id === room.currentItemId);
        return item ? { room, item } : null;
      },
    }),
    members: t.field({
      type: [RoomMemberType],
      description: "The invited members (the chair first) and their attendance.",
      resolve: (room) => room.members.map((member) => ({ room, member })),
    }),
    items: t.field({
      type: [RoomItemType],
      description: "The agenda, in order.",
      resolve: (room) => room.items.map((item) => ({ room, item })),
    }),
    hasMinutes: t.exposeBoolean("hasMinutes", {
      description: "Whether the minutes are written (the session is closed).",
    }),
    viewerIsChair: t.boolean({
      description: "Whether you chair this session (the chair's controls are yours).",
      resolve: (room, _args, context) => viewerId(context.knownCaller()) === room.chairId,
    }),
    viewerIsMember: t.boolean({
      description: "Whether you are invited to this session (you vote in it).",
      resolve: (room, _args, context) =>
        room.members.some((m) => m.userId === viewerId(context.knownCaller())),
    }),
  }),
});

export const CommitteeRoomEventType = builder
  .objectRef<CommitteeRoomEvent>("CommitteeRoomEvent")
  .implement({
    description: "One change in a committee room, with the room as it now stands.",
    fields: (t) => ({
      sequence: t.exposeInt("sequence", { description: "The room's sequence after the change." }),
      change: t.field({
        type: CommitteeRoomChangeEnum,
        description: "What changed.",
        resolve: (e) => e.change,
      }),
      actor: t.globalID({
        nullable: true,
        description: "Who made the change (a User's global ID).",
        resolve: (e) => (e.actorId ? { type: "User", id: e.actorId } : null),
      }),
      item: t.globalID({
        nullable: true,
        description: "The agenda item it concerns, if one.",
        resolve: (e) => (e.itemId ? { type: "AgendaItem", id: e.itemId } : null),
      }),
      at: t.field({ type: "DateTime", description: "When.", resolve: (e) => new Date(e.at) }),
      room: t.field({
        type: CommitteeRoomType,
        nullable: true,
        description: "The room after the change; null for PRESENCE (only `inRoomNow` changed).",
        resolve: (e) => e.state,
      }),
      inRoomNow: t.field({
        type: ["ID"],
        description: "Users (global IDs) with the room open now.",
        resolve: (e, _args, context) =>
          roomPresence(context.pubsub)
            .present(e.sessionId)
            .map((id) => encodeGlobalID("User", id)),
      }),
    }),
  });

export const CommitteeSessionNode = builder.prismaNode("CommitteeSession", {
  description:
    "A meeting of the research committee (جلسة لجنة البحث): its time, chair, members, agenda and minutes.",
  id: { field: "id", description: "Global ID." },
  select: { id: true, chairId: true, attendance: { select: { userId: true } } },
  authScopes: (session, context) => withCaller(context, (caller) => maySeeSession(caller, session)),
  fields: (t) => ({
    year: t.exposeInt("year", {
      description: "Hijri (Umm al-Qura) year the session is numbered in.",
    }),
    number: t.exposeInt("number", { description: "Number within its Hijri year, from 1." }),
    scheduledAt: t.expose("scheduledAt", { type: "DateTime", description: "When it is held." }),
    status: t.expose("status", { type: SessionStatusEnum, description: "Where it stands." }),
    chair: t.field({
      type: StaffRefType,
      description: "The chair.",
      select: { chair: { select: { id: true, fullName: true } } },
      resolve: (session) => session.chair,
    }),
    ballotVisibility: t.expose("ballotVisibility", {
      type: BallotVisibilityEnum,
      description: "Who sees named votes.",
    }),
    tieBreak: t.expose("tieBreak", { type: TieBreakEnum, description: "What a tie leads to." }),
    quorumPercent: t.exposeInt("quorumPercent", {
      description: "Quorum share, percent (strictly more than).",
    }),
    openedAt: t.expose("openedAt", {
      type: "DateTime",
      nullable: true,
      description: "When it opened.",
    }),
    closedAt: t.expose("closedAt", {
      type: "DateTime",
      nullable: true,
      description: "When it closed.",
    }),
    version: t.exposeInt("version", { description: "The version, for changes." }),
    memberCount: t.relationCount("attendance", { description: "How many members are invited." }),
    agendaCount: t.relationCount("agenda", { description: "How many items are on the agenda." }),
    minutes: t.exposeString("minutes", {
      nullable: true,
      description:
        "The minutes (محضر) as printable Arabic HTML, written once when the session closed.",
    }),
    minutesAt: t.expose("minutesAt", {
      type: "DateTime",
      nullable: true,
      description: "When the minutes were written.",
    }),
  }),
});

export const AgendaItemNode = builder.prismaNode("AgendaItem", {
  description: "A request on a committee session's agenda, and what the committee did with it.",
  id: { field: "id", description: "Global ID." },
  authScopes: { permission: "committee.show" },
  fields: (t) => ({
    session: t.relation("session", { description: "The session." }),
    request: t.relation("request", { description: "The request." }),
    position: t.exposeInt("position", { description: "Place on the agenda." }),
    status: t.expose("status", { type: AgendaItemStatusEnum, description: "Where it stands." }),
    outcome: t.expose("outcome", {
      type: DecisionEnum,
      nullable: true,
      description: "The decision, once decided.",
    }),
    approveCount: t.exposeInt("approveCount", {
      nullable: true,
      description: "Votes to approve, as decided.",
    }),
    rejectCount: t.exposeInt("rejectCount", {
      nullable: true,
      description: "Votes to reject, as decided.",
    }),
    abstainCount: t.exposeInt("abstainCount", {
      nullable: true,
      description: "Abstentions, as decided.",
    }),
    chairBrokeTie: t.exposeBoolean("chairBrokeTie", {
      description: "Whether the chair's casting vote decided a tie.",
    }),
    decisionReason: t.exposeString("decisionReason", {
      nullable: true,
      description: "The decision's reason.",
    }),
    deferral: t.expose("deferral", {
      type: DeferralEnum,
      nullable: true,
      description: "Why it was deferred.",
    }),
    deferredReason: t.exposeString("deferredReason", {
      nullable: true,
      description: "The chair's reason for deferring.",
    }),
    finalisedAt: t.expose("finalisedAt", {
      type: "DateTime",
      nullable: true,
      description: "When decided.",
    }),
  }),
});

builder.prismaObjectField(RequestNode, "committeeHistory", (t) =>
  t.relation("agendaItems", {
    description:
      "Every time the request was on a committee session's agenda, oldest first: deferrals and the decision, with the session (and its minutes).",
    authScopes: { permission: "committee.show" },
    // Only the sessions the caller may see: a member not invited to one reads the rest of the
    // history (its non-null `session` would otherwise fail the whole request). The field's
    // scope resolved the caller; were it unknown, nothing is shown.
    query: (_args, context) => ({
      where: { session: sessionsWhere(context.knownCaller() ?? anonymous) },
      orderBy: { createdAt: "asc" },
    }),
  }),
);
