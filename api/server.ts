// Composition root: one node:http server for GraphQL (HTTP and graphql-ws on the same
// path), the panel, and health; the database, pub/sub and logger are opened here.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  GraphQLError,
  getOperationAST,
} from "graphql";
import type { Context as WsContext } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { type WebSocket, WebSocketServer } from "ws";
import { resolveCaller } from "./auth/caller.js";
import { clientAddressOf } from "./auth/client-address.js";
import { credentialsOf, type Services } from "./auth/context.js";
import { closeSocket, LiveSessions, type LiveSocket } from "./auth/live-sessions.js";
import { SessionCache } from "./auth/session-cache.js";
import type { Config } from "./config.js";
import { type Database, openDatabase } from "./db/client.js";
import { loadGraphiQL } from "./http/graphiql.js";
import { answerEveryFailure, headersOf, requestIdFrom } from "./http/request.js";
import { mountRoutes } from "./http/routes.js";
import { createStaticHandler } from "./http/static.js";
import { sharedPayload, spliceSharedPayloads } from "./live/shared-execution.js";
import { createLogger, type Logger } from "./logger.js";
import { type BackgroundWork, createBackgroundWork } from "./modules/notifications/background.js";
import { PartnerKeyCache } from "./modules/partners/key-cache.js";
import { createPartnerLimits } from "./modules/partners/limits.js";
import { SignInLimiter } from "./modules/users/sign-in-limiter.js";
import { createWaslPubSub, type WaslPubSub } from "./pubsub.js";
import { createWaslYoga, type WaslYoga } from "./yoga.js";

const here = dirname(fileURLToPath(import.meta.url));
const adminDist = join(here, "../admin/dist");

export type App = {
  yoga: WaslYoga;
  services: Services;
  database: Database;
  /** The notifications' delivery and reminders when they run in this process (WASL_WORKER). */
  background: BackgroundWork | undefined;
  /** Listens on config.port (0 = any free port) and resolves with the base URL. */
  start(): Promise<string>;
  stop(): Promise<void>;
};

/** How long stopping waits for requests in flight before cutting them. */
const stopGraceMs = 10_000;

type Executable = {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
};

function isAsyncIterable<T>(value: T | AsyncIterable<T>): value is AsyncIterable<T> {
  return typeof (value as Partial<AsyncIterable<T>>)[Symbol.asyncIterator] === "function";
}

export async function buildApp(
  config: Config,
  options: {
    database?: Database;
    log?: Logger;
    /** The built panel served at `/` (default admin/dist). */
    panelDir?: string;
    /**
     * The event bus shared with other instances (tests: two apps on one bus, as REDIS_URL
     * makes them); by default the app's own, from the configuration.
     */
    pubsub?: WaslPubSub;
  } = {},
): Promise<App> {
  const log = options.log ?? createLogger(config.logLevel);
  // HTTP requests and sockets alike: the sign-in limits and the audit log see one address.
  const clientAddress = (req: IncomingMessage) => clientAddressOf(req, config.trustProxy);
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.databasePoolSize,
    }));
  const { pubsub, close: closePubSub } = options.pubsub
    ? { pubsub: options.pubsub, close: async () => {} }
    : await createWaslPubSub(config.redisUrl);
  const services: Services = {
    prisma: database.prisma,
    config,
    pubsub,
    log,
    partnerKeys: new PartnerKeyCache(database.prisma, log),
    sessions: new SessionCache(database.prisma),
    signInLimiter: new SignInLimiter(),
    partnerLimits: await createPartnerLimits(config, database.prisma, log),
  };
  // By default the API delivers the outbox itself; with WASL_WORKER=off `npm run worker` does.
  const background =
    config.delivery.worker === "in-process"
      ? createBackgroundWork({ config, prisma: database.prisma, pubsub, log })
      : undefined;
  const graphiql = loadGraphiQL(log);
  const yoga = createWaslYoga(services, { renderGraphiQL: graphiql.render });
  const serveStatic = createStaticHandler(options.panelDir ?? adminDist);
  // The modules' own routes (the members' export, documents, the signing page), registered
  // from their folders when the schema's module list loaded.
  const moduleRoute = mountRoutes(services);

  const handleRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(req.headers["x-request-id"]);
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
      return void (await yoga.handle(req, res, { clientAddress: clientAddress(req) }));
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
    const route = moduleRoute(path ?? "/");
    if (route) return void (await route(req, res));
    if (config.introspection && (await graphiql.serve(req, res))) return;
    if (req.method === "GET" || req.method === "HEAD") return serveStatic(req, res);
    res.writeHead(404).end();
  };
  const server: Server = createServer(answerEveryFailure(log, handleRequest));

  // graphql-ws on the same server and path; operations go through yoga's envelop, so
  // sockets share the HTTP context builder, scopes, armor and error handling.
  const wsServer = new WebSocketServer({
    server,
    path: "/graphql",
    maxPayload: config.maxBodyBytes,
  });
  // Each socket's session is checked on every event, and its user's access changes close it
  // at once (auth/live-sessions.ts).
  const liveSessions = new LiveSessions(services, pubsub);
  // A result shared by many subscribers is serialised once (live/shared-execution.ts).
  wsServer.on("connection", spliceSharedPayloads);
  type Extra = { socket: WebSocket; request: IncomingMessage } & LiveSocket;
  const wsDisposable = useServer<Record<string, unknown>, Extra>(
    {
      execute: (args) => (args.rootValue as Executable).execute(args) as Promise<ExecutionResult>,
      subscribe: (args) =>
        (args.rootValue as Executable).subscribe(args) as Promise<ExecutionResult>,
      onConnect: async (ctx) => {
        // Read exactly as every operation's context reads them (auth/context.ts).
        const credentials = credentialsOf({
          headers: headersOf(ctx.extra.request),
          connectionParams: ctx.connectionParams,
          clientAddress: clientAddress(ctx.extra.request),
        });
        const caller = await resolveCaller(services, credentials);
        await liveSessions.opened(ctx.extra, caller, credentials);
        return true;
      },
      onClose: (ctx) => liveSessions.closed(ctx.extra),
      onSubscribe: async (ctx: WsContext<Record<string, unknown>, Extra>, _id, payload) => {
        const enveloped = yoga.getEnveloped({
          connectionParams: ctx.connectionParams ?? {},
          socketHeaders: headersOf(ctx.extra.request),
          clientAddress: clientAddress(ctx.extra.request),
          params: payload,
          request: undefined,
        } as never);
        // A query that does not parse (syntax, the token limit) is this operation's error;
        // thrown, graphql-ws would close the socket and every other operation on it.
        let document: DocumentNode;
        try {
          document = enveloped.parse(payload.query);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const errors = enveloped.validate(enveloped.schema, document) as readonly GraphQLError[];
        if (errors.length) return errors;
        // Every subscription carries staff or partner data: a socket without a valid session
        // (anonymous, expired, signed out, refused) is closed rather than left listening.
        if (getOperationAST(document, payload.operationName)?.operation === "subscription") {
          const refusal = await liveSessions.refusal(ctx.extra);
          if (refusal !== undefined) {
            closeSocket(ctx.extra.socket, refusal);
            return [new GraphQLError("The session ended.")];
          }
        }
        return {
          schema: enveloped.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: await enveloped.contextFactory(),
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
        };
      },
      onOperation: (ctx, _id, _payload, _args, result) =>
        isAsyncIterable(result) ? liveSessions.guard(result, ctx.extra) : undefined,
      // Cast: graphql-ws types the payload as a result; a serialised one stands in for it.
      onNext: (_ctx, _id, _payload, _args, result) => sharedPayload(result) as never,
    },
    wsServer,
  );

  let stopped: Promise<void> | undefined;
  return {
    yoga,
    services,
    database,
    background,
    start: () =>
      new Promise((resolveStart, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.host, () => {
          background?.start();
          const { port } = server.address() as AddressInfo;
          const host = config.host.includes(":") ? `[${config.host}]` : config.host;
          resolveStart(`http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
        });
      }),
    stop: () => {
      stopped ??= (async () => {
        // No new connections; requests already in flight finish (their transactions commit)
        // before the database closes. Keep-alive connections are closed as soon as they are
        // idle; whatever still runs after the grace period is cut.
        const closed = new Promise<void>((done) => server.close(() => done()));
        const idle = setInterval(() => server.closeIdleConnections(), 50);
        const cut = setTimeout(() => server.closeAllConnections(), stopGraceMs);
        await wsDisposable.dispose();
        for (const client of wsServer.clients) client.terminate();
        await new Promise<void>((done) => wsServer.close(() => done()));
        await closed;
        clearInterval(idle);
        clearTimeout(cut);
        await background?.stop();
        await services.partnerLimits.stop();
        await closePubSub();
        await liveSessions.stop();
        if (!options.database) await database.close();
      })();
      return stopped;
    },
  };
}
