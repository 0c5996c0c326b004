// Arabic counts read right (issue 13, item 7): each count takes the plural form Arabic gives
// its number (Intl.PluralRules: zero, one, two, few 3–10, many 11–99, other 100), for days,
// members, requests and documents; English has one and other.
import { describe, expect, it } from "vitest";
import { countOf } from "../../contract/plural.js";

describe("countOf", () => {
  it.each([
    ["days", ["0 يوم", "يوم واحد", "يومان", "3 أيام", "10 أيام", "11 يوماً", "100 يوم"]],
    ["members", ["0 عضو", "عضو واحد", "عضوان", "3 أعضاء", "10 أعضاء", "11 عضواً", "100 عضو"]],
    ["requests", ["0 طلب", "طلب واحد", "طلبان", "3 طلبات", "10 طلبات", "11 طلباً", "100 طلب"]],
    [
      "documents",
      ["0 مستند", "مستند واحد", "مستندان", "3 مستندات", "10 مستندات", "11 مستنداً", "100 مستند"],
    ],
  ] as const)("counts %s in Arabic: 0, 1, 2, 3, 10, 11, 100", (noun, expected) => {
    expect([0, 1, 2, 3, 10, 11, 100].map((n) => countOf(noun, n))).toEqual(expected);
  });

  it("reads the issue's examples right: 13 days, 8 days, and past a hundred", () => {
    expect(countOf("days", 13)).toBe("13 يوماً");
    expect(countOf("days", 8)).toBe("8 أيام");
    expect(countOf("days", 103)).toBe("103 أيام"); // 103 is "few", as 3 is
    expect(countOf("days", 111)).toBe("111 يوماً");
    expect(countOf("days", 365)).toBe("365 يوماً");
  });

  it("counts in English with one and other, and writes Latin digits", () => {
    expect([0, 1, 2, 11].map((n) => countOf("requests", n, "en"))).toEqual([
      "0 requests",
      "1 request",
      "2 requests",
      "11 requests",
    ]);
    expect(countOf("days", 2.5, "en")).toBe("2.5 days");
    expect(countOf("days", 1234)).toBe("1234 يوماً"); // 34: "many"
  });

  it("writes Arabic-Indic digits when the user chose them, with the same plural forms", () => {
    expect(countOf("days", 13, "ar", "arab")).toBe("١٣ يوماً");
    expect(countOf("requests", 3, "ar", "arab")).toBe("٣ طلبات");
    expect(countOf("members", 2, "ar", "arab")).toBe("عضوان");
    expect(countOf("documents", 100, "en", "arab")).toBe("١٠٠ documents");
  });
});
