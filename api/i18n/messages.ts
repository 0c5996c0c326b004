import {
  communicationMessagesAr,
  communicationMessagesEn,
} from "../modules/communications/messages.js";
import {
  attestationMessagesAr,
  attestationMessagesEn,
} from "../modules/requests/attestation/messages.js";
import { documentMessagesAr, documentMessagesEn } from "../modules/requests/documents/messages.js";
import { requestMessagesAr, requestMessagesEn } from "../modules/requests/messages.js";
import { researchMessagesAr, researchMessagesEn } from "../modules/requests/research/messages.js";

// Every message a caller can read, in Arabic (default) and English. A test fails when a key
// exists in one language and not the other. Field names are translated under `fields.*`.

export type Locale = "ar" | "en";
/**
 * A parameter shown in the caller's language: the message of each key (e.g. a state's or an
 * action's label), listed. A key without a message shows as the key's last part.
 */
export type Translated = { translate: readonly string[] };
/** A moment, shown in the caller's language on Riyadh's clock (Gregorian). */
export type LocalTime = { time: Date };
export type MessageParams = Record<string, string | number | Translated | LocalTime>;

const timeFormats: Record<Locale, Intl.DateTimeFormat> = {
  ar: new Intl.DateTimeFormat("ar-SA-u-ca-gregory-nu-latn", {
    timeZone: "Asia/Riyadh",
    dateStyle: "medium",
    timeStyle: "short",
  }),
  en: new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Riyadh",
    dateStyle: "medium",
    timeStyle: "short",
  }),
};

const coreAr = {
  "errors.validationFailed": "تعذّر الحفظ: راجع الحقول المشار إليها ({count}).",
  "errors.notFound": "لم يُعثر على السجل المطلوب.",
  "errors.forbidden": "ليست لديك صلاحية لهذا الإجراء.",
  "errors.unauthenticated": "يلزم تسجيل الدخول أولاً.",
  "errors.conflict":
    "تغيّر هذا السجل منذ فتحته، فلم يُحفظ تعديلك. أعد تحميله لترى آخر نسخة ثم أعد المحاولة.",
  "errors.conflictByCaller":
    "عدّلتَ أنت هذا السجل من نافذة أو تبويب آخر ({at}) بعد أن فتحته هنا، فلم يُحفظ هذا التعديل. أعد تحميله لترى آخر نسخة ثم أعد المحاولة.",
  "errors.conflictByOther":
    "عدّل {by} هذا السجل ({at}) بعد أن فتحته، فلم يُحفظ تعديلك. أعد تحميله لترى آخر نسخة ثم أعد المحاولة.",
  "errors.invalidTransition":
    "لا يمكن «{attempted}» والحالة «{currentState}». المتاح من هذه الحالة: {allowed}.",
  "errors.invalidTransitionNone":
    "لا يمكن «{attempted}» والحالة «{currentState}»، ولا إجراء متاحاً من هذه الحالة.",
  "errors.invalidCredentials": "البريد الإلكتروني أو كلمة المرور غير صحيحة، أو أن الحساب موقوف.",
  "errors.tooManyAttempts": "محاولات دخول كثيرة. أعد المحاولة بعد {minutes} دقيقة.",
  "errors.tooManyAttemptsSeconds": "محاولات دخول كثيرة. أعد المحاولة بعد {seconds} ثانية.",
  "errors.pageSizeRequired": "حدّد عدد السجلات المطلوبة (first أو last) بحد أقصى {max}.",
  "errors.pageSizeTooLarge": "الحد الأقصى للصفحة {max} سجلاً.",
  "errors.badGlobalId": "المعرّف غير صالح.",
  "errors.queryTooDeep": "الاستعلام متداخل بمستويات أكثر من المسموح. قلّل مستويات التداخل.",
  "errors.tooManyAliases": "الاستعلام يستخدم أسماء بديلة (aliases) أكثر من المسموح.",
  "errors.queryTooCostly":
    "الاستعلام يطلب بيانات أكثر من المسموح في طلب واحد. اطلب صفحات أصغر أو قسّمه إلى عدة طلبات.",
  "errors.tooManyTokens": "نص الاستعلام أطول من المسموح.",
  "errors.tooManyDirectives": "الاستعلام يستخدم توجيهات (directives) أكثر من المسموح.",
  "errors.busy": "الخادم مشغول الآن بطلبات كثيرة، ولم يُحفظ شيء. أعد المحاولة بعد لحظات.",
  "validation.required": "حقل «{field}» مطلوب.",
  "validation.tooLong": "حقل «{field}» أطول من {max} حرفاً.",
  "validation.invalidText":
    "حقل «{field}» فيه محرف لا يمكن حفظه (محرف NUL أو محرف ناقص الترميز). احذفه وأعد المحاولة.",
  "validation.badGlobalId": "«{field}» ليس معرّفاً صالحاً لسجل في هذا النظام.",
  "validation.wrongIdType": "«{field}» معرّف لسجل من نوع آخر؛ المطلوب معرّف من النوع {expected}.",
  "validation.nationalIdInvalid":
    "رقم الهوية الوطنية أو الإقامة غير صحيح: يجب أن يتكون من 10 أرقام ويبدأ بـ 1 أو 2 ويتحقق رقم التحقق.",
  "validation.nationalIdTaken": "رقم الهوية الوطنية مسجّل لعضو آخر.",
  "validation.mobileInvalid": "رقم الجوال غير صحيح: يجب أن يكون جوالاً سعودياً يبدأ بـ 05.",
  "validation.mobileTaken": "رقم الجوال مسجّل لعضو آخر.",
  "validation.emailInvalid": "البريد الإلكتروني غير صحيح.",
  "validation.emailTaken": "البريد الإلكتروني مستخدم لحساب آخر.",
  "validation.consentRequired": "يلزم موافقة العضو على معالجة بياناته قبل تسجيله.",
  "validation.outOfRange": "قيمة «{field}» خارج النطاق المسموح ({min} – {max}).",
  "validation.birthDateInvalid": "تاريخ الميلاد يجب أن يكون في الماضي.",
  "validation.passwordTooShort": "كلمة المرور يجب ألا تقل عن {min} أحرف.",
  "validation.rolesRequired": "اختر دوراً واحداً على الأقل.",
  "validation.cannotChangeOwnAccess": "لا يمكنك إيقاف حسابك أو إزالة صلاحية المدير عن نفسك.",
  "fields.nationalId": "رقم الهوية",
  "fields.fullNameAr": "الاسم الكامل بالعربية",
  "fields.fullNameEn": "الاسم بالإنجليزية",
  "fields.mobile": "رقم الجوال",
  "fields.email": "البريد الإلكتروني",
  "fields.city": "المدينة",
  "fields.district": "الحي",
  "fields.familySize": "عدد أفراد الأسرة",
  "fields.monthlyIncome": "الدخل الشهري",
  "fields.birthDate": "تاريخ الميلاد",
  "fields.consentGiven": "الموافقة على معالجة البيانات",
  "fields.password": "كلمة المرور",
  "fields.fullName": "الاسم الكامل",
  "fields.roles": "الأدوار",
  "entities.Member": "العضو",
  "entities.User": "المستخدم",
} as const;

// Each module may keep its own catalogue; they are merged here into one key space.
const ar = {
  ...coreAr,
  ...requestMessagesAr,
  ...documentMessagesAr,
  ...attestationMessagesAr,
  ...researchMessagesAr,
  ...communicationMessagesAr,
} as const;

export type MessageKey = keyof typeof ar;

const coreEn: Record<keyof typeof coreAr, string> = {
  "errors.validationFailed": "Not saved: check the fields marked ({count}).",
  "errors.notFound": "The record was not found.",
  "errors.forbidden": "You do not have permission for this action.",
  "errors.unauthenticated": "Please sign in first.",
  "errors.conflict":
    "This record changed since you opened it, so your change was not saved. Reload it to see the latest version, then try again.",
  "errors.conflictByCaller":
    "You changed this record in another tab or window ({at}) after opening it here, so this change was not saved. Reload it to see the latest version, then try again.",
  "errors.conflictByOther":
    "{by} changed this record ({at}) after you opened it, so your change was not saved. Reload it to see the latest version, then try again.",
  "errors.invalidTransition":
    "Cannot “{attempted}” while the state is “{currentState}”. Possible from this state: {allowed}.",
  "errors.invalidTransitionNone":
    "Cannot “{attempted}” while the state is “{currentState}”; nothing more can be done from this state.",
  "errors.invalidCredentials": "Wrong e-mail or password, or the account is disabled.",
  "errors.tooManyAttempts": "Too many sign-in attempts. Try again in {minutes} minutes.",
  "errors.tooManyAttemptsSeconds": "Too many sign-in attempts. Try again in {seconds} seconds.",
  "errors.pageSizeRequired": "Say how many records you want (first or last), at most {max}.",
  "errors.pageSizeTooLarge": "A page holds at most {max} records.",
  "errors.badGlobalId": "The identifier is not valid.",
  "errors.queryTooDeep": "The query is nested too deeply. Reduce its nesting.",
  "errors.tooManyAliases": "The query uses too many aliases.",
  "errors.queryTooCostly":
    "The query asks for more data than one request may. Ask for smaller pages or split it into several requests.",
  "errors.tooManyTokens": "The query text is too long.",
  "errors.tooManyDirectives": "The query uses too many directives.",
  "errors.busy":
    "The server is busy with many requests and nothing was saved. Try again in a moment.",
  "validation.required": "“{field}” is required.",
  "validation.tooLong": "“{field}” is longer than {max} characters.",
  "validation.invalidText":
    "“{field}” contains a character that cannot be stored (a NUL byte or a broken character). Remove it and try again.",
  "validation.badGlobalId": "“{field}” is not a valid identifier of a record in this system.",
  "validation.wrongIdType":
    "“{field}” identifies a record of another kind; it must be the identifier of a {expected}.",
  "validation.nationalIdInvalid":
    "The national ID or iqama number is not valid: 10 digits, starting with 1 or 2, with a correct check digit.",
  "validation.nationalIdTaken": "This national ID is already registered to another member.",
  "validation.mobileInvalid": "The mobile number is not valid: a Saudi mobile starting with 05.",
  "validation.mobileTaken": "This mobile number is already registered to another member.",
  "validation.emailInvalid": "The e-mail address is not valid.",
  "validation.emailTaken": "This e-mail address is used by another account.",
  "validation.consentRequired":
    "The member must consent to the processing of their data before registration.",
  "validation.outOfRange": "“{field}” is out of range ({min} – {max}).",
  "validation.birthDateInvalid": "The birth date must be in the past.",
  "validation.passwordTooShort": "The password must be at least {min} characters.",
  "validation.rolesRequired": "Choose at least one role.",
  "validation.cannotChangeOwnAccess":
    "You cannot disable your own account or remove your own admin role.",
  "fields.nationalId": "National ID",
  "fields.fullNameAr": "Full name (Arabic)",
  "fields.fullNameEn": "Name (English)",
  "fields.mobile": "Mobile",
  "fields.email": "E-mail",
  "fields.city": "City",
  "fields.district": "District",
  "fields.familySize": "Family size",
  "fields.monthlyIncome": "Monthly income",
  "fields.birthDate": "Birth date",
  "fields.consentGiven": "Consent to data processing",
  "fields.password": "Password",
  "fields.fullName": "Full name",
  "fields.roles": "Roles",
  "entities.Member": "member",
  "entities.User": "user",
};

const en: Record<MessageKey, string> = {
  ...coreEn,
  ...requestMessagesEn,
  ...documentMessagesEn,
  ...attestationMessagesEn,
  ...researchMessagesEn,
  ...communicationMessagesEn,
};

export const messages: Record<Locale, Record<MessageKey, string>> = { ar, en };

/** The message in the locale, with `{param}` filled; a `field` param is itself translated. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return messages[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    if (typeof value === "object" && "time" in value) return timeFormats[locale].format(value.time);
    if (typeof value === "object") {
      const labels = value.translate.map(
        (key) => messages[locale][key as MessageKey] ?? key.split(".").pop(),
      );
      return labels.join(locale === "ar" ? "، " : ", ");
    }
    if (name === "field") {
      const fieldKey = `fields.${value}` as MessageKey;
      return messages[locale][fieldKey] ?? String(value);
    }
    return String(value);
  });
}

/** Arabic unless the caller's Accept-Language prefers English. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return "ar";
  const preferred = header
    .split(",")
    .map((part) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag.startsWith("ar") || entry.tag.startsWith("en"))
    .sort((a, b) => b.q - a.q)[0];
  return preferred?.tag.startsWith("en") ? "en" : "ar";
}
