// Rules about a request's data: the type's rules and their snapshot, completeness of fields,
// the validity of the member at submission and reference numbers (the decision clock is
// decision-clock.ts).
// Pure functions: the service, the schema's computed fields and unit tests use them.
import type { DocumentKind, MembershipStatus, RequestTypeCode } from "../../db/generated/enums.js";
import {
  Channel as Channels,
  DocumentKind as DocumentKinds,
  EmploymentStatus,
  Gender,
  Language,
  MaritalStatus,
} from "../../db/generated/enums.js";
import { FieldErrors } from "../../errors.js";
import { isValidNationalId } from "../members/rules.js";
import { type MemberFields, validateMemberFields } from "../members/validation.js";
import type { RequestGap } from "./errors.js";
import type { memberFieldNames } from "./requirable-fields.js";

/** The rules a request is checked against; stored on the request when it is submitted. */
export type RequestRules = {
  /** Request fields, or `member.<field>` for member fields, a submission must have. */
  requiredFields: string[];
  requiredDocumentKinds: DocumentKind[];
  attestationRequired: boolean;
  committeeDecides: boolean;
  involvesMoney: boolean;
  decisionPeriodDays: number;
};

export function rulesOf(type: RequestRules): RequestRules {
  return {
    requiredFields: [...type.requiredFields],
    requiredDocumentKinds: [...type.requiredDocumentKinds],
    attestationRequired: type.attestationRequired,
    committeeDecides: type.committeeDecides,
    involvesMoney: type.involvesMoney,
    decisionPeriodDays: type.decisionPeriodDays,
  };
}

/** The snapshot stored at submission, or null before it (or if it cannot be read). */
export function snapshotRules(snapshot: unknown): RequestRules | null {
  if (!snapshot || typeof snapshot !== "object" || Array.isArray(snapshot)) return null;
  const s = snapshot as Partial<RequestRules>;
  if (!Array.isArray(s.requiredFields) || !Array.isArray(s.requiredDocumentKinds)) return null;
  return {
    requiredFields: s.requiredFields.map(String),
    requiredDocumentKinds: s.requiredDocumentKinds.filter((k): k is DocumentKind =>
      (Object.values(DocumentKinds) as string[]).includes(String(k)),
    ),
    attestationRequired: s.attestationRequired === true,
    committeeDecides: s.committeeDecides === true,
    involvesMoney: s.involvesMoney === true,
    decisionPeriodDays: Number(s.decisionPeriodDays) || 14,
  };
}

export type RequestData = {
  subject: string;
  description: string;
  details: unknown;
  amountRequested: { toString(): string } | null;
  incomingLetterNumber: string | null;
};
export type MemberData = Record<(typeof memberFieldNames)[number], unknown> & {
  status: MembershipStatus;
};

function isBlank(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return true;
  if (typeof value === "string") return value.trim() === "";
  return false;
}

/** A data update's requested changes: `details.changes`, or {} if absent. */
export function requestedChanges(details: unknown): Record<string, unknown> {
  if (!details || typeof details !== "object" || Array.isArray(details)) return {};
  const changes = (details as { changes?: unknown }).changes;
  return changes && typeof changes === "object" && !Array.isArray(changes)
    ? (changes as Record<string, unknown>)
    : {};
}

function detailsBlank(typeCode: RequestTypeCode, details: unknown): boolean {
  if (typeCode === "DATA_UPDATE") return Object.keys(requestedChanges(details)).length === 0;
  return !details || typeof details !== "object" || Object.keys(details).length === 0;
}

/** The required fields that are empty, each named as the rules name it. */
export function missingFieldGaps(
  rules: RequestRules,
  typeCode: RequestTypeCode,
  request: RequestData,
  member: MemberData,
): RequestGap[] {
  const gaps: RequestGap[] = [];
  for (const name of rules.requiredFields) {
    let blank: boolean;
    if (name.startsWith("member.")) {
      blank = isBlank(member[name.slice(7) as keyof MemberData]);
    } else if (name === "details") {
      blank = detailsBlank(typeCode, request.details);
    } else {
      blank = isBlank(request[name as keyof RequestData]);
    }
    if (blank)
      gaps.push({
        kind: "MISSING_FIELD",
        name,
        messageKey: "requests.gap.missingField",
        params: { field: name },
      });
  }
  return gaps;
}

/**
 * Whether the member's data are valid now (policy step 2: "valid at the time of submission"):
 * the national ID's check digit for every request; for committee requests an ended or
 * suspended membership, and for a registration a membership that is already active.
 */
export function memberValidityGaps(
  rules: RequestRules,
  typeCode: RequestTypeCode,
  member: { nationalId: string; status: MembershipStatus },
): RequestGap[] {
  const gaps: RequestGap[] = [];
  if (!isValidNationalId(member.nationalId)) {
    gaps.push({
      kind: "INVALID_MEMBER_DATA",
      name: "member.nationalId",
      messageKey: "validation.nationalIdInvalid",
      params: { field: "member.nationalId" },
    });
  }
  if (rules.committeeDecides && (member.status === "ENDED" || member.status === "SUSPENDED")) {
    gaps.push({
      kind: "INVALID_MEMBER_DATA",
      name: "member.status",
      messageKey: "requests.gap.membershipInactive",
      params: { field: "member.status" },
    });
  }
  if (typeCode === "MEMBERSHIP_REGISTRATION" && member.status === "ACTIVE") {
    gaps.push({
      kind: "INVALID_MEMBER_DATA",
      name: "member.status",
      messageKey: "requests.gap.alreadyMember",
      params: { field: "member.status" },
    });
  }
  return gaps;
}

/** Member fields a data update may change. Identity (national ID) needs a new registration. */
const changeableText = ["fullNameAr", "fullNameEn", "mobile", "email", "city", "district"] as const;
const changeableEnums: Record<string, readonly string[]> = {
  gender: Object.values(Gender),
  maritalStatus: Object.values(MaritalStatus),
  employmentStatus: Object.values(EmploymentStatus),
  preferredChannel: Object.values(Channels),
  preferredLanguage: Object.values(Language),
};
export const changeableMemberFields: readonly string[] = [
  ...changeableText,
  "birthDate",
  "familySize",
  "monthlyIncome",
  ...Object.keys(changeableEnums),
];

export type MemberChanges = {
  data: Record<string, string | number | Date | null>;
  gaps: RequestGap[];
};

/**
 * Checks a data update's requested member changes with the members module's rules and
 * returns them ready to write, or the gaps (named `details.changes.<field>`).
 */
export function validateMemberChanges(details: unknown): MemberChanges {
  const changes = requestedChanges(details);
  const gaps: RequestGap[] = [];
  const gap = (field: string, messageKey: RequestGap["messageKey"], params = {}) =>
    gaps.push({
      kind: "INVALID_MEMBER_DATA",
      name: `details.changes.${field}`,
      messageKey,
      params: { ...params, field },
    });
  const fields: MemberFields = {};
  const data: Record<string, string | number | Date | null> = {};
  for (const [field, value] of Object.entries(changes)) {
    if (!changeableMemberFields.includes(field)) {
      gap(field, "requests.gap.unknownChange");
      continue;
    }
    const allowed = changeableEnums[field];
    if (allowed) {
      if (typeof value === "string" && allowed.includes(value)) data[field] = value;
      else gap(field, "requests.gap.invalidChoice", { choices: allowed.join(", ") });
    } else if (field === "birthDate") {
      const date = typeof value === "string" ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : null;
      if (!date || Number.isNaN(date.getTime())) gap(field, "requests.gap.invalidDate");
      else fields.birthDate = date;
    } else if (field === "familySize") {
      if (typeof value === "number" && Number.isInteger(value)) fields.familySize = value;
      else gap(field, "requests.gap.invalidNumber");
    } else if (field === "monthlyIncome") {
      if ((typeof value === "number" || typeof value === "string") && value !== "")
        fields.monthlyIncome = String(value);
      else gap(field, "requests.gap.invalidNumber");
    } else {
      if (typeof value === "string" || value === null)
        fields[field as (typeof changeableText)[number]] = value;
      else gap(field, "requests.gap.invalidText");
    }
  }
  const errors = new FieldErrors();
  const checked = validateMemberFields(fields, errors, false);
  for (const e of errors.list) gap(e.path[1] ?? "", e.messageKey, e.params ?? {});
  for (const field of Object.keys(fields)) {
    const value = checked[field as keyof MemberFields];
    if (value !== undefined) data[field] = value;
  }
  return { data, gaps };
}

/** REQ-2026-000042. */
export function formatReference(year: number, serial: number): string {
  return `REQ-${year}-${String(serial).padStart(6, "0")}`;
}

/** The year as the association lives it (Asia/Riyadh), for per-year reference numbers. */
export function riyadhYear(date: Date): number {
  return Number(
    new Intl.DateTimeFormat("en", { timeZone: "Asia/Riyadh", year: "numeric" }).format(date),
  );
}
