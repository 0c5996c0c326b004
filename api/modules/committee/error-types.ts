// The committee module's refused transitions as GraphQL types (see graphql/errors.ts): the
// session's and the agenda item's states, and the room's actions.
import { builder } from "../../graphql/builder.js";
import { transitionErrorType } from "../../graphql/errors.js";
import { AgendaItemTransitionError, CommitteeSessionTransitionError } from "./errors.js";
import type { CommitteeAction } from "./rules.js";
import { AgendaItemStatusEnum, SessionStatusEnum } from "./types.js";

const actionDescriptions: Record<CommitteeAction, string> = {
  OPEN_SESSION: "The chair opens the session (openCommitteeSession).",
  CLOSE_SESSION: "The chair closes the session (closeCommitteeSession).",
  CHANGE_SESSION: "Change the session's date, place or members (changeCommitteeSession).",
  BUILD_AGENDA:
    "Add, remove or move agenda items (addToCommitteeAgenda, removeFromCommitteeAgenda, moveCommitteeAgendaItem).",
  MARK_ATTENDANCE: "Mark who is present (markCommitteeAttendance).",
  OPEN_VOTING: "The chair opens the vote on an item (openCommitteeVoting).",
  CAST_VOTE: "A member votes on an item (castCommitteeVote).",
  RECUSE: "A member steps aside from an item (recuseFromCommitteeItem).",
  CLOSE_VOTING: "The chair closes the vote on an item (closeCommitteeVoting).",
  FINALISE: "The chair records the item's decision (finaliseCommitteeItem).",
  DEFER: "The chair defers an item to a later session (deferCommitteeItem).",
};

const CommitteeActionEnum = builder.enumType("CommitteeAction", {
  description: "What the chair or a member does in the committee room; each is a mutation.",
  values: Object.fromEntries(
    Object.entries(actionDescriptions).map(([action, description]) => [action, { description }]),
  ) as Record<CommitteeAction, { description: string }>,
});

transitionErrorType(CommitteeSessionTransitionError, {
  name: "CommitteeSessionTransitionError",
  description: "The committee session's state does not allow the action; nothing was written.",
  states: SessionStatusEnum,
  actions: CommitteeActionEnum,
  record: "the session",
});

transitionErrorType(AgendaItemTransitionError, {
  name: "AgendaItemTransitionError",
  description: "The agenda item's state does not allow the action; nothing was written.",
  states: AgendaItemStatusEnum,
  actions: CommitteeActionEnum,
  record: "the agenda item",
});
