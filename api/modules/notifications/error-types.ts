// The notifications module's refused transitions as GraphQL types (see graphql/errors.ts):
// an outbox row's state (a member's notification, a partner's webhook delivery) and actions.
import { builder } from "../../graphql/builder.js";
import { transitionErrorType } from "../../graphql/errors.js";
import { OutboxStatusEnum } from "./enums.js";
import { type OutboxAction, OutboxTransitionError } from "./errors.js";

const OutboxActionEnum = builder.enumType("OutboxAction", {
  description: "What is done to an outbox row by hand.",
  values: {
    RESEND: {
      description:
        "Send it again, tries counted afresh (resendNotification; resendWebhookDelivery for a webhook delivery).",
    },
    CANCEL: { description: "Stop a pending notification from going out (cancelNotification)." },
  } satisfies Record<OutboxAction, { description: string }>,
});

transitionErrorType(OutboxTransitionError, {
  name: "OutboxTransitionError",
  description:
    "The outbox row's state (a member's notification, a partner's webhook delivery) does not allow the action; nothing was written.",
  states: OutboxStatusEnum,
  actions: OutboxActionEnum,
  record: "the row",
});
