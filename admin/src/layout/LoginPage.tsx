import LanguageIcon from "@mui/icons-material/Translate";
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  TextField,
  Typography,
} from "@mui/material";
import { type FormEvent, useState } from "react";
import { useLocaleState, useLogin, useTranslate } from "react-admin";

export function LoginPage() {
  const translate = useTranslate();
  const login = useLogin();
  const [locale, setLocale] = useLocaleState();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login({ email, password });
    } catch (e) {
      setError((e as Error).message || translate("wasl.login.failed"));
      setBusy(false);
    }
  };
  const next = locale === "ar" ? "en" : "ar";

  return (
    <Box
      sx={{
        minHeight: "100vh",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        bgcolor: "background.default",
        p: 2,
      }}
    >
      <Card sx={{ width: "100%", maxWidth: 420 }}>
        <CardContent sx={{ p: 4 }}>
          <Box
            sx={{ display: "flex", justifyContent: "space-between", alignItems: "center", mb: 2 }}
          >
            <Typography variant="h4" component="p" color="primary" sx={{ fontWeight: 700 }}>
              {translate("wasl.app_name")}
            </Typography>
            <Button
              size="small"
              startIcon={<LanguageIcon />}
              onClick={() => setLocale(next)}
              lang={next}
              data-testid="language-switch"
            >
              {translate(`wasl.language.${next}`)}
            </Button>
          </Box>
          <Typography variant="h5" component="h1">
            {translate("wasl.login.title")}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
            {translate("wasl.login.subtitle")}
          </Typography>
          <Box component="form" onSubmit={submit} noValidate sx={{ display: "grid", gap: 2 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <TextField
              name="email"
              type="email"
              label={translate("wasl.login.email")}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="username"
              autoFocus
              required
              slotProps={{ htmlInput: { dir: "ltr" } }}
            />
            <TextField
              name="password"
              type="password"
              label={translate("wasl.login.password")}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              required
              slotProps={{ htmlInput: { dir: "ltr" } }}
            />
            <Button
              type="submit"
              variant="contained"
              size="large"
              disabled={busy || !email || !password}
            >
              {busy ? (
                <CircularProgress size={22} color="inherit" />
              ) : (
                translate("wasl.login.submit")
              )}
            </Button>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
