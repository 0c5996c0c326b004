// Files offered for download: how their name reaches the browser, and how stored files are sent.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** `attachment` with an ASCII fallback name and the real (e.g. Arabic) name per RFC 6266/5987. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Answers a stored file (a document, a letter's scan) as an attachment browsers may neither
 * sniff nor render inline. `onRead` runs before the bytes go out (the audit entry of the read),
 * never for a HEAD.
 */
export async function sendStoredFile(
  req: IncomingMessage,
  res: ServerResponse,
  stored: { stream: Readable; size: number },
  file: { contentType: string; fileName: string; sha256: string },
  onRead: () => Promise<unknown>,
): Promise<void> {
  res.writeHead(200, {
    "content-type": file.contentType,
    "content-length": String(stored.size),
    "content-disposition": attachmentDisposition(file.fileName),
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "cache-control": "private, no-store",
    etag: `"${file.sha256}"`,
  });
  if (req.method === "HEAD") {
    stored.stream.destroy();
    return void res.end();
  }
  await onRead();
  await pipeline(stored.stream, res);
}
