// Highlights: where a search's words occur in an article's own text (not its normalised
// form), as segments the panel and the public page mark. A word matches at the start of a
// word of the text (the search is by prefix), ignoring hamza forms, diacritics and case.
import { markdownToText } from "../../../contract/markdown.js";
import { foldWithOffsets, searchWords } from "../../shared/arabic.js";

export type Segment = { text: string; match: boolean };

/** The [start, end) ranges of `text` that the search's words match, merged and in order. */
function matchedRanges(text: string, words: string[]): [number, number][] {
  const { folded, offsets } = foldWithOffsets(text);
  const ranges: [number, number][] = [];
  for (const word of words) {
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
      if (at > 0 && /[\p{L}\p{N}]/u.test(folded[at - 1]!)) continue;
      const last = at + word.length - 1;
      // The end takes in the marks after the last letter matched (they fold to nothing).
      const end = last + 1 < offsets.length ? offsets[last + 1]! : text.length;
      ranges.push([offsets[at]!, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const previous = merged.at(-1);
    if (previous && range[0] <= previous[1]) previous[1] = Math.max(previous[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

function segments(text: string, ranges: [number, number][]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) out.push({ text: text.slice(at, start), match: false });
    out.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), match: false });
  return out;
}

/** The whole text, its matches marked. */
export function highlight(text: string, search: string): Segment[] {
  const nfc = text.normalize("NFC");
  return segments(nfc, matchedRanges(nfc, searchWords(search)));
}

/**
 * A passage of a Markdown body around its first match (about `length` characters, cut at
 * spaces), its matches marked; the body's start when nothing in it matches.
 */
export function snippet(markdown: string, search: string, length = 180): Segment[] {
  const text = markdownToText(markdown).normalize("NFC");
  const ranges = matchedRanges(text, searchWords(search));
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(length / 3));
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  let end = Math.min(text.length, start + length);
  if (end < text.length)
    end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
  const inside = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): [number, number] => [s - start, e - start]);
  const passage = segments(text.slice(start, end), inside);
  if (start > 0) passage.unshift({ text: "…", match: false });
  if (end < text.length) passage.push({ text: "…", match: false });
  return passage;
}
