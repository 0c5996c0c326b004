// @vitest-environment happy-dom
// Both languages have every key, react-admin's own messages are fully translated to Arabic,
// and each message keeps the placeholders of its counterpart.
import englishMessages from "ra-language-english";
import { describe, expect, it } from "vitest";
import { ar } from "../../admin/src/i18n/ar.js";
import { en } from "../../admin/src/i18n/en.js";

function flatten(tree: object, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === "object")
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    else out.set(path, String(value));
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/%\{(\w+)\}/g)]
    .map((m) => m[1])
    .filter((p) => p !== "smart_count")
    .sort();
const unique = (list: (string | undefined)[]) => [...new Set(list)];

describe("translations", () => {
  const arKeys = flatten(ar);
  const enKeys = flatten(en);

  it("has the same keys in Arabic and English", () => {
    expect([...arKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys.keys()].filter((k) => !arKeys.has(k))).toEqual([]);
  });

  it("translates every react-admin message into Arabic", () => {
    const missing = [...flatten(englishMessages).keys()].filter((k) => !arKeys.has(k));
    expect(missing).toEqual([]);
    const untranslated = [...arKeys].filter(
      ([k, v]) =>
        k.startsWith("ra.") &&
        /[A-Za-z]/.test(v.replace(/%\{\w+\}/g, "")) &&
        v === flatten(englishMessages).get(k),
    );
    expect(untranslated).toEqual([]);
  });

  it("keeps each message's placeholders in both languages", () => {
    const mismatched = [...arKeys].filter(([k, v]) => {
      const other = enKeys.get(k) ?? "";
      return (
        JSON.stringify(unique(placeholders(v))) !== JSON.stringify(unique(placeholders(other)))
      );
    });
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it("labels every membership status, channel and role", () => {
    for (const value of ["APPLICANT", "ACTIVE", "SUSPENDED", "ENDED"])
      expect(arKeys.get(`wasl.enums.status.${value}`)).toBeTruthy();
    for (const value of ["IN_PERSON", "PHONE", "SOCIAL_MEDIA", "LETTER", "WEBSITE", "PARTNER"]) {
      expect(arKeys.get(`wasl.enums.channel.${value}`)).toBeTruthy();
    }
    for (const value of ["ADMIN", "STAFF", "RESEARCHER", "COMMITTEE_MEMBER", "COMMITTEE_CHAIR"]) {
      expect(arKeys.get(`wasl.enums.role.${value}`)).toBeTruthy();
    }
  });
});
