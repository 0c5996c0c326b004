// Counts in the panel's language with their plural forms (contract/plural.ts).
import { useLocaleState } from "react-admin";
import { type CountNoun, countOf } from "../../../contract/plural.js";
import { useNumerals } from "../providers/numerals.js";

/** `count("days", 13)` → «13 يوماً» in Arabic, "13 days" in English. */
export function useCount() {
  const [locale] = useLocaleState();
  const numerals = useNumerals();
  return (noun: CountNoun, n: number) => countOf(noun, n, locale === "en" ? "en" : "ar", numerals);
}
