// The room's mutations: each runs one command (sessions.ts, agenda.ts, voting.ts,
// decisions.ts) and answers with the room as it now stands, or a typed refusal. The scope
// admits a role; the command checks the session (its chair, its members).
import type { InputObjectRef } from "@pothos/core";
import type { Context } from "../../auth/context.js";
import type { Permission } from "../../auth/permissions.js";
import { type Command, run } from "../../db/commands.js";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from "../../errors.js";
import { builder, type SchemaBuilderTypes } from "../../graphql/builder.js";
import { IncompleteRequestError, RequestTransitionError } from "../requests/errors.js";
import { RequestNode } from "../requests/types.js";
import { UserNode } from "../users/types.js";
import { addToAgenda, moveAgendaItem, removeFromAgenda } from "./agenda.js";
import { deferItem, finaliseItem } from "./decisions.js";
import { AgendaItemTransitionError, CommitteeSessionTransitionError } from "./errors.js";
import {
  changeSession,
  closeSession,
  markAttendance,
  openSession,
  scheduleSession,
} from "./sessions.js";
import type { RoomState } from "./state.js";
import {
  AgendaItemNode,
  BallotVisibilityEnum,
  CommitteeRoomType,
  CommitteeSessionNode,
  TieBreakEnum,
  VoteChoiceEnum,
} from "./types.js";
import { castVote, closeVoting, openVoting, recuse } from "./voting.js";

type Types = PothosSchemaTypes.ExtendDefaultTypes<SchemaBuilderTypes>;

/** The state machines a room command checks: the session's, an agenda item's, the request's. */
type Refusal = "session" | "item" | "request";
const refusalErrors = {
  session: CommitteeSessionTransitionError,
  item: AgendaItemTransitionError,
  request: RequestTransitionError,
};

/** A mutation of the room: its input, the command it runs, the room as the answer. */
function roomMutation<Shape extends object, CommandInput>(spec: {
  name: string;
  description: string;
  permission: Permission;
  input: InputObjectRef<Types, Shape>;
  command: Command<CommandInput, RoomState>;
  commandInput: (input: Shape) => CommandInput;
  /** The states the command checks: each refuses with its own typed error. */
  refusals: readonly Refusal[];
}) {
  const typeName = spec.name[0]!.toUpperCase() + spec.name.slice(1);
  builder.mutationField(spec.name, (t) =>
    t.field({
      type: CommitteeRoomType,
      description: spec.description,
      authScopes: { permission: spec.permission },
      errors: {
        types: [
          ValidationError,
          NotFoundError,
          ForbiddenError,
          ConflictError,
          ...spec.refusals.map((refusal) => refusalErrors[refusal]),
          PreconditionFailedError,
          IncompleteRequestError,
        ],
        union: { name: `${typeName}Result`, description: "The room after the change, or why not." },
        result: { name: `${typeName}Success`, description: "Done." },
        dataField: { name: "room", description: "The room as it now stands." },
      },
      args: { input: t.arg({ type: spec.input, required: true, description: "What to do." }) },
      resolve: async (_root, args, context: Context) =>
        run(
          context,
          await context.caller(),
          spec.command,
          spec.commandInput((args as unknown as { input: Shape }).input),
        ),
    }),
  );
}

const sessionField = (t: PothosSchemaTypes.InputFieldBuilder<Types, "InputObject">) =>
  t.globalID({ required: true, for: CommitteeSessionNode, description: "The session." });
const itemField = (t: PothosSchemaTypes.InputFieldBuilder<Types, "InputObject">) =>
  t.globalID({ required: true, for: AgendaItemNode, description: "The agenda item." });
const versionField = (t: PothosSchemaTypes.InputFieldBuilder<Types, "InputObject">) =>
  t.int({ required: true, description: "The version you read." });

const settingsFields = (t: PothosSchemaTypes.InputFieldBuilder<Types, "InputObject">) => ({
  ballotVisibility: t.field({
    type: BallotVisibilityEnum,
    required: false,
    description: "Who sees named votes (default OPEN).",
  }),
  tieBreak: t.field({
    type: TieBreakEnum,
    required: false,
    description: "What a tie leads to (default CHAIR_CASTING_VOTE).",
  }),
  quorumPercent: t.int({
    required: false,
    description:
      "Quorum: strictly more than this share of the members, 1–99 (default 50: more than half).",
  }),
});

const ids = (list: readonly { id: string }[] | null | undefined) => list?.map((u) => u.id);

roomMutation({
  name: "scheduleCommitteeSession",
  refusals: [],
  description:
    "Schedules a committee session (staff): its time, chair and invited members, and its decision rule. Numbered within its Hijri year.",
  permission: "committee.manage",
  input: builder.inputType("ScheduleCommitteeSessionInput", {
    description: "The session to schedule.",
    fields: (t) => ({
      scheduledAt: t.field({ type: "DateTime", required: true, description: "When it is held." }),
      chair: t.globalID({
        required: true,
        for: UserNode,
        description: "A user with the committee chair role.",
      }),
      members: t.globalIDList({
        required: true,
        for: UserNode,
        description: "Committee members invited (the chair is added).",
      }),
      ...settingsFields(t),
    }),
  }),
  command: scheduleSession,
  commandInput: (input) => ({
    ...input,
    chairId: input.chair.id,
    memberIds: ids(input.members) ?? [],
  }),
});

roomMutation({
  name: "changeCommitteeSession",
  refusals: ["session"],
  description:
    "Reschedules a session or changes its decision rule (until it opens), or its members (until it closes; a member taken off loses their votes on undecided items and leaves the room).",
  permission: "committee.manage",
  input: builder.inputType("ChangeCommitteeSessionInput", {
    description: "What to change; omitted fields stay.",
    fields: (t) => ({
      session: sessionField(t),
      version: versionField(t),
      scheduledAt: t.field({ type: "DateTime", required: false, description: "New time." }),
      members: t.globalIDList({
        required: false,
        for: UserNode,
        description: "The members, all of them.",
      }),
      ...settingsFields(t),
    }),
  }),
  command: changeSession,
  commandInput: (input) => ({ ...input, id: input.session.id, memberIds: ids(input.members) }),
});

roomMutation({
  name: "openCommitteeSession",
  refusals: ["session"],
  description:
    "The chair opens the session and takes attendance; the decision rule is fixed from now on.",
  permission: "committee.chair",
  input: builder.inputType("OpenCommitteeSessionInput", {
    description: "The session and who is present.",
    fields: (t) => ({
      session: sessionField(t),
      version: versionField(t),
      present: t.globalIDList({
        required: true,
        for: UserNode,
        description: "Members present (the chair is always).",
      }),
    }),
  }),
  command: openSession,
  commandInput: (input) => ({
    id: input.session.id,
    version: input.version,
    presentIds: ids(input.present) ?? [],
  }),
});

roomMutation({
  name: "markCommitteeAttendance",
  refusals: ["session"],
  description:
    "Attendance as the meeting goes: a member joins or leaves (themselves), or the chair marks a member present or absent.",
  permission: "committee.vote",
  input: builder.inputType("MarkCommitteeAttendanceInput", {
    description: "Who, and present or not.",
    fields: (t) => ({
      session: sessionField(t),
      member: t.globalID({
        required: false,
        for: UserNode,
        description: "The member; yourself if omitted.",
      }),
      present: t.boolean({ required: true, description: "Present (true) or gone (false)." }),
    }),
  }),
  command: markAttendance,
  commandInput: (input) => ({
    sessionId: input.session.id,
    userId: input.member?.id,
    present: input.present,
  }),
});

roomMutation({
  name: "closeCommitteeSession",
  refusals: ["session"],
  description:
    "The chair closes the session (no item in a vote): undecided items are deferred to the next session and the minutes are written.",
  permission: "committee.chair",
  input: builder.inputType("CloseCommitteeSessionInput", {
    description: "The session.",
    fields: (t) => ({ session: sessionField(t), version: versionField(t) }),
  }),
  command: closeSession,
  commandInput: (input) => ({ id: input.session.id, version: input.version }),
});

roomMutation({
  name: "addToCommitteeAgenda",
  refusals: ["session"],
  description:
    "Puts a request raised to the committee (IN_COMMITTEE) on a session's agenda, last. A request is on one open agenda at most.",
  permission: "committee.manage",
  input: builder.inputType("AddToCommitteeAgendaInput", {
    description: "The session and the request.",
    fields: (t) => ({
      session: sessionField(t),
      request: t.globalID({
        required: true,
        for: RequestNode,
        description: "A request IN_COMMITTEE.",
      }),
    }),
  }),
  command: addToAgenda,
  commandInput: (input) => ({ sessionId: input.session.id, requestId: input.request.id }),
});

roomMutation({
  name: "removeFromCommitteeAgenda",
  refusals: ["session", "item"],
  description: "Takes an item not yet voted on off the agenda.",
  permission: "committee.manage",
  input: builder.inputType("RemoveFromCommitteeAgendaInput", {
    description: "The item.",
    fields: (t) => ({ item: itemField(t) }),
  }),
  command: removeFromAgenda,
  commandInput: (input) => ({ itemId: input.item.id }),
});

roomMutation({
  name: "moveCommitteeAgendaItem",
  refusals: ["session", "item"],
  description:
    "Moves an item not yet voted on to another place on the agenda (staff, or the session's chair).",
  permission: "committee.show",
  input: builder.inputType("MoveCommitteeAgendaItemInput", {
    description: "The item and its new place.",
    fields: (t) => ({
      item: itemField(t),
      position: t.int({ required: true, description: "The new place, from 1." }),
    }),
  }),
  command: moveAgendaItem,
  commandInput: (input) => ({ itemId: input.item.id, position: input.position }),
});

const itemOnly = (name: string, description: string) =>
  builder.inputType(name, { description, fields: (t) => ({ item: itemField(t) }) });

roomMutation({
  name: "openCommitteeVoting",
  refusals: ["session", "item"],
  description:
    "The chair brings an item up for a vote (one at a time); also reopens a closed vote not yet decided.",
  permission: "committee.chair",
  input: itemOnly("OpenCommitteeVotingInput", "The item."),
  command: openVoting,
  commandInput: (input) => ({ itemId: input.item.id }),
});

roomMutation({
  name: "closeCommitteeVoting",
  refusals: ["session", "item"],
  description: "The chair closes the vote on the item: votes are final from now on.",
  permission: "committee.chair",
  input: itemOnly("CloseCommitteeVotingInput", "The item."),
  command: closeVoting,
  commandInput: (input) => ({ itemId: input.item.id }),
});

roomMutation({
  name: "castCommitteeVote",
  refusals: ["session", "item"],
  description:
    "Your vote on the item in vote (members present and not recused); cast again to change it while the vote is open.",
  permission: "committee.vote",
  input: builder.inputType("CastCommitteeVoteInput", {
    description: "The item and your vote.",
    fields: (t) => ({
      item: itemField(t),
      choice: t.field({
        type: VoteChoiceEnum,
        required: true,
        description: "APPROVE, REJECT or ABSTAIN.",
      }),
      comment: t.string({ required: false, description: "Optional, at most 2,000 characters." }),
    }),
  }),
  command: castVote,
  commandInput: (input) => ({
    itemId: input.item.id,
    choice: input.choice,
    comment: input.comment,
  }),
});

roomMutation({
  name: "recuseFromCommitteeItem",
  refusals: ["session", "item"],
  description:
    "You step aside from an item for a conflict of interest, with the reason: your vote on it (if any) is withdrawn and you cannot vote on it.",
  permission: "committee.vote",
  input: builder.inputType("RecuseFromCommitteeItemInput", {
    description: "The item and why.",
    fields: (t) => ({
      item: itemField(t),
      reason: t.string({
        required: true,
        description: "The conflict of interest, at most 2,000 characters.",
      }),
    }),
  }),
  command: recuse,
  commandInput: (input) => ({ itemId: input.item.id, reason: input.reason }),
});

roomMutation({
  name: "finaliseCommitteeItem",
  refusals: ["session", "item", "request"],
  description:
    "The chair finalises an item whose vote is closed: the session's rule decides (quorum, majority, tie), the tally is kept and the request moves to APPROVED or REJECTED with the member notified, in one transaction; once only.",
  permission: "committee.chair",
  input: builder.inputType("FinaliseCommitteeItemInput", {
    description: "The item, its version and the decision's reason.",
    fields: (t) => ({
      item: itemField(t),
      version: versionField(t),
      reason: t.string({ required: true, description: "The reason, as the member will read it." }),
      amountApproved: t.field({
        type: "Decimal",
        required: false,
        description:
          "For an approved money request: the amount granted (SAR); the amount requested if omitted.",
      }),
    }),
  }),
  command: finaliseItem,
  commandInput: (input) => ({
    itemId: input.item.id,
    version: input.version,
    reason: input.reason,
    amountApproved: input.amountApproved,
  }),
});

roomMutation({
  name: "deferCommitteeItem",
  refusals: ["session", "item"],
  description:
    "The chair sends an item to the next session, with the reason; the request stays with the committee, its clock running.",
  permission: "committee.chair",
  input: builder.inputType("DeferCommitteeItemInput", {
    description: "The item and why.",
    fields: (t) => ({
      item: itemField(t),
      reason: t.string({ required: true, description: "Why it is deferred." }),
    }),
  }),
  command: deferItem,
  commandInput: (input) => ({ itemId: input.item.id, reason: input.reason }),
});
