// @vitest-environment happy-dom
// Hijri (Umm al-Qura) ↔ Gregorian, on month boundaries where day-count bugs hide.
import { describe, expect, it } from "vitest";
import {
  formatGregorian,
  formatHijri,
  gregorianToHijri,
  hijriToGregorian,
  parseHijri,
} from "../../admin/src/shared/dates.js";

const dayMs = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

describe("Hijri dates", () => {
  it("round-trips every day from 2015 to 2035", () => {
    const wrong: string[] = [];
    for (let t = Date.UTC(2015, 0, 1); t < Date.UTC(2035, 0, 1); t += dayMs) {
      const h = gregorianToHijri(iso(t))!;
      if (hijriToGregorian(h.year, h.month, h.day) !== iso(t)) wrong.push(iso(t));
    }
    expect(wrong).toEqual([]);
  });

  it("knows Ramadan 1447 begins on 18 February 2026 and Shaʿban has 29 days", () => {
    expect(hijriToGregorian(1447, 9, 1)).toBe("2026-02-18");
    expect(hijriToGregorian(1447, 8, 29)).toBe("2026-02-17");
    expect(hijriToGregorian(1447, 8, 30)).toBeNull();
  });

  it("maps each month's first day to the day after the previous month's last", () => {
    for (let year = 1440; year <= 1450; year++) {
      for (let month = 1; month <= 12; month++) {
        const first = hijriToGregorian(year, month, 1)!;
        const lastDay = hijriToGregorian(year, month, 30) ? 30 : 29;
        const last = hijriToGregorian(year, month, lastDay)!;
        const next =
          month === 12 ? hijriToGregorian(year + 1, 1, 1)! : hijriToGregorian(year, month + 1, 1)!;
        expect(Date.parse(next) - Date.parse(last)).toBe(dayMs);
        expect((Date.parse(last) - Date.parse(first)) / dayMs + 1).toBe(lastDay);
      }
    }
  });

  it("reads typed Hijri dates in Latin or Arabic-Indic digits", () => {
    expect(parseHijri("1447/09/01")).toEqual({ year: 1447, month: 9, day: 1 });
    expect(parseHijri("١٤٤٧/٩/١ هـ")).toEqual({ year: 1447, month: 9, day: 1 });
    expect(parseHijri("not a date")).toBeNull();
    expect(hijriToGregorian(1447, 13, 1)).toBeNull();
  });

  it("shows both calendars in Riyadh time", () => {
    // 22:30 UTC on 17 Feb is already 18 Feb (1 Ramadan) in Riyadh.
    const late = new Date("2026-02-17T22:30:00Z");
    expect(formatGregorian(late, "en")).toContain("18");
    expect(formatHijri(late, "en")).toMatch(/Ramadan 1, 1447|1 Ramadan 1447/);
    expect(formatHijri("2026-02-18", "ar")).toContain("رمضان");
  });
});
