// Counts in words, with each language's plural forms chosen by Intl.PluralRules (CLDR):
// Arabic has six (zero, one, two, few 3–10, many 11–99, other 100…), English two. «13 يوماً»,
// «8 أيام», «يومان», never «13 يوم». Numbers are written in Latin digits, as Saudi
// government services write them, unless the panel's user chose Arabic-Indic ones. Shared
// by the panel and the API (plain data, no imports).

export type CountLocale = "ar" | "en";
type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The counted nouns; `{n}` is the number. */
export const countNouns = {
  days: {
    ar: {
      zero: "{n} يوم",
      one: "يوم واحد",
      two: "يومان",
      few: "{n} أيام",
      many: "{n} يوماً",
      other: "{n} يوم",
    },
    en: { one: "{n} day", other: "{n} days" },
  },
  members: {
    ar: {
      zero: "{n} عضو",
      one: "عضو واحد",
      two: "عضوان",
      few: "{n} أعضاء",
      many: "{n} عضواً",
      other: "{n} عضو",
    },
    en: { one: "{n} member", other: "{n} members" },
  },
  requests: {
    ar: {
      zero: "{n} طلب",
      one: "طلب واحد",
      two: "طلبان",
      few: "{n} طلبات",
      many: "{n} طلباً",
      other: "{n} طلب",
    },
    en: { one: "{n} request", other: "{n} requests" },
  },
  documents: {
    ar: {
      zero: "{n} مستند",
      one: "مستند واحد",
      two: "مستندان",
      few: "{n} مستندات",
      many: "{n} مستنداً",
      other: "{n} مستند",
    },
    en: { one: "{n} document", other: "{n} documents" },
  },
  messages: {
    ar: {
      zero: "{n} رسالة",
      one: "رسالة واحدة",
      two: "رسالتان",
      few: "{n} رسائل",
      many: "{n} رسالةً",
      other: "{n} رسالة",
    },
    en: { one: "{n} message", other: "{n} messages" },
  },
} as const satisfies Record<string, Record<CountLocale, Forms>>;

export type CountNoun = keyof typeof countNouns;

const rules = new Map<CountLocale, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/** «13 يوماً», «8 أيام», "1 day": the count with its noun in the plural form it takes. */
export function countOf(
  noun: CountNoun,
  n: number,
  locale: CountLocale = "ar",
  numerals: "latn" | "arab" = "latn",
): string {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  const tag = `${locale}-u-nu-${numerals}`;
  let number = numbers.get(tag);
  if (!number) {
    number = new Intl.NumberFormat(tag, { maximumFractionDigits: 1, useGrouping: false });
    numbers.set(tag, number);
  }
  const forms: Forms = countNouns[noun][locale];
  const form = forms[rule.select(n)] ?? forms.other;
  return form.replace("{n}", number.format(n));
}
