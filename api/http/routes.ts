// HTTP routes beside /graphql that a module owns (the members' CSV export, a document's
// download, the member's signing page): each module registers its own from its folder, and
// server.ts mounts them all behind its one error wrapper (`answerEveryFailure`).
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

/**
 * A page a member opens from a link sent to them (the attestation's signing page, a
 * survey): one static file, whose script reads the token from the URL's fragment. The link
 * carries a secret: the answer is never cached and sends no referrer.
 */
export function registerMemberPage(path: string, file: URL): void {
  registerRoute({
    path,
    create: () => {
      const page = readFileSync(file);
      return (req, res) => {
        if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(404).end();
        res.writeHead(200, {
          "content-type": "text/html; charset=utf-8",
          "cache-control": "no-store",
          "referrer-policy": "no-referrer",
        });
        res.end(req.method === "HEAD" ? undefined : page);
      };
    },
  });
}
