// The requests' value lists the panel offers and the API accepts: statuses, types, intake
// channels, document kinds. Part of the contract (contract/README.md); the database's enums
// are checked against these lists (tests/unit/contract.test.ts), so neither side copies them.

/** The committee flow's states, in life-cycle order (the API's life cycle walks the same list). */
export const committeeFlowStatuses = [
  "DRAFT",
  "SUBMITTED",
  "NEEDS_INFO",
  "WITH_RESEARCHER",
  "IN_COMMITTEE",
  "APPROVED",
  "REJECTED",
  "COMPLETED",
  "WITHDRAWN",
] as const;

/** Every request status, in the order the panel lists them (committee flow, then service). */
export const requestStatuses = [
  ...committeeFlowStatuses,
  "IN_PROGRESS",
  "RESOLVED",
  "CLOSED",
] as const;
export type RequestStatusName = (typeof requestStatuses)[number];

export const requestTypeCodes = [
  "MEMBERSHIP_REGISTRATION",
  "FINANCIAL_SUPPORT",
  "IN_KIND_SUPPORT",
  "DATA_UPDATE",
  "INQUIRY",
  "COMPLAINT",
  "SUGGESTION",
] as const;

/** The channels staff take a request in on (PARTNER is a partner's own submission). */
export const intakeChannels = ["IN_PERSON", "PHONE", "SOCIAL_MEDIA", "LETTER", "WEBSITE"] as const;

export const documentKinds = [
  "NATIONAL_ID_COPY",
  "FAMILY_CARD",
  "INCOME_PROOF",
  "LEASE",
  "BANK_IBAN_LETTER",
  "OTHER",
] as const;
