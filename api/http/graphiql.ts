// GraphiQL from our own origin: yoga's page loads its script, styles and Monaco's workers from
// public CDNs, a blank page on the air-gapped networks Wasl is built for. The same built assets
// ship in @graphql-yoga/render-graphiql (as strings); they are served here under /graphiql/
// and the page names only those paths.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GraphiQLOptions } from "graphql-yoga";
import type { Logger } from "../logger.js";
import { decodedPath } from "./request.js";

export const graphiqlAssetsPath = "/graphiql/";

/** What @graphql-yoga/render-graphiql/graphiql exports: the built files' contents. */
type BuiltGraphiQL = {
  js: string;
  css: string;
  favicon: string;
  editorWorkerService: string;
  jsonWorker: string;
  graphqlWorker: string;
};

type Asset = { body: Buffer; type: string; etag: string };

export type GraphiQLAssets = {
  /** The page; yoga calls it with the `graphiql` options. */
  render(options: GraphiQLOptions): Promise<string>;
  /** Answers GET/HEAD /graphiql/<file>: true when the request was for an asset path. */
  serve(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON inside a <script>: `</script>` or `<!--` in a value must not end or change the script. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

function asset(content: string | Buffer, type: string): Asset {
  const body = typeof content === "string" ? Buffer.from(content) : content;
  return { body, type, etag: `"${createHash("sha256").update(body).digest("base64url")}"` };
}

function assetsOf(built: BuiltGraphiQL): Map<string, Asset> {
  const javascript = "text/javascript; charset=utf-8";
  const favicon = built.favicon.match(/^data:([^;,]+);base64,(.*)$/s);
  return new Map([
    ["yoga-graphiql.js", asset(built.js, javascript)],
    ["graphiql.css", asset(built.css, "text/css; charset=utf-8")],
    ["editor.worker.js", asset(built.editorWorkerService, javascript)],
    ["json.worker.js", asset(built.jsonWorker, javascript)],
    ["graphql.worker.js", asset(built.graphqlWorker, javascript)],
    ...(favicon
      ? [["favicon.ico", asset(Buffer.from(favicon[2]!, "base64"), favicon[1]!)] as const]
      : []),
  ]);
}

/** yoga 5.24's own page (graphiql-html), with our paths instead of the CDN's. */
function page(options: GraphiQLOptions, files: Map<string, Asset>): string {
  const at = (file: string) => `${graphiqlAssetsPath}${file}`;
  const title = escapeHtml(options.title ?? "GraphiQL");
  const workers = {
    editorWorkerService: at("editor.worker.js"),
    json: at("json.worker.js"),
    graphql: at("graphql.worker.js"),
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
${files.has("favicon.ico") ? `<link rel="icon" href="${at("favicon.ico")}">` : ""}
<link rel="stylesheet" href="${at("graphiql.css")}"></head>
<body id="body" class="no-focus-outline"><noscript>You need to enable JavaScript to run this app.</noscript>
<div id="root">${title}</div>
<script>
const workerUrls = ${scriptJson(workers)};
const workers = {};
// Monaco starts its workers from blob URLs, as yoga's page does; the sources come from here.
const prepareWorkers = () => Promise.all(Object.entries(workerUrls).map(async ([label, url]) => {
  const source = await (await fetch(url)).text();
  workers[label] = URL.createObjectURL(new Blob([source], { type: "application/javascript" }));
}));
self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_id, label) => workers[label] };
</script>
<script src="${at("yoga-graphiql.js")}"></script>
<script>prepareWorkers().finally(() => YogaGraphiQL.renderYogaGraphiQL(document.getElementById("root"), ${scriptJson(options)}));</script>
</body></html>`;
}

/** Without the assets package: a page that says what to install, rather than a blank one. */
function missingPage(options: GraphiQLOptions): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(options.title ?? "GraphiQL")}</title></head>
<body><h1>GraphiQL is not installed</h1>
<p>Its files come from the npm package <code>@graphql-yoga/render-graphiql</code>, which this
installation lacks. The API itself works at this address (POST, see the README).</p></body></html>`;
}

/**
 * The built GraphiQL from @graphql-yoga/render-graphiql when it is installed, loaded when
 * GraphiQL is first opened: its files are ~50 MB in memory that a server nobody browses
 * need not hold. The specifier is a variable so that the server still builds and runs
 * without that package (GraphiQL then says what to install).
 */
export function loadGraphiQL(log: Logger): GraphiQLAssets {
  const specifier = "@graphql-yoga/render-graphiql/graphiql";
  let loading: Promise<Map<string, Asset> | undefined> | undefined;
  const files = () => {
    loading ??= import(specifier).then(
      (built: BuiltGraphiQL) => assetsOf(built),
      () => {
        log.warn(
          `GraphiQL's files are missing: install ${specifier.split("/").slice(0, 2).join("/")}`,
        );
        return undefined;
      },
    );
    return loading;
  };
  return {
    render: async (options) => {
      const loaded = await files();
      return loaded ? page(options, loaded) : missingPage(options);
    },
    async serve(req, res) {
      const path = decodedPath(req);
      if (!path.startsWith(graphiqlAssetsPath)) return false;
      const file = (await files())?.get(path.slice(graphiqlAssetsPath.length));
      if (!file || (req.method !== "GET" && req.method !== "HEAD")) {
        res.writeHead(file ? 405 : 404).end();
        return true;
      }
      const headers = {
        "content-type": file.type,
        etag: file.etag,
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
      };
      if (req.headers["if-none-match"] === file.etag) res.writeHead(304, headers).end();
      else
        res
          .writeHead(200, { ...headers, "content-length": String(file.body.length) })
          .end(req.method === "HEAD" ? undefined : file.body);
      return true;
    },
  };
}
