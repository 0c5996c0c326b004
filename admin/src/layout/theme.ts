// The panel's look: the association's green, the shipped Arabic font, and the direction of
// the current language.
import { defaultTheme, type RaThemeOptions } from "react-admin";

export const fontFamily = '"IBM Plex Sans Arabic", "Segoe UI", Tahoma, system-ui, sans-serif';

/** MUI's `sm` breakpoint: below it, a phone. */
const phone = "@media (max-width: 599.95px)";

export function themeFor(direction: "rtl" | "ltr"): RaThemeOptions {
  return {
    ...defaultTheme,
    direction,
    palette: {
      mode: "light",
      primary: { main: "#0b6e4f" },
      secondary: { main: "#1d4e89" },
      background: { default: "#f6f8f7" },
    },
    typography: { fontFamily },
    shape: { borderRadius: 8 },
    sidebar: { width: 230, closedWidth: 56 },
    components: {
      ...defaultTheme.components,
      MuiButtonBase: { defaultProps: { disableRipple: false } },
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
