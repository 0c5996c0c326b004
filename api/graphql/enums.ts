// The domain's enums as GraphQL enums, values in English (labels live in the panel's i18n).
import {
  Channel,
  DocumentKind,
  EmploymentStatus,
  Gender,
  Language,
  MaritalStatus,
  MembershipStatus,
  RequestStatus,
  RequestTypeCode,
  Role,
  VerificationState,
} from "../db/generated/enums.js";
import { builder } from "./builder.js";

/**
 * A database enum as a GraphQL enum with a description on every value (partners read them;
 * the lint requires them): a value added to schema.prisma fails typechecking here until it is
 * described.
 */
export function describedEnum<E extends Record<string, string>>(
  values: E,
  name: string,
  description: string,
  valueDescriptions: { [K in E[keyof E]]: string },
) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(
      Object.values(values).map((value) => [
        value,
        { value, description: valueDescriptions[value as E[keyof E]] },
      ]),
    ) as { [K in E[keyof E]]: { value: K; description: string } },
  });
}

export const ChannelEnum = builder.enumType(Channel, {
  name: "Channel",
  description:
    "How a member reached the association: the policy's five channels, plus PARTNER systems.",
});
export const MembershipStatusEnum = builder.enumType(MembershipStatus, {
  name: "MembershipStatus",
  description:
    "APPLICANT until registration is completed (policy step 6), then ACTIVE; SUSPENDED or ENDED later.",
});
export const GenderEnum = builder.enumType(Gender, {
  name: "Gender",
  description: "The member's gender.",
});
export const LanguageEnum = builder.enumType(Language, {
  name: "Language",
  description: "Preferred language for messages: AR (Arabic) or EN (English).",
});
export const MaritalStatusEnum = builder.enumType(MaritalStatus, {
  name: "MaritalStatus",
  description: "Household fact used by support requests.",
});
export const EmploymentStatusEnum = builder.enumType(EmploymentStatus, {
  name: "EmploymentStatus",
  description: "Household fact used by support requests.",
});
export const RoleEnum = builder.enumType(Role, {
  name: "Role",
  description: "A staff role (DOMAIN.md); a user may hold several.",
});
export const RequestStatusEnum = builder.enumType(RequestStatus, {
  name: "RequestStatus",
  description: "Where a request is in its life cycle (DOMAIN.md).",
});
export const RequestTypeCodeEnum = builder.enumType(RequestTypeCode, {
  name: "RequestTypeCode",
  description: "The seven kinds of request the association handles.",
});

export const SortDirectionEnum = builder.enumType("SortDirection", {
  description: "Ascending or descending order.",
  values: { ASC: { value: "asc" }, DESC: { value: "desc" } } as const,
});

// Documents' enums live here, not in the requests module: a request type's rules name the
// kinds a request needs (RequestRules.requiredDocumentKinds) before any document module loads.
export const DocumentKindEnum = describedEnum(
  DocumentKind,
  "DocumentKind",
  "What a document is (مستند).",
  {
    NATIONAL_ID_COPY: "A copy of the national ID or iqama.",
    FAMILY_CARD: "The family card (سجل الأسرة).",
    INCOME_PROOF: "Proof of income: salary certificate, pension or social-security statement.",
    LEASE: "The home's lease contract.",
    BANK_IBAN_LETTER: "The bank's letter naming the member's IBAN, for payments.",
    OTHER: "Any other document.",
  },
);

export const VerificationStateEnum = describedEnum(
  VerificationState,
  "VerificationState",
  "Staff's check of a document.",
  {
    PENDING: "Not verified yet.",
    ACCEPTED: "Checked and accepted.",
    REJECTED: "Rejected, with a reason (the member is asked for another).",
  },
);
