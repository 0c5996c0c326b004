// Dates as the association reads them: Gregorian and Hijri (Umm al-Qura) side by side, in
// Riyadh time. Hijri ↔ Gregorian conversion uses the browser's own Intl calendar data (no
// table of ours to drift), found by search around an estimate, so month lengths are exact.
import { getNumerals } from "../providers/numerals.js";

export const riyadh = "Asia/Riyadh";
type Locale = "ar" | "en";
export type HijriDate = { year: number; month: number; day: number };

const dayMs = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** Date-only values ("YYYY-MM-DD") are calendar days: shown without a time zone shift. */
function toDate(value: Date | string): { date: Date; dateOnly: boolean } {
  if (value instanceof Date) return { date: value, dateOnly: false };
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return { date: new Date(dateOnly ? `${value}T00:00:00Z` : value), dateOnly };
}

function options(dateOnly: boolean, withTime: boolean): Intl.DateTimeFormatOptions {
  return {
    timeZone: dateOnly ? "UTC" : riyadh,
    year: "numeric",
    month: "long",
    day: "numeric",
    ...(withTime && !dateOnly ? { hour: "2-digit", minute: "2-digit" } : {}),
  };
}

export function formatGregorian(value: Date | string, locale: Locale, withTime = false): string {
  const { date, dateOnly } = toDate(value);
  if (Number.isNaN(date.getTime())) return "";
  const nu = getNumerals();
  const tag = locale === "ar" ? `ar-SA-u-ca-gregory-nu-${nu}` : `en-GB-u-ca-gregory-nu-${nu}`;
  return formatter(tag, options(dateOnly, withTime)).format(date);
}

export function formatHijri(value: Date | string, locale: Locale, withTime = false): string {
  const { date, dateOnly } = toDate(value);
  if (Number.isNaN(date.getTime())) return "";
  const nu = getNumerals();
  const tag =
    locale === "ar" ? `ar-SA-u-ca-islamic-umalqura-nu-${nu}` : `en-u-ca-islamic-umalqura-nu-${nu}`;
  return formatter(tag, options(dateOnly, withTime)).format(date);
}

/** The Umm al-Qura date of a calendar day (UTC midnight of "YYYY-MM-DD"). */
export function hijriOf(date: Date): HijriDate {
  const parts = formatter("en-u-ca-islamic-umalqura-nu-latn", {
    timeZone: "UTC",
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(date);
  const part = (type: string) =>
    Number.parseInt(parts.find((p) => p.type === type)?.value ?? "", 10);
  return { year: part("year"), month: part("month"), day: part("day") };
}

export function gregorianToHijri(isoDate: string): HijriDate | null {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : hijriOf(date);
}

/** Hijri → "YYYY-MM-DD" (Gregorian), or null when that Hijri day does not exist (e.g. the 30th of a 29-day month). */
export function hijriToGregorian(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 30 || year < 1 || year > 2000) return null;
  // Days since 1 Muharram 1 AH (16 July 622, Julian = 19 July 622 proleptic Gregorian).
  const estimate =
    Date.UTC(622, 6, 19) +
    Math.round(((year - 1) * 354.36667 + (month - 1) * 29.5306 + (day - 1)) * dayMs);
  const target = year * 10_000 + month * 100 + day;
  let low = estimate - 40 * dayMs;
  let high = estimate + 40 * dayMs;
  // Binary search: the Hijri date grows with the Gregorian one.
  while (low <= high) {
    const mid = low + Math.floor((high - low) / dayMs / 2) * dayMs;
    const h = hijriOf(new Date(mid));
    const value = h.year * 10_000 + h.month * 100 + h.day;
    if (value === target) return new Date(mid).toISOString().slice(0, 10);
    if (value < target) low = mid + dayMs;
    else high = mid - dayMs;
  }
  return null;
}

const arabicDigits = /[٠-٩۰-۹]/g;
function asciiDigits(text: string): string {
  return text.replace(arabicDigits, (d) => String(d.charCodeAt(0) & 0xf));
}

/** "1447/09/01", "1447-9-1" or "١٤٤٧/٩/١" → the Hijri date; null if it is not one. */
export function parseHijri(text: string): HijriDate | null {
  const match = /^\s*(\d{3,4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*(?:هـ|ه|AH)?\s*$/i.exec(
    asciiDigits(text),
  );
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function formatHijriNumeric(h: HijriDate): string {
  return `${h.year}/${String(h.month).padStart(2, "0")}/${String(h.day).padStart(2, "0")}`;
}

/** Riyadh keeps UTC+3 all year (no daylight saving). */
const riyadhOffsetMs = 3 * 3_600_000;

/** A moment as a `datetime-local` input shows it in Riyadh: "YYYY-MM-DDTHH:mm". */
export function toRiyadhLocal(value: Date | string = new Date()): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  return new Date(date.getTime() + riyadhOffsetMs).toISOString().slice(0, 16);
}

/** "YYYY-MM-DDTHH:mm" read as Riyadh time → the ISO instant; null if it is not one. */
export function fromRiyadhLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(`${value}:00+03:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
