// HTTP routes beside /graphql that a module owns (the members' CSV export, a document's
// download, the member's signing page): each module registers its own from its folder, and
// server.ts mounts them all behind its one error wrapper (`answerEveryFailure`).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Services } from "../auth/context.js";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export type Route = {
  /** The exact path (`/export/members.csv`), or a prefix when it ends with `/`. */
  path: string;
  /** Builds the handler once, when the server starts, with the server's services. */
  create(services: Services): RouteHandler;
};

const routes: Route[] = [];

/** Adds a module's route; two modules claiming the same path is a mistake, refused at once. */
export function registerRoute(route: Route): void {
  if (routes.some((r) => r.path === route.path))
    throw new Error(`HTTP route registered twice: ${route.path}`);
  routes.push(route);
}

/** Every registered route's handler, found by the request's path (undefined: none). */
export function mountRoutes(services: Services): (path: string) => RouteHandler | undefined {
  const mounted = routes.map((route) => ({
    path: route.path,
    prefix: route.path.endsWith("/"),
    handle: route.create(services),
  }));
  return (path) =>
    mounted.find((r) => (r.prefix ? path.startsWith(r.path) : path === r.path))?.handle;
}

/** A file read once when the server starts, answered to GET and HEAD with these headers. */
function fileRoute(
  path: string,
  file: URL,
  headers: (body: Buffer) => Record<string, string>,
): void {
  registerRoute({
    path,
    create: () => {
      const body = readFileSync(file);
      const head = headers(body);
      return (req, res) => {
        if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(404).end();
        res.writeHead(200, head);
        res.end(req.method === "HEAD" ? undefined : body);
      };
    },
  });
}

// What every member page shares (its requests to /graphql, its status line, its language
// switch, its look), served once for them all; no secret in them, so caches may keep them.
for (const [name, type] of [
  ["member-page.js", "text/javascript; charset=utf-8"],
  ["member-page.css", "text/css; charset=utf-8"],
] as const)
  fileRoute(`/${name}`, new URL(`./member-page/${name}`, import.meta.url), () => ({
    "content-type": type,
    "cache-control": "no-cache",
    "x-content-type-options": "nosniff",
  }));

/** The CSP source of an inline block: its SHA-256, so that no other inline code runs. */
function hashes(page: string, tag: "script" | "style"): string {
  return [...page.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, "g"))]
    .flatMap((m) => (m[1] ? [m[1]] : []))
    .map((text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`)
    .join(" ");
}

/**
 * A page a member opens from a link sent to them (the attestation's signing page, a
 * survey): one static file, whose module script imports /member-page.js and reads the token
 * from the URL's fragment. The link carries a secret: the answer is never cached and sends no
 * referrer. Its policy runs only its own inline script and style (by their hashes) and the
 * shared files, and lets it talk to this server alone.
 */
export function registerMemberPage(path: string, file: URL): void {
  fileRoute(path, file, (body) => {
    const page = body.toString("utf8");
    return {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "content-security-policy": [
        "default-src 'none'",
        `script-src 'self' ${hashes(page, "script")}`,
        `style-src 'self' ${hashes(page, "style")}`,
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ].join("; "),
    };
  });
}
