// The notification events, in the order the panel offers them (schema.graphql's enum).
export const notificationEvents = [
  "REQUEST_SUBMITTED",
  "NEEDS_INFO",
  "REFERRED_TO_RESEARCHER",
  "RAISED_TO_COMMITTEE",
  "DECIDED",
  "COMPLETED",
  "RESOLVED",
  "SURVEY_INVITATION",
  "ATTESTATION_REQUESTED",
  "DUE_DATE_REMINDER",
  "DECISION_OVERDUE",
  "CASE_ASSIGNED",
] as const;
