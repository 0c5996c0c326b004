// The UI locale outside React: the API client sends it as Accept-Language, and the theme and
// emotion cache follow its direction. react-admin's store remembers the choice.
export type Locale = "ar" | "en";
export const locales: readonly Locale[] = ["ar", "en"];
const storeKey = "RaStore.locale";

export function isLocale(value: unknown): value is Locale {
  return value === "ar" || value === "en";
}

/** The remembered locale (react-admin's localStorage store), Arabic by default. */
export function initialLocale(): Locale {
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(storeKey) ?? "null") as unknown;
    return isLocale(stored) ? stored : "ar";
  } catch {
    return "ar";
  }
}

export function directionOf(locale: Locale): "rtl" | "ltr" {
  return locale === "ar" ? "rtl" : "ltr";
}

let current: Locale = initialLocale();
const listeners = new Set<() => void>();

function applyToDocument(locale: Locale) {
  if (typeof document === "undefined") return;
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}
applyToDocument(current);

export const getLocale = (): Locale => current;

export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  applyToDocument(locale);
  for (const listener of listeners) listener();
}

/** Chooses the locale before react-admin runs (the light sign-in page), in react-admin's store. */
export function chooseLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(storeKey, JSON.stringify(locale));
  } catch {
    // Storage refused (private mode): the choice lasts this page.
  }
  setLocale(locale);
}

export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
