// Arabic text as people type it varies in hamza forms, ta marbuta, alif maqsura, diacritics
// and tatweel. Search compares a normalised form of both the stored text and the query.

const diacritics = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g; // harakat, Quranic marks, tatweel
const letterFolds: Record<string, string> = {
  أ: "ا",
  إ: "ا",
  آ: "ا",
  ٱ: "ا",
  ة: "ه",
  ى: "ي",
  ؤ: "و",
  ئ: "ي",
};
const foldable = new RegExp(`[${Object.keys(letterFolds).join("")}]`, "g");
const arabicDigits = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Arabic-Indic and Persian digits to ASCII digits. */
export function toAsciiDigits(text: string): string {
  return text.replace(arabicDigits, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** The searchable form of Arabic (and Latin) text: folded letters, no marks, lower case. */
export function normaliseArabic(text: string): string {
  return toAsciiDigits(text.normalize("NFC"))
    .replace(diacritics, "")
    .replace(foldable, (letter) => letterFolds[letter] ?? letter)
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
