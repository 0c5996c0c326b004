// The sign-in page's words, apart from the panel's messages so the light sign-in page
// (main.tsx) carries only these; ar.ts and en.ts take them in under `wasl`.
import type { Locale } from "../providers/locale.js";

export const signInMessages = {
  ar: {
    app_name: "وصل",
    language: { label: "اللغة", ar: "العربية", en: "English" },
    login: {
      title: "تسجيل الدخول إلى وصل",
      subtitle: "لوحة موظفي الجمعية",
      email: "البريد الإلكتروني",
      password: "كلمة المرور",
      submit: "دخول",
      failed: "تعذّر تسجيل الدخول",
    },
  },
  en: {
    app_name: "Wasl",
    language: { label: "Language", ar: "العربية", en: "English" },
    login: {
      title: "Sign in to Wasl",
      subtitle: "The association's staff panel",
      email: "E-mail",
      password: "Password",
      submit: "Sign in",
      failed: "Sign-in failed",
    },
  },
} as const satisfies Record<Locale, unknown>;
