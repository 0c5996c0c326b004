import { describe, expect, it } from "vitest";
import {
  isValidNationalId,
  maskPersonalValue,
  normaliseMobile,
  withCheckDigit,
} from "../../api/modules/members/rules.js";
import { normaliseArabic } from "../../api/shared/arabic.js";

describe("Arabic normalisation", () => {
  it("folds hamza forms, ta marbuta, alif maqsura, diacritics and tatweel", () => {
    expect(normaliseArabic("أحمد")).toBe(normaliseArabic("احمد"));
    expect(normaliseArabic("إبراهيم")).toBe("ابراهيم");
    expect(normaliseArabic("آمنة")).toBe("امنه");
    expect(normaliseArabic("مُصْطَفَى")).toBe("مصطفي");
    expect(normaliseArabic("فاطمـــة")).toBe("فاطمه");
    expect(normaliseArabic("٠٥٥١٢٣")).toBe("055123");
  });
});

describe("national ID and iqama", () => {
  it("accepts ten digits starting with 1 or 2 whose check digit is right", () => {
    const id = withCheckDigit("103456789");
    expect(isValidNationalId(id)).toBe(true);
    expect(isValidNationalId(withCheckDigit("234567890"))).toBe(true);
  });
  it("refuses a wrong check digit, a wrong first digit and a wrong length", () => {
    const id = withCheckDigit("103456789");
    const wrong = id.slice(0, 9) + String((Number(id[9]) + 1) % 10);
    expect(isValidNationalId(wrong)).toBe(false);
    expect(isValidNationalId(withCheckDigit("303456789"))).toBe(false);
    expect(isValidNationalId("10345678")).toBe(false);
  });
});

describe("mobile numbers", () => {
  it("normalises the usual ways of writing a Saudi mobile", () => {
    for (const input of [
      "0551234567",
      "551234567",
      "966551234567",
      "+966 55 123 4567",
      "00966551234567",
      "٠٥٥١٢٣٤٥٦٧",
    ]) {
      expect(normaliseMobile(input)).toBe("+966551234567");
    }
  });
  it("refuses landlines and wrong lengths", () => {
    expect(normaliseMobile("0112345678")).toBeNull();
    expect(normaliseMobile("05512345")).toBeNull();
  });
});

describe("masking", () => {
  it("keeps the first and last two characters", () => {
    expect(maskPersonalValue("1034567897")).toBe("1*******97");
  });
});
