// The panel's look: the association's green, the shipped Arabic font, and the direction of
// the current language.
import { defaultTheme, type RaThemeOptions } from "react-admin";

export const fontFamily = '"IBM Plex Sans Arabic", "Segoe UI", Tahoma, system-ui, sans-serif';

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
    },
  };
}
