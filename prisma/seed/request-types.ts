// The seven request types and their rules (policy steps 2, 4 and 5). Admins edit these rows
// later; this catalogue is the starting point every new installation gets.
import type { RequestStatus, RequestTypeCode } from "../../api/db/generated/enums.js";
import { flowStates } from "../../api/modules/requests/lifecycle.js";
import type { RequestRules } from "../../api/modules/requests/rules.js";

/** A request type as seeded: its code and names, and the rules requests are checked against. */
export type RequestTypeDefinition = RequestRules & {
  code: RequestTypeCode;
  nameAr: string;
  nameEn: string;
};

export const requestTypeCatalogue: readonly RequestTypeDefinition[] = [
  {
    code: "MEMBERSHIP_REGISTRATION",
    nameAr: "تسجيل عضوية",
    nameEn: "Membership registration",
    requiredFields: [
      "member.fullNameAr",
      "member.nationalId",
      "member.mobile",
      "member.city",
      "member.birthDate",
      "member.consentGiven",
    ],
    requiredDocumentKinds: ["NATIONAL_ID_COPY"],
    attestationRequired: true,
    committeeDecides: true,
    involvesMoney: false,
    decisionPeriodDays: 14,
  },
  {
    code: "FINANCIAL_SUPPORT",
    nameAr: "دعم مالي",
    nameEn: "Financial support",
    requiredFields: ["amountRequested", "description", "member.familySize", "member.monthlyIncome"],
    requiredDocumentKinds: ["NATIONAL_ID_COPY", "FAMILY_CARD", "INCOME_PROOF", "BANK_IBAN_LETTER"],
    attestationRequired: true,
    committeeDecides: true,
    involvesMoney: true,
    decisionPeriodDays: 14,
  },
  {
    code: "IN_KIND_SUPPORT",
    nameAr: "دعم عيني",
    nameEn: "In-kind support",
    requiredFields: ["description", "member.familySize", "member.monthlyIncome"],
    requiredDocumentKinds: ["NATIONAL_ID_COPY", "FAMILY_CARD"],
    attestationRequired: true,
    committeeDecides: true,
    involvesMoney: false,
    decisionPeriodDays: 14,
  },
  {
    code: "DATA_UPDATE",
    nameAr: "تحديث بيانات",
    nameEn: "Data update",
    requiredFields: ["details"],
    requiredDocumentKinds: [],
    attestationRequired: false,
    committeeDecides: false,
    involvesMoney: false,
    decisionPeriodDays: 14,
  },
  {
    code: "INQUIRY",
    nameAr: "استفسار",
    nameEn: "Inquiry",
    requiredFields: ["subject"],
    requiredDocumentKinds: [],
    attestationRequired: false,
    committeeDecides: false,
    involvesMoney: false,
    decisionPeriodDays: 14,
  },
  {
    code: "COMPLAINT",
    nameAr: "شكوى",
    nameEn: "Complaint",
    requiredFields: ["subject", "description"],
    requiredDocumentKinds: [],
    attestationRequired: false,
    committeeDecides: false,
    involvesMoney: false,
    decisionPeriodDays: 14,
  },
  {
    code: "SUGGESTION",
    nameAr: "اقتراح",
    nameEn: "Suggestion",
    requiredFields: ["subject", "description"],
    requiredDocumentKinds: [],
    attestationRequired: false,
    committeeDecides: false,
    involvesMoney: false,
    decisionPeriodDays: 14,
  },
];

/** Statuses a committee-decided request can be in: the life cycle's own list. */
export const committeeStatuses: readonly RequestStatus[] = flowStates.COMMITTEE;

/** Statuses of the other types; they are submitted on intake, so never a draft. */
export const serviceStatuses: readonly RequestStatus[] = flowStates.SERVICE.filter(
  (status) => status !== "DRAFT",
);

export function requestTypeDefinition(code: RequestTypeCode): RequestTypeDefinition {
  const definition = requestTypeCatalogue.find((t) => t.code === code);
  if (!definition) throw new Error(`Unknown request type ${code}`);
  return definition;
}

/** The statuses a request of this type may hold. */
export function statusesForType(code: RequestTypeCode): readonly RequestStatus[] {
  return requestTypeDefinition(code).committeeDecides ? committeeStatuses : serviceStatuses;
}
