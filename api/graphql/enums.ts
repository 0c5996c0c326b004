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

export const ChannelEnum = describedEnum(
  Channel,
  "Channel",
  "How a member reached the association: the policy's five channels, plus PARTNER systems.",
  {
    IN_PERSON: "At the association's office (مقابلة شخصية).",
    PHONE: "By telephone.",
    SOCIAL_MEDIA: "Through the association's social media accounts.",
    LETTER: "By letter (registered in the letters register).",
    WEBSITE: "Through the association's website.",
    PARTNER: "From a partner system, through its API key.",
  },
);
export const MembershipStatusEnum = describedEnum(
  MembershipStatus,
  "MembershipStatus",
  "APPLICANT until registration is completed (policy step 6), then ACTIVE; SUSPENDED or ENDED later.",
  {
    APPLICANT: "Registration is not completed yet (before policy step 6).",
    ACTIVE: "A registered member in good standing.",
    SUSPENDED: "Membership is suspended.",
    ENDED: "Membership has ended.",
  },
);
export const GenderEnum = describedEnum(Gender, "Gender", "The member's gender.", {
  MALE: "Male (ذكر).",
  FEMALE: "Female (أنثى).",
});
export const LanguageEnum = describedEnum(
  Language,
  "Language",
  "Preferred language for messages: AR (Arabic) or EN (English).",
  {
    AR: "Arabic (العربية).",
    EN: "English.",
  },
);
export const MaritalStatusEnum = describedEnum(
  MaritalStatus,
  "MaritalStatus",
  "Household fact used by support requests.",
  {
    SINGLE: "Single (أعزب).",
    MARRIED: "Married (متزوج).",
    DIVORCED: "Divorced (مطلق).",
    WIDOWED: "Widowed (أرمل).",
  },
);
export const EmploymentStatusEnum = describedEnum(
  EmploymentStatus,
  "EmploymentStatus",
  "Household fact used by support requests.",
  {
    EMPLOYED: "Employed for a wage.",
    SELF_EMPLOYED: "Works for themself.",
    UNEMPLOYED: "Without work.",
    RETIRED: "Retired.",
    STUDENT: "A student.",
  },
);
export const RoleEnum = describedEnum(
  Role,
  "Role",
  "A staff role (DOMAIN.md); a user may hold several.",
  {
    ADMIN: "Administers accounts, settings and the audit log.",
    STAFF: "Serves members: intake, verification, follow-up.",
    RESEARCHER: "Social researcher: studies the cases referred to them.",
    COMMITTEE_MEMBER: "Member of the research committee: votes in sessions.",
    COMMITTEE_CHAIR: "Chairs the research committee: runs sessions and records decisions.",
  },
);
export const RequestStatusEnum = describedEnum(
  RequestStatus,
  "RequestStatus",
  "Where a request is in its life cycle (DOMAIN.md).",
  {
    DRAFT: "Recorded, not yet submitted.",
    SUBMITTED: "Submitted: it has a reference and a decision clock.",
    NEEDS_INFO: "Sent back to the member for more information; the clock is paused.",
    WITH_RESEARCHER: "Referred to a social researcher.",
    IN_COMMITTEE: "Raised to the research committee.",
    APPROVED: "Approved by the committee.",
    REJECTED: "Rejected by the committee.",
    COMPLETED: "The procedure after the decision is complete.",
    IN_PROGRESS: "Staff are working on it (inquiries, complaints, suggestions, data updates).",
    RESOLVED: "Answered and resolved.",
    CLOSED: "Closed after it was resolved.",
    WITHDRAWN: "Withdrawn before a decision.",
  },
);
export const RequestTypeCodeEnum = describedEnum(
  RequestTypeCode,
  "RequestTypeCode",
  "The seven kinds of request the association handles.",
  {
    MEMBERSHIP_REGISTRATION: "Registration as a General Assembly member.",
    FINANCIAL_SUPPORT: "Financial support (an amount decided by the committee).",
    IN_KIND_SUPPORT: "In-kind support (goods or services).",
    DATA_UPDATE: "An update of the member's data.",
    INQUIRY: "An inquiry (استفسار).",
    COMPLAINT: "A complaint (شكوى).",
    SUGGESTION: "A suggestion (اقتراح).",
  },
);

export const SortDirectionEnum = builder.enumType("SortDirection", {
  description: "Ascending or descending order.",
  values: {
    ASC: { value: "asc", description: "Smallest, oldest or first in the alphabet first." },
    DESC: { value: "desc", description: "Largest, newest or last in the alphabet first." },
  } as const,
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
