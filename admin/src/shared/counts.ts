// Counts in the panel's language with their plural forms (contract/plural.ts).
import { useLocaleState } from "react-admin";
import { type CountNoun, countOf } from "../../../contract/plural.js";

/** `count("days", 13)` → «13 يوماً» in Arabic, "13 days" in English. */
export function useCount() {
  const [locale] = useLocaleState();
  return (noun: CountNoun, n: number) => countOf(noun, n, locale === "en" ? "en" : "ar");
}
