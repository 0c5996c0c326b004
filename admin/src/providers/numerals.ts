// The panel's one numeral system, a preference of the user stored like the language choice
// (react-admin's localStorage store): Latin digits by default, as Saudi government services
// write them, or Arabic-Indic (٠١٢٣). Every number the panel writes — counts, amounts, dates
// in both calendars, charts, identifiers — goes through it, so a screen never mixes the two.
import { useSyncExternalStore } from "react";

export type Numerals = "latn" | "arab";
export const numeralSystems: readonly Numerals[] = ["latn", "arab"];
const storeKey = "RaStore.numerals";

export function isNumerals(value: unknown): value is Numerals {
  return value === "latn" || value === "arab";
}

function remembered(): Numerals {
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(storeKey) ?? "null") as unknown;
    return isNumerals(stored) ? stored : "latn";
  } catch {
    return "latn";
  }
}

let current: Numerals = remembered();
const listeners = new Set<() => void>();

export const getNumerals = (): Numerals => current;

export function setNumerals(numerals: Numerals): void {
  if (numerals === current) return;
  current = numerals;
  globalThis.localStorage?.setItem(storeKey, JSON.stringify(numerals));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The numeral system, re-rendering the caller when the user changes it. */
export function useNumerals(): Numerals {
  return useSyncExternalStore(subscribe, getNumerals, getNumerals);
}

const latinDigits = /[0-9]/g;
const arabicIndicDigits = /[٠-٩۰-۹]/g;

/** The text with its digits written in the numeral system (identifiers, translated sentences). */
export function shapeDigits(text: string, numerals: Numerals = current): string {
  return numerals === "arab"
    ? text.replace(latinDigits, (d) => String.fromCharCode(0x0660 + Number(d)))
    : text.replace(arabicIndicDigits, (d) => String(d.charCodeAt(0) & 0xf));
}

/** The locale tag for Intl with the numeral system: `ar-SA-u-nu-arab`, `en-u-nu-latn`. */
export function numberingTag(locale: string, numerals: Numerals = current): string {
  return `${locale === "en" ? "en" : "ar-SA"}-u-nu-${numerals}`;
}
