// The sign-in form, in plain React and a few MUI pieces (no react-admin, no Apollo) so the
// first page a user opens stays light (main.tsx); the panel shows the same form after a
// sign-out (LoginPage.tsx). Its words come from i18n/signIn.ts, its call from the caller.
import LanguageIcon from "@mui/icons-material/Translate";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import CircularProgress from "@mui/material/CircularProgress";
import FormControl from "@mui/material/FormControl";
import InputLabel from "@mui/material/InputLabel";
import OutlinedInput from "@mui/material/OutlinedInput";
import Typography from "@mui/material/Typography";
import { type FormEvent, useEffect, useId, useState } from "react";
import { signInMessages } from "../i18n/signIn.js";
import type { Locale } from "../providers/locale.js";

export type SignInFormProps = {
  locale: Locale;
  onLocale: (locale: Locale) => void;
  /** Signs in; an Error's message (the API's, translated) is shown, or "sign-in failed". */
  submit: (email: string, password: string) => Promise<void>;
};

/** The page shows only 400 and 700 weights: the 500 font files wait for the panel. */
const bold = { fontWeight: 700 } as const;

function Field({
  name,
  type,
  label,
  value,
  onChange,
  autoComplete,
  autoFocus = false,
}: {
  name: string;
  type: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: string;
  autoFocus?: boolean;
}) {
  const id = useId();
  return (
    <FormControl variant="outlined" required fullWidth>
      <InputLabel htmlFor={id}>{label}</InputLabel>
      <OutlinedInput
        id={id}
        name={name}
        type={type}
        label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        inputProps={{ dir: "ltr" }}
      />
    </FormControl>
  );
}

export function SignInForm({ locale, onLocale, submit }: SignInFormProps) {
  const texts = signInMessages[locale];
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next: Locale = locale === "ar" ? "en" : "ar";

  useEffect(() => {
    document.title = texts.login.title;
  }, [texts]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await submit(email, password);
    } catch (e) {
      setError((e as Error).message || texts.login.failed);
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: "100vh",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        padding: 16,
      }}
    >
      <Card sx={{ width: "100%", maxWidth: 420 }}>
        <CardContent sx={{ p: 4 }}>
          <div
            style={{
              display: "flex",
              justifyContent: "space-between",
              alignItems: "center",
              marginBottom: 16,
            }}
          >
            <Typography variant="h4" component="p" color="primary" sx={bold}>
              {texts.app_name}
            </Typography>
            <Button
              size="small"
              startIcon={<LanguageIcon />}
              onClick={() => onLocale(next)}
              lang={next}
              data-testid="language-switch"
              sx={{ fontWeight: 400 }}
            >
              {texts.language[next]}
            </Button>
          </div>
          <Typography variant="h5" component="h1">
            {texts.login.title}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
            {texts.login.subtitle}
          </Typography>
          <form onSubmit={onSubmit} noValidate style={{ display: "grid", gap: 16 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <Field
              name="email"
              type="email"
              label={texts.login.email}
              value={email}
              onChange={setEmail}
              autoComplete="username"
              autoFocus
            />
            <Field
              name="password"
              type="password"
              label={texts.login.password}
              value={password}
              onChange={setPassword}
              autoComplete="current-password"
            />
            <Button
              type="submit"
              variant="contained"
              size="large"
              disabled={busy || !email || !password}
              sx={bold}
            >
              {busy ? <CircularProgress size={22} color="inherit" /> : texts.login.submit}
            </Button>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
