// Composition root: one node:http server for GraphQL (HTTP and graphql-ws on the same
// path), the panel, and health; the database, pub/sub and logger are opened here.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExecutionArgs, ExecutionResult, GraphQLError } from "graphql";
import { CloseCode, type Context as WsContext } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { type WebSocket, WebSocketServer } from "ws";
import { resolveCaller } from "./auth/caller.js";
import { credentialsOf, type Services } from "./auth/context.js";
import type { Config } from "./config.js";
import { type Database, openDatabase } from "./db/client.js";
import { createDocumentDownloadHandler } from "./http/documents.js";
import { createMembersExportHandler } from "./http/export.js";
import { createStaticHandler } from "./http/static.js";
import { createLogger, type Logger } from "./logger.js";
import { SignInLimiter } from "./modules/users/sign-in-limiter.js";
import { createWaslPubSub } from "./pubsub.js";
import { createWaslYoga, type WaslYoga } from "./yoga.js";

const here = dirname(fileURLToPath(import.meta.url));
const adminDist = join(here, "../admin/dist");
const attestationSignPage = readFileSync(join(here, "modules/requests/attestation/sign-page.html"));

export type App = {
  yoga: WaslYoga;
  services: Services;
  database: Database;
  /** Listens on config.port (0 = any free port) and resolves with the base URL. */
  start(): Promise<string>;
  stop(): Promise<void>;
};

type Executable = {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
};

function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? "unknown";
}

function socketHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  return headers;
}

export async function buildApp(
  config: Config,
  options: { database?: Database; log?: Logger } = {},
): Promise<App> {
  const log = options.log ?? createLogger(config.logLevel);
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.databasePoolSize,
    }));
  const { pubsub, close: closePubSub } = await createWaslPubSub(config.redisUrl);
  const services: Services = {
    prisma: database.prisma,
    config,
    pubsub,
    log,
    signInLimiter: new SignInLimiter(),
  };
  const yoga = createWaslYoga(services);
  const serveStatic = createStaticHandler(adminDist);
  const exportMembers = createMembersExportHandler(services);
  const downloadDocument = createDocumentDownloadHandler(services);

  const server: Server = createServer(async (req, res) => {
    const started = process.hrtime.bigint();
    const requestId =
      (req.headers["x-request-id"] as string | undefined)?.slice(0, 100) || randomUUID();
    req.headers["x-request-id"] = requestId;
    res.setHeader("x-request-id", requestId);
    res.on("finish", () =>
      log.info(
        {
          requestId,
          method: req.method,
          url: req.url,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        "request",
      ),
    );
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/graphql") {
      if (req.method === "POST") {
        const length = Number(req.headers["content-length"] ?? Number.NaN);
        const multipart = req.headers["content-type"]?.startsWith("multipart/form-data");
        // Uploads (GraphQL multipart) may carry a document; everything else stays small.
        const limit = multipart ? config.maxUploadBytes + 64_000 : config.maxBodyBytes;
        if (Number.isNaN(length)) return void res.writeHead(411).end("Content-Length required");
        if (length > limit) return void res.writeHead(413).end("Request body too large");
      }
      return void yoga.handle(req, res, { clientAddress: clientAddress(req) });
    }
    if (path === "/health") {
      try {
        await database.prisma.$queryRaw`SELECT 1`;
        res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      } catch {
        res
          .writeHead(503, { "content-type": "application/json" })
          .end('{"status":"database unavailable"}');
      }
      return;
    }
    if (path === "/export/members.csv") {
      return void exportMembers(req, res).catch((error: unknown) => {
        log.error({ requestId, error }, "members export failed");
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    }
    if (path?.startsWith("/documents/")) {
      return void downloadDocument(req, res).catch((error: unknown) => {
        log.error({ requestId, error }, "document download failed");
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    }
    if (path === "/attest" && (req.method === "GET" || req.method === "HEAD")) {
      // The member's signing page (attestation link); no caching, no referrer.
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "referrer-policy": "no-referrer",
      });
      return void res.end(req.method === "HEAD" ? undefined : attestationSignPage);
    }
    if (req.method === "GET" || req.method === "HEAD") return serveStatic(req, res);
    res.writeHead(404).end();
  });

  // graphql-ws on the same server and path; operations go through yoga's envelop, so
  // sockets share the HTTP context builder, scopes, armor and error handling.
  const wsServer = new WebSocketServer({
    server,
    path: "/graphql",
    maxPayload: config.maxBodyBytes,
  });
  const socketsByUser = new Map<string, Set<WebSocket>>();
  type Extra = { socket: WebSocket; request: IncomingMessage };
  const wsDisposable = useServer<Record<string, unknown>, Extra & { userId?: string }>(
    {
      execute: (args) => (args.rootValue as Executable).execute(args) as Promise<ExecutionResult>,
      subscribe: (args) =>
        (args.rootValue as Executable).subscribe(args) as Promise<ExecutionResult>,
      onConnect: async (ctx) => {
        // Remember whose socket this is, so that disabling the user closes it at once.
        // Read exactly as every operation's context reads them (auth/context.ts).
        const caller = await resolveCaller(
          database.prisma,
          config,
          credentialsOf({
            headers: socketHeaders(ctx.extra.request),
            connectionParams: ctx.connectionParams,
            clientAddress: clientAddress(ctx.extra.request),
          }),
        );
        if (caller.kind === "user") {
          ctx.extra.userId = caller.id;
          const sockets = socketsByUser.get(caller.id) ?? new Set();
          sockets.add(ctx.extra.socket);
          socketsByUser.set(caller.id, sockets);
        }
        return true;
      },
      onClose: (ctx) => {
        if (ctx.extra.userId) socketsByUser.get(ctx.extra.userId)?.delete(ctx.extra.socket);
      },
      onSubscribe: async (ctx: WsContext<Record<string, unknown>, Extra>, _id, payload) => {
        const enveloped = yoga.getEnveloped({
          connectionParams: ctx.connectionParams ?? {},
          socketHeaders: socketHeaders(ctx.extra.request),
          clientAddress: clientAddress(ctx.extra.request),
          params: payload,
          request: undefined,
        } as never);
        const document = enveloped.parse(payload.query);
        const errors = enveloped.validate(enveloped.schema, document) as readonly GraphQLError[];
        if (errors.length) return errors;
        return {
          schema: enveloped.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: await enveloped.contextFactory(),
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
        };
      },
    },
    wsServer,
  );

  const revocations = pubsub.subscribe("userAccessRevoked");
  void (async () => {
    for await (const { userId } of revocations) {
      for (const socket of socketsByUser.get(userId) ?? [])
        socket.close(CloseCode.Forbidden, "Forbidden");
      socketsByUser.delete(userId);
    }
  })();

  let stopped: Promise<void> | undefined;
  return {
    yoga,
    services,
    database,
    start: () =>
      new Promise((resolveStart, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.host, () => {
          const { port } = server.address() as AddressInfo;
          const host = config.host.includes(":") ? `[${config.host}]` : config.host;
          resolveStart(`http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
        });
      }),
    stop: () => {
      stopped ??= (async () => {
        await wsDisposable.dispose();
        for (const client of wsServer.clients) client.terminate();
        await new Promise<void>((done) => wsServer.close(() => done()));
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
        await closePubSub();
        await revocations.return?.();
        if (!options.database) await database.close();
      })();
      return stopped;
    },
  };
}
