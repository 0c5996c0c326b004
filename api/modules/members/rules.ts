// Rules about a member's identity data. Pure functions: the service, the seed and the
// panel's validation messages all use them.
import { normaliseArabic, toAsciiDigits } from "../../shared/arabic.js";

/**
 * A Saudi national ID (starts with 1) or iqama number (starts with 2): ten digits whose
 * last is a Luhn check digit over the first nine.
 */
export function isValidNationalId(value: string): boolean {
  if (!/^[12]\d{9}$/.test(value)) return false;
  return luhnSum(value) % 10 === 0;
}

function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]);
    if (i % 2 === 0) {
      const doubled = d * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else {
      sum += d;
    }
  }
  return sum;
}

/** Completes nine leading digits into a valid ten-digit ID (demo data, tests). */
export function withCheckDigit(firstNine: string): string {
  const partial = luhnSum(`${firstNine}0`);
  return `${firstNine}${(10 - (partial % 10)) % 10}`;
}

/** Accepts the ways people write a Saudi mobile; returns +9665XXXXXXXX or null. */
export function normaliseMobile(value: string): string | null {
  const digits = toAsciiDigits(value).replace(/[\s\-().]/g, "");
  const match = /^(?:\+966|00966|966|0)?(5\d{8})$/.exec(digits);
  return match ? `+966${match[1]}` : null;
}

/** Personal data shown to callers without the personal-data permission: `1*******67`. */
export function maskPersonalValue(value: string, keepStart = 1, keepEnd = 2): string {
  if (value.length <= keepStart + keepEnd) return "*".repeat(value.length);
  return (
    value.slice(0, keepStart) +
    "*".repeat(value.length - keepStart - keepEnd) +
    value.slice(value.length - keepEnd)
  );
}

/** A personal field that is shown masked. */
export type MaskedField = "nationalId" | "mobile";

/**
 * The one masking of a member's personal field, wherever it is shown to someone who may not
 * read it (pages, lists, CSV export, the attestation page): a national ID keeps its first
 * digit (`1*******67`), a mobile its country code (`+966*******67`).
 */
export function maskPersonal(field: MaskedField, value: string): string {
  return maskPersonalValue(value, field === "mobile" ? 4 : 1, 2);
}

/** What member search matches: the normalised names, number, national ID and mobile. */
export function memberSearchText(member: {
  fullNameAr: string;
  fullNameEn?: string | null;
  memberNumber: string;
  nationalId: string;
  mobile: string;
}): string {
  return [
    normaliseArabic(member.fullNameAr),
    normaliseArabic(member.fullNameEn ?? ""),
    member.memberNumber.toLowerCase(),
    member.nationalId,
    member.mobile,
    `0${member.mobile.slice(4)}`,
  ]
    .filter(Boolean)
    .join(" ");
}

/** Member numbers read M-000123. */
export function formatMemberNumber(serial: number): string {
  return `M-${String(serial).padStart(6, "0")}`;
}
