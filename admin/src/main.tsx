// The first page is light (issue 13, item 4): the sign-in page is plain React with a few MUI
// pieces; react-admin, Apollo and every screen (App.tsx) load only once the user is signed
// in. A signed-in user opening any page goes straight to the panel.
import "@fontsource/ibm-plex-sans-arabic/400.css";
import "@fontsource/ibm-plex-sans-arabic/500.css";
import "@fontsource/ibm-plex-sans-arabic/700.css";
import CssBaseline from "@mui/material/CssBaseline";
import { createTheme, ThemeProvider } from "@mui/material/styles";
import { StrictMode, useMemo, useSyncExternalStore } from "react";
import { createRoot } from "react-dom/client";
import { brandComponents, brandTheme } from "./layout/brand.js";
import { DirectionProvider } from "./layout/DirectionProvider.js";
import { SignInForm } from "./layout/SignInForm.js";
import { chooseLocale, directionOf, getLocale, subscribeLocale } from "./providers/locale.js";
import { fetchViewer, handOver, signIn } from "./providers/session.js";

const signInPath = "#/login";

async function startPanel(root: ReturnType<typeof createRoot>) {
  const { App } = await import("./App.js");
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

function SignInPage({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const locale = useSyncExternalStore(subscribeLocale, getLocale, getLocale);
  const direction = directionOf(locale);
  const theme = useMemo(
    () => createTheme({ ...brandTheme(direction), components: brandComponents(direction) }),
    [direction],
  );
  return (
    <DirectionProvider>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <SignInForm
          locale={locale}
          onLocale={chooseLocale}
          submit={async (email, password) => {
            await signIn(email, password);
            await onSignedIn();
          }}
        />
      </ThemeProvider>
    </DirectionProvider>
  );
}

async function start(element: HTMLElement) {
  const root = createRoot(element);
  // Where the user was going: back there once signed in.
  let destination = "#/";
  if (!window.location.hash.startsWith(signInPath)) {
    const viewer = await fetchViewer();
    if (viewer) {
      handOver(viewer);
      return startPanel(root);
    }
    destination = window.location.hash || destination;
    window.history.replaceState(null, "", signInPath);
  }
  root.render(
    <StrictMode>
      <SignInPage
        onSignedIn={() => {
          window.history.replaceState(null, "", destination);
          return startPanel(root);
        }}
      />
    </StrictMode>,
  );
}

const element = document.getElementById("root");
if (element) void start(element);
