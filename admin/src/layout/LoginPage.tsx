// The panel's sign-in page (after a sign-out or an expired session): the light page's form,
// signing in through react-admin so it returns where the user was, in react-admin's locale.
import { useLocaleState, useLogin } from "react-admin";
import { isLocale } from "../providers/locale.js";
import { SignInForm } from "./SignInForm.js";

export function LoginPage() {
  const login = useLogin();
  const [locale, setLocale] = useLocaleState();
  return (
    <SignInForm
      locale={isLocale(locale) ? locale : "ar"}
      onLocale={setLocale}
      submit={(email, password) => login({ email, password })}
    />
  );
}
