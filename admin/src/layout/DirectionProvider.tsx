// Right-to-left in Arabic, left-to-right in English: an emotion cache with stylis-plugin-rtl
// flips every style, and the theme's direction follows the locale (providers/locale.ts).
import createCache from "@emotion/cache";
import { CacheProvider } from "@emotion/react";
import { type ReactNode, useSyncExternalStore } from "react";
import { prefixer } from "stylis";
import rtlPlugin from "stylis-plugin-rtl";
import { directionOf, getLocale, subscribeLocale } from "../providers/locale.js";

const caches = {
  rtl: createCache({ key: "wasl-rtl", stylisPlugins: [prefixer, rtlPlugin] }),
  ltr: createCache({ key: "wasl-ltr", stylisPlugins: [prefixer] }),
};

export function useDirection(): "rtl" | "ltr" {
  return directionOf(useSyncExternalStore(subscribeLocale, getLocale, getLocale));
}

export function DirectionProvider({ children }: { children: ReactNode }) {
  const direction = useDirection();
  return <CacheProvider value={caches[direction]}>{children}</CacheProvider>;
}
