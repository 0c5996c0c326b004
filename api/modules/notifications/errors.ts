// The notifications module's expected failures: an outbox row (a member's notification, a
// partner's webhook delivery) whose state does not allow the action, typed by its enums.
import type { OutboxStatus } from "../../db/generated/enums.js";
import { InvalidTransitionError } from "../../errors.js";

/** What staff (or a partner, on its webhook deliveries) do to an outbox row. */
export const outboxActions = ["RESEND", "CANCEL"] as const;
export type OutboxAction = (typeof outboxActions)[number];

/** An action the row's state does not allow, with the actions it does. */
export class OutboxTransitionError extends InvalidTransitionError<OutboxStatus, OutboxAction> {
  constructor(status: OutboxStatus, attempted: OutboxAction, allowed: OutboxAction[]) {
    super(status, attempted, allowed, { state: "outboxStatus", action: "outboxAction" });
  }
}
