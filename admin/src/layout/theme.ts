// The panel's theme: react-admin's, in the association's look (brand.ts), with MUI's texts in
// the language and the panel's numerals.
import { PaginationItem, type PaginationRenderItemParams } from "@mui/material";
import { arSA, enUS } from "@mui/material/locale";
import { createElement } from "react";
import { defaultTheme, type RaThemeOptions } from "react-admin";
import { shapeDigits } from "../providers/numerals.js";
import { brandComponents, brandTheme } from "./brand.js";

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
    ...brandTheme(direction),
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
      ...brandComponents(direction),
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
