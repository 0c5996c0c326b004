// The domain's enums as GraphQL enums, values in English (labels live in the panel's i18n).
import {
  Channel,
  EmploymentStatus,
  Gender,
  Language,
  MaritalStatus,
  MembershipStatus,
  RequestStatus,
  RequestTypeCode,
  Role,
} from "../db/generated/enums.js";
import { builder } from "./builder.js";

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
