// What an uploaded file really is, read from its first bytes. The declared type and the file
// name are the sender's claims; only the magic bytes decide what is stored and served.

export const allowedContentTypes = ["application/pdf", "image/jpeg", "image/png"] as const;
export type AllowedContentType = (typeof allowedContentTypes)[number];

const extensions: Record<AllowedContentType, readonly string[]> = {
  "application/pdf": [".pdf"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/png": [".png"],
};

/** The file extension a stored document of this type is given when its name has none. */
export function defaultExtension(type: AllowedContentType): string {
  return extensions[type][0]!;
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.length <= bytes.length && signature.every((b, i) => bytes[i] === b);
}

/**
 * The type the content is, or null when it is none of the allowed ones. PDF must start with
 * `%PDF-` at byte 0: readers tolerate leading junk, but accepting it lets a polyglot (an HTML
 * or script file with a PDF header further in) through.
 */
export function sniffContentType(bytes: Uint8Array): AllowedContentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  if (startsWith(bytes, pngSignature)) return "image/png";
  // SOI marker followed by the start of another marker segment.
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  return null;
}

/** The allowed type a MIME type names (parameters and case ignored; image/jpg tolerated). */
export function normaliseContentType(declared: string): AllowedContentType | null {
  const type = declared.split(";")[0]!.trim().toLowerCase();
  if (type === "image/jpg" || type === "image/pjpeg") return "image/jpeg";
  return (allowedContentTypes as readonly string[]).includes(type)
    ? (type as AllowedContentType)
    : null;
}

/** The allowed type a file name's extension names, or null. */
export function contentTypeOfName(fileName: string): AllowedContentType | null {
  const lower = fileName.toLowerCase();
  for (const type of allowedContentTypes) {
    if (extensions[type].some((ext) => lower.endsWith(ext))) return type;
  }
  return null;
}

/** Whether the name has an extension at all (a dot followed by 1–8 letters or digits). */
export function hasExtension(fileName: string): boolean {
  return /\.[a-z0-9]{1,8}$/i.test(fileName);
}

const maxNameLength = 150;

/**
 * A file name safe to store and to put in a Content-Disposition header: no directories, no
 * control or reserved characters, no leading dots, at most 150 characters with the extension
 * kept; Arabic letters stay. Falls back to `document.<ext>`.
 */
export function sanitiseFileName(name: string, type: AllowedContentType): string {
  const base = name.normalize("NFC").split(/[/\\]/).pop() ?? "";
  let clean = base
    // Control characters, bidi overrides (which can disguise an extension) and reserved ones.
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, "")
    .replace(/[<>:"|?*;%]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  if (!contentTypeOfName(clean)) {
    clean = `${clean || "document"}${defaultExtension(type)}`;
  }
  if (clean.length > maxNameLength) {
    const dot = clean.lastIndexOf(".");
    const ext = clean.slice(dot);
    clean = clean.slice(0, maxNameLength - ext.length).trimEnd() + ext;
  }
  return clean.startsWith(".") ? `document${clean}` : clean;
}
