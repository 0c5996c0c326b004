// The association's working hours, as the demo's staff keep them: Sunday to Thursday, 08:00 to
// 17:00 in Riyadh (Asia/Riyadh, the clock the app shows every moment by: UTC+3 all year,
// without summer time). Whatever a staff member writes in the demo falls within them; a
// member's or a partner's own act (an online signature, a partner's submission) may not.
import type { Random } from "./random.js";
import { dayMs, hourMs } from "./random.js";

/** Riyadh's offset from UTC, the same all year. */
const riyadhOffsetMs = 3 * hourMs;
/** 08:00 and 17:00 in Riyadh, as UTC hours. */
const opensUtc = 5;
const closesUtc = 14;
/** A visit or call is begun by 16:00 (13:00 UTC), so that it ends before closing time. */
const lastStartUtc = 13;

/** Sunday to Thursday, 08:00 up to 17:00 in Riyadh. */
export function isWorkingTime(at: Date): boolean {
  const local = new Date(at.getTime() + riyadhOffsetMs);
  const day = local.getUTCDay();
  const hour = local.getUTCHours();
  return day !== 5 && day !== 6 && hour >= opensUtc + 3 && hour < closesUtc + 3;
}

/** Moves a moment forward past the weekend (Friday and Saturday in Saudi Arabia). */
export function skipWeekend(d: Date): Date {
  while (d.getUTCDay() === 5 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** A moment when a visit or call may begin (Riyadh 08:00–16:00) on the day of `day`, or the next working day. */
export function officeTime(day: Date, rng: Random): Date {
  const d = new Date(day);
  d.setUTCHours(rng.int(opensUtc, lastStartUtc - 1), rng.int(0, 59), rng.int(0, 59), 0);
  return skipWeekend(d);
}

/** The same or the next moment within 08:00–16:00 of a working day: staff act in office hours. */
export function duringOfficeHours(at: Date): Date {
  const d = new Date(at);
  const hour = d.getUTCHours();
  const span = lastStartUtc - opensUtc;
  if (hour < opensUtc) {
    d.setUTCHours(opensUtc + hour);
  } else if (hour >= lastStartUtc) {
    d.setUTCDate(d.getUTCDate() + 1);
    d.setUTCHours(opensUtc + ((hour - lastStartUtc) % span));
  }
  return skipWeekend(d);
}

/** 08:00 in Riyadh on the day of `at` (a moment of that day's working hours or later). */
export function openingOf(at: Date): Date {
  return new Date(at.getTime() - (at.getTime() % dayMs) + opensUtc * hourMs);
}

/**
 * `hour`:`minute` in Riyadh on the last working day before `at` (a day's start, seedClock):
 * when the staff did what the demo shows as done "yesterday", whatever day it is seeded.
 */
export function lastWorkingDayBefore(at: Date, hour: number, minute = 0): Date {
  const d = new Date(at.getTime() + riyadhOffsetMs - dayMs); // that day, as a UTC date
  d.setUTCHours(hour - 3, minute, 0, 0);
  while (d.getUTCDay() === 5 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
  return d;
}
