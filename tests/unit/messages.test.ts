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

  it("writes counts with the plural form the number takes, in both languages (issue 13, item 7)", () => {
    const ns = [0, 1, 2, 3, 10, 11, 100];
    const said = (
      key: "surveys.roundTooLarge",
      noun: "members" | "days" | "requests" | "documents",
    ) =>
      ns.map((n) =>
        translate("ar", key, { count: { counted: noun, n }, max: { counted: noun, n: 1 } }),
      );
    expect(said("surveys.roundTooLarge", "members")).toEqual([
      "اخترتَ 0 عضو، والحد عضو واحد في الدفعة الواحدة: ضيّق الاختيار.",
      "اخترتَ عضو واحد، والحد عضو واحد في الدفعة الواحدة: ضيّق الاختيار.",
      "اخترتَ عضوان، والحد عضو واحد في الدفعة الواحدة: ضيّق الاختيار.",
      "اخترتَ 3 أعضاء، والحد عضو واحد في الدفعة الواحدة: ضيّق الاختيار.",
      "اخترتَ 10 أعضاء، والحد عضو واحد في الدفعة الواحدة: ضيّق الاختيار.",
      "اخترتَ 11 عضواً، والحد عضو واحد في الدفعة الواحدة: ضيّق الاختيار.",
      "اخترتَ 100 عضو، والحد عضو واحد في الدفعة الواحدة: ضيّق الاختيار.",
    ]);
    // The same machinery for every counted noun the API may write.
    const counted = (noun: "days" | "requests" | "documents", locale: "ar" | "en") =>
      ns.map((n) =>
        translate(locale, "committee.notACommitteeMember", { count: { counted: noun, n } }).replace(
          /^من اخترتهم | ليسوا.*$|^Of those chosen, | are not.*$/g,
          "",
        ),
      );
    expect(counted("days", "ar")).toEqual([
      "0 يوم",
      "يوم واحد",
      "يومان",
      "3 أيام",
      "10 أيام",
      "11 يوماً",
      "100 يوم",
    ]);
    expect(counted("requests", "ar")).toEqual([
      "0 طلب",
      "طلب واحد",
      "طلبان",
      "3 طلبات",
      "10 طلبات",
      "11 طلباً",
      "100 طلب",
    ]);
    expect(counted("documents", "ar")).toEqual([
      "0 مستند",
      "مستند واحد",
      "مستندان",
      "3 مستندات",
      "10 مستندات",
      "11 مستنداً",
      "100 مستند",
    ]);
    expect(counted("documents", "en")).toEqual([
      "0 documents",
      "1 document",
      "2 documents",
      "3 documents",
      "10 documents",
      "11 documents",
      "100 documents",
    ]);
  });
});
