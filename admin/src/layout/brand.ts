// The panel's look without react-admin: the association's green, the shipped Arabic font,
// the focus ring and the direction of the current language. theme.ts builds the panel's
// theme on it; the light sign-in page (main.tsx) uses it as it is.
import type { ThemeOptions } from "@mui/material/styles";

export const fontFamily = '"IBM Plex Sans Arabic", "Segoe UI", Tahoma, system-ui, sans-serif';

/**
 * Where the keyboard is, seen at a glance (MUI shows only a faint tint): a dark outline
 * with a white gap, visible on the page's white and on the dark blue app bar alike.
 */
const focusRing = {
  outline: "3px solid #1d4e89",
  outlineOffset: "2px",
  boxShadow: "0 0 0 2px #ffffff",
} as const;

/** What a spinner says to a screen reader (react-admin's loading indicator gives it no name). */
const loading = { rtl: "جارٍ التحميل", ltr: "Loading" } as const;

/**
 * The focus ring on buttons, and on links, tabs and anything else focusable; every spinner
 * named.
 */
export function brandComponents(direction: "rtl" | "ltr") {
  return {
    MuiButtonBase: {
      defaultProps: { disableRipple: false },
      styleOverrides: { root: { "&.Mui-focusVisible": focusRing } },
    },
    MuiCssBaseline: { styleOverrides: { ":focus-visible": focusRing } },
    MuiCircularProgress: { defaultProps: { "aria-label": loading[direction] } },
  } satisfies ThemeOptions["components"];
}

export function brandTheme(direction: "rtl" | "ltr") {
  return {
    direction,
    palette: {
      mode: "light",
      primary: { main: "#0b6e4f" },
      secondary: { main: "#1d4e89" },
      // Status chips and their text read at 4.5:1 or more on white, filled or outlined (MUI's
      // own info and warning blues and oranges do not).
      info: { main: "#01579b" },
      warning: { main: "#b45309" },
      background: { default: "#f6f8f7" },
    },
    typography: { fontFamily },
    shape: { borderRadius: 8 },
  } satisfies ThemeOptions;
}
