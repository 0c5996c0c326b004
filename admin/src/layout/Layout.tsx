import LanguageIcon from "@mui/icons-material/Translate";
import {
  Box,
  Chip,
  Divider,
  ListItemText,
  MenuItem,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
} from "@mui/material";
import { type ReactNode, useEffect } from "react";
import {
  AppBar,
  Logout,
  Layout as RaLayout,
  TitlePortal,
  UserMenu,
  useGetIdentity,
  useLocaleState,
  useTranslate,
} from "react-admin";
import { Bell } from "../bell/Bell.js";
import { LiveUpdatesProvider, useLiveStatus } from "../live/LiveContext.js";
import { isNumerals, numeralSystems, setNumerals, useNumerals } from "../providers/numerals.js";
import { useAriaRequired } from "../shared/ariaRequired.js";
import { Menu } from "./Menu.js";

const liveColors = { live: "#2e7d32", connecting: "#ed6c02", offline: "#d32f2f" } as const;

export function LiveIndicator() {
  const status = useLiveStatus();
  const translate = useTranslate();
  return (
    <Tooltip
      title={translate(status === "live" ? "wasl.live.tooltip_live" : "wasl.live.tooltip_offline")}
      describeChild
    >
      <Chip
        data-testid="live-indicator"
        data-status={status}
        size="small"
        label={translate(`wasl.live.${status}`)}
        icon={
          <Box
            component="span"
            sx={{ width: 10, height: 10, borderRadius: "50%", bgcolor: liveColors[status], ml: 1 }}
          />
        }
        sx={{ bgcolor: "rgba(255,255,255,0.9)", mx: 1 }}
        role="status"
        aria-live="polite"
      />
    </Tooltip>
  );
}

function LanguageSwitch() {
  const [locale, setLocale] = useLocaleState();
  const translate = useTranslate();
  const next = locale === "ar" ? "en" : "ar";
  return (
    // describeChild: the tooltip describes the chip; its name stays the text it shows.
    <Tooltip title={translate("wasl.language.label")} describeChild>
      <Chip
        data-testid="language-switch"
        icon={<LanguageIcon />}
        label={translate(`wasl.language.${next}`)}
        onClick={() => setLocale(next)}
        sx={{ color: "inherit", borderColor: "rgba(255,255,255,0.6)" }}
        variant="outlined"
        lang={next}
      />
    </Tooltip>
  );
}

/** "Who am I": name, e-mail and roles, then sign-out. */
function WhoAmI() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!identity) return null;
  const roles = (identity.roles as string[] | undefined) ?? [];
  return (
    <>
      <MenuItem disabled sx={{ opacity: "1 !important", display: "block" }} data-testid="whoami">
        <Typography variant="caption" color="text.secondary">
          {translate("wasl.whoami.signed_in_as")}
        </Typography>
        <ListItemText primary={identity.fullName} secondary={String(identity.email ?? "")} />
        <Box sx={{ display: "flex", gap: 0.5, flexWrap: "wrap", mt: 0.5 }}>
          {roles.map((role) => (
            <Chip key={role} size="small" label={translate(`wasl.enums.role.${role}`)} />
          ))}
        </Box>
      </MenuItem>
      <Divider />
    </>
  );
}

/** The user's numeral system (providers/numerals.ts): Latin or Arabic-Indic digits. */
function NumeralsChoice() {
  const numerals = useNumerals();
  const translate = useTranslate();
  return (
    // Not a menu item: a group of two buttons of its own, reached with Tab.
    <Box sx={{ px: 2, py: 1 }}>
      <Typography variant="caption" color="text.secondary" id="numerals-label">
        {translate("wasl.numerals.label")}
      </Typography>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={numerals}
        onChange={(_event, value: unknown) => isNumerals(value) && setNumerals(value)}
        aria-labelledby="numerals-label"
        sx={{ display: "flex", mt: 0.5 }}
        data-testid="numerals-choice"
      >
        {numeralSystems.map((system) => (
          <ToggleButton key={system} value={system} sx={{ flex: 1 }} data-value={system}>
            {translate(`wasl.numerals.${system}`)}
            {/* A sample in its own digits: not through translate, which writes the current ones. */}
            <bdi dir="ltr" style={{ marginInlineStart: 6 }}>
              {system === "arab" ? "١٢٣" : "123"}
            </bdi>
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Box>
  );
}

function WaslUserMenu() {
  return (
    <UserMenu>
      <WhoAmI />
      <NumeralsChoice />
      <Divider />
      <Logout />
    </UserMenu>
  );
}

function WaslAppBar() {
  return (
    <AppBar
      userMenu={<WaslUserMenu />}
      toolbar={
        <>
          <Bell />
          <LiveIndicator />
          <LanguageSwitch />
        </>
      }
    >
      {/* The page's one h1: what the page is (its title in the app bar). */}
      <TitlePortal component="h1" />
    </AppBar>
  );
}

/**
 * react-admin's layout is as wide as its widest content (min-width: fit-content), and flex
 * items grow to their content by default (min-width: auto): a wide table or tab strip would
 * widen the whole page. The layout, its pages and their cards may shrink to the screen
 * instead, so what is wide scrolls within itself and the page never sideways.
 */
const fitTheScreen = {
  minWidth: 0,
  "& .RaLayout-content, & .RaLayout-contentWithSidebar > *": { minWidth: 0 },
  "& :is(.RaList-main, .RaShow-main, .RaEdit-main, .RaCreate-main)": { minWidth: 0 },
  "& :is(.RaList-content, .RaShow-card, .RaEdit-card, .RaCreate-card)": { minWidth: 0 },
} as const;

/**
 * Each page's document title is the page's own (a browser tab, history and a screen reader
 * tell pages apart): the title react-admin shows in the app bar, then the panel's name.
 */
function useDocumentTitle() {
  const translate = useTranslate();
  const appName = translate("wasl.app_name");
  useEffect(() => {
    const title = document.getElementById("react-admin-title");
    if (!title) return;
    const update = () => {
      const page = title.textContent?.trim();
      document.title = page ? `${page} — ${appName}` : appName;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(title, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [appName]);
}

/** The page's own title, and its required fields marked for assistive technology. */
function PageSemantics() {
  useDocumentTitle();
  useAriaRequired();
  return null;
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <LiveUpdatesProvider>
      <RaLayout appBar={WaslAppBar} menu={Menu} sx={fitTheScreen}>
        <PageSemantics />
        {children}
      </RaLayout>
    </LiveUpdatesProvider>
  );
}
