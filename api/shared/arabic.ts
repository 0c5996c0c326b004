// Arabic text as people type it varies in hamza forms, ta marbuta, alif maqsura, diacritics
// and tatweel. Search compares a normalised form of both the stored text and the query.

const diacritics = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/; // harakat, Quranic marks, tatweel
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
const arabicDigits = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Arabic-Indic and Persian digits to ASCII digits. */
export function toAsciiDigits(text: string): string {
  return text.replace(arabicDigits, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** One character's searchable form: "" for a mark, the folded letter, lower case. */
function foldCharacter(character: string): string {
  if (diacritics.test(character)) return "";
  return toAsciiDigits(letterFolds[character] ?? character).toLowerCase();
}

/** The searchable form of Arabic (and Latin) text: folded letters, no marks, lower case. */
export function normaliseArabic(text: string): string {
  let folded = "";
  for (const character of text.normalize("NFC")) folded += foldCharacter(character);
  return folded.replace(/\s+/g, " ").trim();
}

/**
 * The words of a text as full-text search indexes and queries them: normalised, and split
 * on anything that is neither a letter nor a digit (Arabic punctuation «،؛؟» included).
 */
export function searchWords(text: string): string[] {
  return normaliseArabic(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The normalised text (not trimmed nor with spaces collapsed) and, for each of its
 * characters, where it came from in `text` (already NFC): to mark in the original what
 * matched in the normalised form.
 */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  let folded = "";
  const offsets: number[] = [];
  let index = 0;
  for (const character of text) {
    for (const unit of foldCharacter(character)) {
      folded += unit;
      offsets.push(index);
    }
    index += character.length;
  }
  return { folded, offsets };
}
