// The notifications' enums in the schema; other modules use them too (a letter written from an
// event's template).
import { NotificationChannel, NotificationEvent, OutboxStatus } from "../../db/generated/enums.js";
import { describedEnum } from "../../graphql/enums.js";

export const NotificationChannelEnum = describedEnum(
  NotificationChannel,
  "NotificationChannel",
  "EMAIL and SMS reach members; IN_APP reaches staff in the panel; WEBHOOK reaches a partner's system.",
  {
    EMAIL: "An e-mail to the member.",
    SMS: "A text message to the member's mobile.",
    IN_APP: "A notification to staff in the panel.",
    WEBHOOK: "A signed POST to a partner's registered webhook.",
  },
);
export const NotificationEventEnum = describedEnum(
  NotificationEvent,
  "NotificationEvent",
  "What a notification tells: a step of a request, a link, a survey, a reminder.",
  {
    REQUEST_SUBMITTED: "The member's request was received and has a reference.",
    NEEDS_INFO: "The association needs more information from the member.",
    REFERRED_TO_RESEARCHER: "The request was referred to a social researcher.",
    RAISED_TO_COMMITTEE: "The request was raised to the research committee.",
    DECIDED: "The committee decided the request.",
    COMPLETED: "The procedure after the decision is complete.",
    RESOLVED: "The request was answered and resolved.",
    ATTESTATION_REQUESTED: "A link to sign the declaration (إقرار) was sent to the member.",
    SURVEY_INVITATION: "An invitation to rate the service.",
    CASE_ASSIGNED: "A case was assigned to a staff member (staff notification).",
    DUE_DATE_REMINDER: "A decision deadline is near (staff notification).",
    DECISION_OVERDUE: "A decision deadline has passed (staff notification).",
    PARTNER_WEBHOOK: "A request's change told to a partner's webhook (no template).",
  },
);
export const OutboxStatusEnum = describedEnum(
  OutboxStatus,
  "OutboxStatus",
  "PENDING (waiting for its next try), SENDING (claimed by a worker), SENT, FAILED (tries exhausted or refused for good; can be resent), CANCELLED.",
  {
    PENDING: "Waiting for its next try.",
    SENDING: "Claimed by a worker, being sent.",
    SENT: "Accepted by the mail server or the SMS gateway.",
    FAILED: "Tries exhausted, or refused for good.",
    CANCELLED: "Cancelled by staff before it was sent.",
  },
);
