// Messages of the users module (sign-in, accounts), Arabic and English.
import { type Keys, registerMessages } from "../../i18n/messages.js";

export const userMessagesAr = {
  "errors.invalidCredentials": "البريد الإلكتروني أو كلمة المرور غير صحيحة، أو أن الحساب موقوف.",
  "errors.tooManyAttempts": "محاولات دخول كثيرة. أعد المحاولة بعد {minutes} دقيقة.",
  "errors.tooManyAttemptsSeconds": "محاولات دخول كثيرة. أعد المحاولة بعد {seconds} ثانية.",
  "validation.emailTaken": "البريد الإلكتروني مستخدم لحساب آخر.",
  "validation.passwordTooShort": "كلمة المرور يجب ألا تقل عن {min} أحرف.",
  "validation.rolesRequired": "اختر دوراً واحداً على الأقل.",
  "validation.cannotChangeOwnAccess": "لا يمكنك إيقاف حسابك أو إزالة صلاحية المدير عن نفسك.",
  "fields.password": "كلمة المرور",
  "fields.fullName": "الاسم الكامل",
  "fields.roles": "الأدوار",
  "entities.User": "المستخدم",
} as const;

export const userMessagesEn: Keys<typeof userMessagesAr> = {
  "errors.invalidCredentials": "Wrong e-mail or password, or the account is disabled.",
  "errors.tooManyAttempts": "Too many sign-in attempts. Try again in {minutes} minutes.",
  "errors.tooManyAttemptsSeconds": "Too many sign-in attempts. Try again in {seconds} seconds.",
  "validation.emailTaken": "This e-mail address is used by another account.",
  "validation.passwordTooShort": "The password must be at least {min} characters.",
  "validation.rolesRequired": "Choose at least one role.",
  "validation.cannotChangeOwnAccess":
    "You cannot disable your own account or remove your own admin role.",
  "fields.password": "Password",
  "fields.fullName": "Full name",
  "fields.roles": "Roles",
  "entities.User": "user",
};

declare module "../../i18n/messages.js" {
  interface MessageCatalogue extends Keys<typeof userMessagesAr> {}
}

registerMessages(userMessagesAr, userMessagesEn);
