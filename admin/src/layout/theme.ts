// The panel's look: the association's green, the shipped Arabic font, and the direction of
// the current language.
import { PaginationItem, type PaginationRenderItemParams } from "@mui/material";
import { arSA, enUS } from "@mui/material/locale";
import { createElement } from "react";
import { defaultTheme, type RaThemeOptions } from "react-admin";
import { shapeDigits } from "../providers/numerals.js";

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

/** MUI's `sm` breakpoint: below it, a phone. */
const phone = "@media (max-width: 599.95px)";

/** A page number of the pagination in the user's numeral system. */
const pageItem = (item: PaginationRenderItemParams) =>
  createElement(PaginationItem, {
    ...item,
    page: typeof item.page === "number" ? shapeDigits(String(item.page)) : item.page,
  });

export function themeFor(direction: "rtl" | "ltr"): RaThemeOptions {
  const language = (direction === "rtl" ? arSA : enUS).components ?? {};
  return {
    ...defaultTheme,
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
    sidebar: { width: 230, closedWidth: 56 },
    components: {
      // MUI's own texts (pagination's labels, an alert's close button) in the language.
      ...language,
      ...defaultTheme.components,
      // Page numbers and the page size in the user's numeral system (providers/numerals.ts).
      MuiPagination: {
        defaultProps: { ...language.MuiPagination?.defaultProps, renderItem: pageItem },
      },
      MuiTablePagination: {
        defaultProps: {
          ...language.MuiTablePagination?.defaultProps,
          slotProps: { select: { renderValue: (value: unknown) => shapeDigits(String(value)) } },
        },
      },
      MuiButtonBase: {
        defaultProps: { disableRipple: false },
        styleOverrides: { root: { "&.Mui-focusVisible": focusRing } },
      },
      // Links, tabs and anything else focusable: the same ring.
      MuiCssBaseline: { styleOverrides: { ":focus-visible": focusRing } },
      // On a phone a dialog takes the whole screen: its fields and buttons get the room.
      MuiDialog: {
        styleOverrides: {
          paper: {
            [phone]: {
              margin: 0,
              width: "100%",
              maxWidth: "100%",
              height: "100%",
              maxHeight: "100%",
              borderRadius: 0,
            },
          },
        },
      },
    },
  };
}
