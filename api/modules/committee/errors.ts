// The committee module's expected failures: a room action the session's or the agenda item's
// state does not allow, typed by their enums.
import type { AgendaItemStatus, SessionStatus } from "../../db/generated/enums.js";
import { InvalidTransitionError } from "../../errors.js";
import type { CommitteeAction } from "./rules.js";

/** An action the session's state does not allow, with the actions it does. */
export class CommitteeSessionTransitionError extends InvalidTransitionError<
  SessionStatus,
  CommitteeAction
> {
  constructor(status: SessionStatus, attempted: CommitteeAction, allowed: CommitteeAction[]) {
    super(status, attempted, allowed, { state: "sessionStatus", action: "committeeAction" });
  }
}

/** An action the agenda item's state does not allow, with the actions it does. */
export class AgendaItemTransitionError extends InvalidTransitionError<
  AgendaItemStatus,
  CommitteeAction
> {
  constructor(status: AgendaItemStatus, attempted: CommitteeAction, allowed: CommitteeAction[]) {
    super(status, attempted, allowed, { state: "committeeItemStatus", action: "committeeAction" });
  }
}
