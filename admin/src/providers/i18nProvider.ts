// Arabic first: bundled with the app; English is loaded when chosen. Changing the locale
// also switches the API's language and the layout's direction (providers/locale.ts).
import polyglotI18nProvider from "ra-i18n-polyglot";
import type { I18nProvider, TranslationMessages } from "react-admin";
import { ar } from "../i18n/ar.js";
import { getLocale, isLocale, type Locale, setLocale } from "./locale.js";
import { shapeDigits } from "./numerals.js";

const loadMessages = (locale: string): TranslationMessages | Promise<TranslationMessages> =>
  locale === "en" ? import("../i18n/en.js").then((m) => m.en) : ar;

export function createI18nProvider(initial: Locale = getLocale()): I18nProvider {
  const base = polyglotI18nProvider(
    loadMessages,
    initial,
    [
      { locale: "ar", name: "العربية" },
      { locale: "en", name: "English" },
    ],
    { allowMissing: false },
  );
  return {
    ...base,
    // Numbers inside sentences (pagination, "3 of 25", counts) in the user's numeral system.
    translate: (key, options) => shapeDigits(base.translate(key, options)),
    changeLocale: async (locale, options) => {
      await base.changeLocale(locale, options);
      if (isLocale(locale)) setLocale(locale);
    },
  };
}
