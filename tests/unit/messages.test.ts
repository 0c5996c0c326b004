// The API's messages: every module's catalogue, registered from its own folder, is seen by
// translate; both languages have the same keys and placeholders over all of them.
import { describe, expect, it } from "vitest";
// The schema's module list loads every module, and with it every catalogue.
import "../../api/graphql/schema.js";
import { messages, registerMessages, translate } from "../../api/i18n/messages.js";

const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

describe("messages", () => {
  const ar: Record<string, string> = messages.ar;
  const en: Record<string, string> = messages.en;

  it("holds the core's and every module's catalogue", () => {
    for (const key of [
      "errors.notFound", // core
      "fields.nationalId", // members
      "errors.invalidCredentials", // users
      "requestStatus.SUBMITTED", // requests
      "documents.fileEmpty", // requests/documents
      "attestation.alreadySigned", // requests/attestation
      "research.visitDateInFuture", // requests/research
      "communications.memberOrRequest", // communications
    ])
      expect(ar[key], key).toBeTruthy();
  });

  it("has the same keys in Arabic and English", () => {
    expect(Object.keys(ar).filter((key) => !(key in en))).toEqual([]);
    expect(Object.keys(en).filter((key) => !(key in ar))).toEqual([]);
  });

  it("keeps each message's placeholders in both languages", () => {
    const mismatched = Object.keys(ar).filter(
      (key) => JSON.stringify(placeholders(ar[key]!)) !== JSON.stringify(placeholders(en[key]!)),
    );
    expect(mismatched).toEqual([]);
  });

  it("refuses a key another catalogue already has", () => {
    expect(() => registerMessages({ "errors.notFound": "x" }, { "errors.notFound": "x" })).toThrow(
      /registered twice: errors.notFound/,
    );
    expect(translate("en", "errors.notFound")).toBe("The record was not found.");
  });

  it("translates a module's key, with a field named by another module's catalogue", () => {
    expect(translate("en", "validation.nationalIdTaken")).toBe(
      "This national ID is already registered to another member.",
    );
    expect(translate("ar", "validation.required", { field: "familySize" })).toBe(
      "حقل «عدد أفراد الأسرة» مطلوب.",
    );
  });
});
