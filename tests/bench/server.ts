// Entry point of one server under test, run in its own child process (see child.ts): the load
// generator then never shares an event loop with the server it measures.
//   wasl        our full server (buildApp): PGlite in memory (on disk with BENCH_ON_DISK=1),
//               or BENCH_DB_URL (PostgreSQL)
//   yoga        a bare graphql-yoga with a trivial schema, default options, on node:http
//   hello       a node:http handler answering the same JSON
//   pg-members  the members page written by hand with `pg` on node:http
//   pg-transition  startWork written by hand with `pg` on node:http (transition bench)
//   pg-kb       the knowledge base's search statement with `pg` on node:http (kb-search bench)
//   wasl-large  our full server on PGlite in memory with the large data set (BENCH_LARGE_*)
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSchema, createYoga } from "graphql-yoga";
import { openDatabase } from "../../api/db/client.js";
import { collectWhenIdle } from "../../api/idle-memory.js";
import { createLogger } from "../../api/logger.js";
import { buildApp } from "../../api/server.js";
import { benchConfig, benchTokenSecret } from "./common.js";
import type { Credentials } from "./data.js";
import { seedBenchData } from "./data.js";
import { seedLargeBenchData } from "./large-data.js";
import { createKbSearchHandler } from "./pg-kb.js";
import { createMembersPageHandler } from "./pg-members.js";
import { createTransitionHandler } from "./pg-transition.js";
import { serveForked } from "./server-process.js";

export type ReadyMessage = {
  type: "ready";
  url: string;
  engine?: string;
  credentials?: Credentials;
  seeded?: string;
};

function send(message: ReadyMessage): void {
  if (!process.send) throw new Error("bench/server.ts must be started by child.ts (IPC)");
  process.send(message);
}

function listen(handler: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  return new Promise((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolveListen({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}

async function startWasl(large = false): Promise<() => Promise<void>> {
  const databaseUrl = process.env.BENCH_DB_URL || undefined;
  // BENCH_DATA_DIR: a data directory the bench keeps (seeded by an earlier server).
  const given = process.env.BENCH_DATA_DIR;
  const dataDir = given || mkdtempSync(join(tmpdir(), "wasl-bench-"));
  const config = benchConfig(dataDir, databaseUrl);
  // BENCH_ON_DISK=1: PGlite's data in the server's data directory, as `npm start` keeps it.
  const onDisk = process.env.BENCH_ON_DISK === "1" && !databaseUrl;
  const database = await openDatabase({
    databaseUrl,
    dataDir: onDisk ? dataDir : "memory://",
  });
  let credentials: Credentials | undefined;
  let seeded: string | undefined;
  if (large) {
    const summary = await seedLargeBenchData(database.prisma);
    credentials = { email: summary.email, password: summary.password };
    seeded = summary.seeded;
  } else if (process.env.BENCH_SEED === "1") {
    const started = Date.now();
    const summary = await seedBenchData(database.prisma);
    credentials = { email: summary.email, password: summary.password };
    seeded = `${summary.members} members, ${summary.requests} requests in ${Date.now() - started} ms`;
  }
  const app = await buildApp(config, { database, log: createLogger(config.logLevel) });
  const url = await app.start();
  // As api/main.ts does after starting.
  const idle = collectWhenIdle();
  send({ type: "ready", url, engine: database.engine, credentials, seeded });
  return async () => {
    idle.stop();
    await app.stop();
    await database.close();
    if (!given) rmSync(dataDir, { recursive: true, force: true });
  };
}

async function startYoga(): Promise<() => Promise<void>> {
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: "type Query { hello: String }",
      resolvers: { Query: { hello: () => "world" } },
    }),
  });
  const { server, url } = await listen(yoga);
  send({ type: "ready", url });
  return () => new Promise((done) => server.close(() => done()));
}

async function startHello(): Promise<() => Promise<void>> {
  const body = '{"data":{"__typename":"Query"}}';
  const { server, url } = await listen((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  });
  send({ type: "ready", url });
  return () => new Promise((done) => server.close(() => done()));
}

/** A hand-written counterpart on PostgreSQL (BENCH_DB_URL), listening as our server would. */
async function startHandWritten(
  name: string,
  create: (databaseUrl: string) => { listener: RequestListener; close(): Promise<void> },
): Promise<() => Promise<void>> {
  const databaseUrl = process.env.BENCH_DB_URL;
  if (!databaseUrl) throw new Error(`${name} needs BENCH_DB_URL`);
  const handler = create(databaseUrl);
  const { server, url } = await listen(handler.listener);
  send({ type: "ready", url, engine: "postgresql" });
  return async () => {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    await handler.close();
  };
}

const starters: Record<string, () => Promise<() => Promise<void>>> = {
  wasl: () => startWasl(),
  "wasl-large": () => startWasl(true),
  "pg-transition": () =>
    startHandWritten("pg-transition", (url) =>
      createTransitionHandler(url, new TextEncoder().encode(benchTokenSecret)),
    ),
  yoga: startYoga,
  hello: startHello,
  "pg-members": () => startHandWritten("pg-members", createMembersPageHandler),
  "pg-kb": () => startHandWritten("pg-kb", createKbSearchHandler),
};

serveForked("bench server", async () => {
  const kind = process.argv[2] ?? "";
  const start = starters[kind];
  if (!start) throw new Error(`unknown bench server "${kind}"`);
  return start();
});
