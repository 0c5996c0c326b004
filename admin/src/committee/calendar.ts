// The calendar's arithmetic: months in Riyadh time (UTC+3 all year), laid out in weeks from
// Sunday, and the period [from, to) the list filter reads a month's sessions with.
import { riyadh } from "../shared/dates.js";

export type Month = { year: number; month: number }; // month 1–12

/** Riyadh is UTC+3 all year (no daylight saving). */
const riyadhOffset = "+03:00";
const pad = (n: number) => String(n).padStart(2, "0");

export function monthStart({ year, month }: Month): string {
  return `${year}-${pad(month)}-01T00:00:00${riyadhOffset}`;
}

export function shift({ year, month }: Month, by: number): Month {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export const dayKey = new Intl.DateTimeFormat("en-CA", { timeZone: riyadh });

/** A week from Sunday (1 January 2023 was one), for the weekdays' names. */
export const weekdays = Array.from({ length: 7 }, (_, i) => Date.UTC(2023, 0, 1 + i));

export function thisMonth(): Month {
  const [year, month] = dayKey.format(new Date()).split("-").map(Number) as [number, number];
  return { year, month };
}

/** The month's days, padded with blanks to whole weeks starting on Sunday. */
export function monthGrid({ year, month }: Month): (string | null)[] {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (string | null)[] = Array.from({ length: first }, () => null);
  for (let day = 1; day <= days; day++) cells.push(`${year}-${pad(month)}-${pad(day)}`);
  while (cells.length % 7) cells.push(null);
  return cells;
}
