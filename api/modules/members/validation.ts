// Input rules for members: every problem is collected and reported by field, not only the first.
import type { FieldErrors } from "../../errors.js";
import { toAsciiDigits } from "../../shared/arabic.js";
import { isValidNationalId, normaliseMobile } from "./rules.js";

export type MemberFields = {
  nationalId?: string | null | undefined;
  fullNameAr?: string | null | undefined;
  fullNameEn?: string | null | undefined;
  mobile?: string | null | undefined;
  email?: string | null | undefined;
  city?: string | null | undefined;
  district?: string | null | undefined;
  birthDate?: Date | null | undefined;
  familySize?: number | null | undefined;
  monthlyIncome?: string | null | undefined;
};

const limits = { fullNameAr: 150, fullNameEn: 150, city: 80, district: 80, email: 254 } as const;
/** Blank optional text is stored as null, not as "". */
const optionalText = new Set<string>(["fullNameEn", "district", "email"]);

/**
 * Checks and normalises member fields. With `required`, the fields a new member must have
 * are required; otherwise only fields present are checked (updates).
 */
export function validateMemberFields(
  input: MemberFields,
  errors: FieldErrors,
  required: boolean,
): MemberFields {
  const out: MemberFields = { ...input };
  const present = (field: keyof MemberFields) => input[field] !== undefined;

  for (const field of ["nationalId", "fullNameAr", "mobile", "city"] as const) {
    const value = input[field];
    if (
      (required || present(field)) &&
      (value === null || value === undefined || String(value).trim() === "")
    ) {
      errors.add(field, "validation.required");
    }
  }
  for (const [field, max] of Object.entries(limits) as [keyof typeof limits, number][]) {
    const value = input[field];
    if (typeof value === "string") {
      out[field] = optionalText.has(field) && !value.trim() ? null : value.trim();
      if (value.trim().length > max) errors.add(field, "validation.tooLong", { max });
    }
  }
  if (
    typeof input.nationalId === "string" &&
    input.nationalId.trim() &&
    !errors.has("nationalId")
  ) {
    const id = toAsciiDigits(input.nationalId).replace(/\s/g, "");
    if (isValidNationalId(id)) out.nationalId = id;
    else errors.add("nationalId", "validation.nationalIdInvalid");
  }
  if (typeof input.mobile === "string" && input.mobile.trim() && !errors.has("mobile")) {
    const mobile = normaliseMobile(input.mobile);
    if (mobile) out.mobile = mobile;
    else errors.add("mobile", "validation.mobileInvalid");
  }
  if (typeof out.email === "string" && out.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(out.email)) {
    errors.add("email", "validation.emailInvalid");
  }
  if (input.birthDate && input.birthDate.getTime() >= Date.now()) {
    errors.add("birthDate", "validation.birthDateInvalid");
  }
  if (
    input.familySize !== undefined &&
    input.familySize !== null &&
    (input.familySize < 1 || input.familySize > 50)
  ) {
    errors.add("familySize", "validation.outOfRange", { min: 1, max: 50 });
  }
  if (input.monthlyIncome !== undefined && input.monthlyIncome !== null) {
    const income = Number(input.monthlyIncome);
    if (!(income >= 0 && income <= 10_000_000))
      errors.add("monthlyIncome", "validation.outOfRange", { min: 0, max: 10_000_000 });
  }
  return out;
}
