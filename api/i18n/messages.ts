// The message machinery and the core's own messages, in Arabic (default) and English. Each
// module keeps its catalogue in its own folder and registers it (`registerMessages`), adding
// its keys to `MessageCatalogue` by declaration merging, so that `translate` knows every key.
// A test checks that both languages have the same keys, over every registered catalogue.

import { type CountNoun, countOf } from "../../contract/plural.js";

export type Locale = "ar" | "en";
/**
 * A parameter shown in the caller's language: the message of each key (e.g. a state's or an
 * action's label), listed. A key without a message shows as the key's last part.
 */
export type Translated = { translate: readonly string[] };
/** A moment, shown in the caller's language on Riyadh's clock (Gregorian). */
export type LocalTime = { time: Date };
/**
 * A count of something, written with the noun in the plural form the number takes
 * (contract/plural.ts): «11 عضواً», «عضوان», "2 members", never «11 عضو».
 */
export type Counted = { counted: CountNoun; n: number };
export type MessageParams = Record<string, string | number | Translated | LocalTime | Counted>;

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
  "errors.pageSizeRequired": "حدّد عدد السجلات المطلوبة (first أو last) بحد أقصى {max}.",
  "errors.pageSizeTooLarge": "الحد الأقصى للصفحة {max} سجلاً.",
  "errors.pageSizeTooSmall": "اطلب سجلاً واحداً على الأقل في الصفحة ({field} من 1 إلى {max}).",
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
  "validation.emailInvalid": "البريد الإلكتروني غير صحيح.",
  "validation.outOfRange": "قيمة «{field}» خارج النطاق المسموح ({min} – {max}).",
  "fields.email": "البريد الإلكتروني",
  // Titles and texts in both languages: articles, surveys, templates name them alike.
  "fields.titleAr": "العنوان بالعربية",
  "fields.titleEn": "العنوان بالإنجليزية",
  "fields.bodyAr": "النص بالعربية",
  "fields.bodyEn": "النص بالإنجليزية",
} as const;

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
  "errors.pageSizeRequired": "Say how many records you want (first or last), at most {max}.",
  "errors.pageSizeTooLarge": "A page holds at most {max} records.",
  "errors.pageSizeTooSmall": "Ask for at least one record ({field} from 1 to {max}).",
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
  "validation.emailInvalid": "The e-mail address is not valid.",
  "validation.outOfRange": "“{field}” is out of range ({min} – {max}).",
  "fields.email": "E-mail",
  "fields.titleAr": "Arabic title",
  "fields.titleEn": "English title",
  "fields.bodyAr": "Arabic text",
  "fields.bodyEn": "English text",
};

/**
 * Every message key. Core's are listed here; a module adds its own from its catalogue file:
 * `declare module "…/i18n/messages.js" { interface MessageCatalogue extends Keys<typeof ar> {} }`.
 */
export interface MessageCatalogue extends Keys<typeof coreAr> {}

/** The keys of a catalogue, as `MessageCatalogue` lists them. */
export type Keys<Catalogue> = Record<keyof Catalogue, string>;

export type MessageKey = keyof MessageCatalogue;

const catalogues: Record<Locale, Record<string, string>> = { ar: { ...coreAr }, en: { ...coreEn } };

/**
 * Every registered message, by language. Typed as complete: the modules' catalogues are
 * registered when the schema's module list loads, before any message is read.
 */
export const messages = catalogues as unknown as Record<Locale, Readonly<MessageCatalogue>>;

/**
 * Adds a module's catalogue. The English one must have exactly the Arabic one's keys (the
 * type says so); a key another catalogue already has is refused, so that no module silently
 * replaces another's message.
 */
export function registerMessages<Catalogue extends Record<string, string>>(
  ar: Catalogue,
  en: Keys<Catalogue>,
): void {
  for (const key of Object.keys(ar))
    if (key in catalogues.ar) throw new Error(`message key registered twice: ${key}`);
  Object.assign(catalogues.ar, ar);
  Object.assign(catalogues.en, en);
}

/** The message in the locale, with `{param}` filled; a `field` param is itself translated. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const catalogue = catalogues[locale];
  // A key whose module is not loaded shows as itself rather than failing the whole answer.
  return (catalogue[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    if (typeof value === "object" && "time" in value) return timeFormats[locale].format(value.time);
    if (typeof value === "object" && "counted" in value)
      return countOf(value.counted, value.n, locale);
    if (typeof value === "object") {
      const labels = value.translate.map((key) => catalogue[key] ?? key.split(".").pop());
      return labels.join(locale === "ar" ? "، " : ", ");
    }
    if (name === "field") return catalogue[`fields.${value}`] ?? String(value);
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
