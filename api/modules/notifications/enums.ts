// The notifications' enums in the schema; other modules use them too (a letter written from an
// event's template).
import { NotificationChannel, NotificationEvent, OutboxStatus } from "../../db/generated/enums.js";
import { builder } from "../../graphql/builder.js";

export const NotificationChannelEnum = builder.enumType(NotificationChannel, {
  name: "NotificationChannel",
  description:
    "EMAIL and SMS reach members; IN_APP reaches staff in the panel; WEBHOOK reaches a partner's system.",
});
export const NotificationEventEnum = builder.enumType(NotificationEvent, {
  name: "NotificationEvent",
  description: "What a notification tells: a step of a request, a link, a survey, a reminder.",
});
export const OutboxStatusEnum = builder.enumType(OutboxStatus, {
  name: "OutboxStatus",
  description:
    "PENDING (waiting for its next try), SENDING (claimed by a worker), SENT, FAILED (tries exhausted or refused for good; can be resent), CANCELLED.",
});
