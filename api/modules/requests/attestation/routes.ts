// The attestation's HTTP route: the page a member opens from the link sent to them
// (links.ts), which signs through GraphQL with the link's token.
import { readFileSync } from "node:fs";
import { registerRoute } from "../../../http/routes.js";

registerRoute({
  path: "/attest",
  create: () => {
    const page = readFileSync(new URL("./sign-page.html", import.meta.url));
    return (req, res) => {
      if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(404).end();
      // The link carries a secret: no caching, no referrer.
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "referrer-policy": "no-referrer",
      });
      res.end(req.method === "HEAD" ? undefined : page);
    };
  },
});
