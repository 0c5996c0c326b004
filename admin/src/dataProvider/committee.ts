// The committee room's calls: the room as it stands (`committeeRoom`), its live events, and
// every command of the room (each answers the room as it now stands, or a typed error); a
// request's committee history and the case summary the members read before they vote.
import { gql } from "@apollo/client";
import type { WaslApolloClient } from "../providers/apollo.js";
import { typedResultError, unwrap } from "./errors.js";
import { type ErrorType, errorSelection } from "./requests.js";

export type StaffRef = { id: string; fullName: string };
export type CommitteeVote = {
  voter: StaffRef;
  choice: "APPROVE" | "REJECT" | "ABSTAIN";
  comment: string | null;
  castAt: string;
};
export type RoomItem = {
  id: string;
  request: string;
  reference: string | null;
  subject: string;
  memberName: string;
  requestType: string;
  requestStatus: string;
  amountRequested: string | null;
  decisionDueAt: string | null;
  position: number;
  status: "PENDING" | "VOTING" | "VOTING_CLOSED" | "DECIDED" | "DEFERRED";
  version: number;
  voterCount: number;
  votesNamed: boolean;
  tally: { approve: number; reject: number; abstain: number };
  quorum: { members: number; eligiblePresent: number; required: number; met: boolean };
  votes: CommitteeVote[];
  myVote: Omit<CommitteeVote, "voter"> | null;
  recusals: { member: StaffRef; reason: string; at: string }[];
  outcome: "APPROVED" | "REJECTED" | null;
  decisionReason: string | null;
  chairBrokeTie: boolean;
  deferral: string | null;
  deferredReason: string | null;
  finalisedAt: string | null;
};
export type RoomMember = { user: StaffRef; chair: boolean; present: boolean; inRoomNow: boolean };
export type CommitteeRoom = {
  session: string;
  number: number;
  year: number;
  status: "SCHEDULED" | "OPEN" | "CLOSED";
  version: number;
  scheduledAt: string;
  openedAt: string | null;
  closedAt: string | null;
  ballotVisibility: "OPEN" | "SECRET_UNTIL_DECIDED";
  tieBreak: "CHAIR_CASTING_VOTE" | "DEFER";
  quorumPercent: number;
  sequence: number;
  hasMinutes: boolean;
  viewerIsChair: boolean;
  viewerIsMember: boolean;
  members: RoomMember[];
  items: RoomItem[];
  currentItem: { id: string } | null;
};
export type CommitteeRoomEvent = {
  change: string;
  sequence: number;
  item: string | null;
  actor: string | null;
  at: string;
  inRoomNow: string[];
  room: CommitteeRoom | null;
};

const itemFields = `id request reference subject memberName requestType requestStatus amountRequested
  decisionDueAt position status version voterCount votesNamed tally { approve reject abstain }
  quorum { members eligiblePresent required met } votes { voter { id fullName } choice comment castAt }
  myVote { choice comment castAt } recusals { member { id fullName } reason at }
  outcome decisionReason chairBrokeTie deferral deferredReason finalisedAt`;

export const roomFields = `session number year status version scheduledAt openedAt closedAt
  ballotVisibility tieBreak quorumPercent sequence hasMinutes viewerIsChair viewerIsMember
  members { user { id fullName } chair present inRoomNow }
  items { ${itemFields} } currentItem { id }`;

export const committeeRoomQuery = `query CommitteeRoom($session: ID!) {
  result: committeeRoom(session: $session) {
    __typename
    ... on CommitteeRoomSuccess { room { ${roomFields} } }
    ... on Error { code message }
  }
}`;

export const committeeRoomSubscription = `subscription CommitteeRoomLive($session: ID!) {
  committeeRoom(session: $session) { change sequence item actor at inRoomNow room { ${roomFields} } }
}`;

/** The room's commands, by mutation: each takes `<Mutation>Input` and answers the room. */
export const committeeCommands = [
  "scheduleCommitteeSession",
  "changeCommitteeSession",
  "openCommitteeSession",
  "markCommitteeAttendance",
  "closeCommitteeSession",
  "addToCommitteeAgenda",
  "removeFromCommitteeAgenda",
  "moveCommitteeAgendaItem",
  "openCommitteeVoting",
  "closeCommitteeVoting",
  "castCommitteeVote",
  "recuseFromCommitteeItem",
  "finaliseCommitteeItem",
  "deferCommitteeItem",
] as const;
export type CommitteeCommand = (typeof committeeCommands)[number];

/**
 * The typed errors every room command's result union has. A refused transition (the
 * session's, an item's) is shown by its message, which names the state and the moves it
 * allows; each command's union has only the machines it checks, so none is selected here.
 */
const commandErrors: ErrorType[] = [
  "ConflictError",
  "ForbiddenError",
  "IncompleteRequestError",
  "NotFoundError",
  "PreconditionFailedError",
  "ValidationError",
];

const typeName = (command: CommitteeCommand) => command[0]?.toUpperCase() + command.slice(1);

export function commandDocument(command: CommitteeCommand): string {
  const type = typeName(command);
  return `mutation Committee${type}($input: ${type}Input!) {
    result: ${command}(input: $input) {
      __typename
      ... on ${type}Success { room { ${roomFields} } }
      ${errorSelection(commandErrors)}
    }
  }`;
}

export type CommitteeHistoryEntry = {
  id: string;
  position: number;
  status: RoomItem["status"];
  outcome: RoomItem["outcome"];
  approveCount: number | null;
  rejectCount: number | null;
  abstainCount: number | null;
  chairBrokeTie: boolean;
  decisionReason: string | null;
  deferral: string | null;
  deferredReason: string | null;
  finalisedAt: string | null;
  session: {
    id: string;
    number: number;
    year: number;
    status: CommitteeRoom["status"];
    scheduledAt: string;
    closedAt: string | null;
    minutes: string | null;
  };
};

export const committeeHistoryQuery = `query RequestCommitteeHistory($id: ID!) {
  request(id: $id) {
    id
    committeeHistory {
      id position status outcome approveCount rejectCount abstainCount chairBrokeTie decisionReason
      deferral deferredReason finalisedAt
      session { id number year status scheduledAt closedAt minutes }
    }
  }
}`;

/** What the members read of the request under review: research and verified documents. */
export type CommitteeCaseSummary = {
  id: string;
  member: { id: string; fullNameAr: string; memberNumber: string } | null;
  /** The decision clock, as the API counts it. */
  decisionDueAt: string | null;
  daysRemaining: number | null;
  dueSoon: boolean | null;
  overdue: boolean | null;
  clockPausedAt: string | null;
  researchReports: {
    id: string;
    researcherName: string | null;
    recommendation: string | null;
    findings: string | null;
    submitted: boolean;
  }[];
  documents: {
    id: string;
    kind: string;
    fileName: string;
    downloadUrl: string;
    verification: string;
  }[];
};

export const committeeCaseQuery = `query CommitteeCase($id: ID!) {
  request(id: $id) {
    id
    member { id fullNameAr memberNumber }
    decisionDueAt daysRemaining dueSoon overdue clockPausedAt
    researchReports { id researcherName recommendation findings submitted }
    documents { id kind fileName downloadUrl verification }
  }
}`;

export const sessionMinutesQuery = `query CommitteeMinutes($id: ID!) {
  node(id: $id) { ... on CommitteeSession { id number year minutes } }
}`;

export type CommitteeCalls = {
  getCommitteeRoom(session: string): Promise<CommitteeRoom>;
  runCommitteeCommand(
    command: CommitteeCommand,
    input: Record<string, unknown>,
  ): Promise<CommitteeRoom>;
  getCommitteeHistory(request: string): Promise<CommitteeHistoryEntry[]>;
  getCommitteeCase(request: string): Promise<CommitteeCaseSummary>;
  getSessionMinutes(session: string): Promise<string | null>;
};

const notFound = () =>
  typedResultError({ __typename: "NotFoundError", code: "NOT_FOUND", message: "" });

export function committeeCalls(client: WaslApolloClient): CommitteeCalls {
  return {
    async getCommitteeRoom(session) {
      const { data } = await client.query({
        query: gql(committeeRoomQuery),
        variables: { session },
      });
      return unwrap<CommitteeRoom>(data?.result, "CommitteeRoomSuccess", "room");
    },

    async runCommitteeCommand(command, input) {
      const { data } = await client.mutate({
        mutation: gql(commandDocument(command)),
        variables: { input },
      });
      return unwrap<CommitteeRoom>(data?.result, `${typeName(command)}Success`, "room");
    },

    async getCommitteeHistory(request) {
      const { data } = await client.query({
        query: gql(committeeHistoryQuery),
        variables: { id: request },
      });
      if (!data?.request) throw notFound();
      return data.request.committeeHistory as CommitteeHistoryEntry[];
    },

    async getCommitteeCase(request) {
      const { data } = await client.query({
        query: gql(committeeCaseQuery),
        variables: { id: request },
      });
      if (!data?.request) throw notFound();
      return data.request as CommitteeCaseSummary;
    },

    async getSessionMinutes(session) {
      const { data } = await client.query({
        query: gql(sessionMinutesQuery),
        variables: { id: session },
      });
      if (!data?.node) throw notFound();
      return (data.node.minutes as string | null) ?? null;
    },
  };
}
