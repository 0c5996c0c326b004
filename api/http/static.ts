// Serves the built panel (admin/dist) at `/`, with the SPA's index.html for client routes.
// Before the panel is built, a placeholder page says where the API is.
import { createReadStream, existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { decodedPath } from "./request.js";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".map": "application/json",
};

const placeholder = `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>وصل — خدمات الأعضاء</title>
<style>body{font-family:system-ui,"Noto Naskh Arabic",sans-serif;max-width:44rem;margin:4rem auto;padding:0 1rem;line-height:1.8;color:#1f2933}
code{background:#f1f5f9;padding:.1rem .3rem;border-radius:4px}a{color:#0b6e4f}</style></head>
<body><h1>وصل</h1>
<p>منصة خدمات أعضاء الجمعية تعمل. لوحة الموظفين قيد الإعداد؛ الواجهة البرمجية متاحة الآن.</p>
<ul><li><a href="/graphql">GraphiQL — استكشاف الواجهة البرمجية</a></li><li><a href="/health">حالة الخدمة</a></li></ul>
<hr><p dir="ltr" lang="en">Wasl is running. The staff panel is coming; the GraphQL API is at <a href="/graphql">/graphql</a>.</p>
</body></html>`;

/** Types the build keeps Brotli and gzip copies of (scripts/build-admin.mjs). */
const compressible = new Set([".html", ".js", ".css", ".json", ".svg"]);

/** Whether the client's Accept-Encoding admits this coding (listed, and not with q=0). */
function accepts(header: string, coding: string): boolean {
  return header.split(",").some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (name !== coding) return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** The pre-compressed copy to send, if the client takes one and the build made it. */
function compressedCopy(req: IncomingMessage, file: string) {
  const header = String(req.headers["accept-encoding"] ?? "");
  for (const [coding, suffix] of [
    ["br", ".br"],
    ["gzip", ".gz"],
  ] as const) {
    if (accepts(header, coding) && existsSync(file + suffix))
      return { path: file + suffix, coding };
  }
  return null;
}

export function createStaticHandler(distDir: string) {
  const root = resolve(distDir);
  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Decoded first: a malformed path is a 400 whether or not the panel is built.
    const path = decodedPath(req);
    const index = join(root, "index.html");
    if (!existsSync(index)) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(placeholder);
      return;
    }
    const file = normalize(join(root, path));
    // root + sep: "/srv/dist-old/x" starts with "/srv/dist" but is not inside it.
    const target =
      file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile() ? file : index;
    const immutable = target !== index && path.startsWith("/assets/");
    const varies = compressible.has(extname(target));
    const copy = varies ? compressedCopy(req, target) : null;
    res.writeHead(200, {
      "content-type": types[extname(target)] ?? "application/octet-stream",
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      "x-content-type-options": "nosniff",
      // Caches keep one copy per coding the client accepts.
      ...(varies ? { vary: "Accept-Encoding" } : {}),
      ...(copy ? { "content-encoding": copy.coding } : {}),
    });
    if (req.method === "HEAD") return void res.end();
    // pipeline, not pipe: a read error rejects (answered by the caller) instead of an
    // unhandled 'error' event that would stop the process.
    await pipeline(createReadStream(copy?.path ?? target), res);
  };
}
