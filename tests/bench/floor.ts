// What the data layer alone costs. The same database work goes once through the Prisma client
// our API uses and once through the baseline's hand-written `pg`, in this process, one call at
// a time, and each is charged its CPU per call. Add Prisma's extra cost to the baseline
// server's own CPU per request (measured under load) and the throughput model below gives the
// best ratio an API could reach whose only extra work was Prisma: GraphQL, authorization,
// audit and logging free. A goal above that ceiling is out of reach of any API that reads and
// writes through this client.
// A probe may also name its GraphQL request: it then runs through our whole API in this
// process (yoga.fetch, no socket), which splits the server's cost under load into HTTP,
// the GraphQL layer (yoga, Pothos, authorization) and Prisma.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { buildSchema, execute, parse } from "graphql";
import pg from "pg";
import { openDatabase, type PrismaClient } from "../../api/db/client.js";
import { createLogger } from "../../api/logger.js";
import { buildApp } from "../../api/server.js";
import { benchConfig, graphqlHeaders, signIn } from "./common.js";
import type { Credentials } from "./data.js";
import { smoke } from "./load.js";

const calls = Number(process.env.BENCH_FLOOR_CALLS) || (smoke ? 20 : 1000);
const warmup = smoke ? 5 : 200;

/** The calls a probe makes, warm-up included (the transition probe needs a request each). */
export const floorCalls = calls + warmup;

/** CPU milliseconds per call of `work`, after a warm-up; `work` gets the call's index. */
async function cpuPerCall(work: (call: number) => Promise<unknown>): Promise<number> {
  for (let call = 0; call < warmup; call++) await work(call);
  const before = process.cpuUsage();
  for (let call = warmup; call < warmup + calls; call++) await work(call);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / calls;
}

/**
 * Requests per millisecond a server can answer when it spends `serverMs` of CPU per request
 * in its one JavaScript thread and PostgreSQL `databaseMs` on the other cores: the lower of
 * what that thread can do and what the machine's cores can do together.
 */
function capacity(serverMs: number, databaseMs: number): number {
  return Math.min(1 / serverMs, cpus().length / (serverMs + databaseMs));
}

export type FloorProbe = {
  /** The API's database work through Prisma; omitted: replay what `graphql` sends (below). */
  prisma?(prisma: PrismaClient, call: number): Promise<unknown>;
  pg(pool: pg.Pool, call: number): Promise<unknown>;
  /**
   * The same work as a GraphQL request: sent through our API in this process as `as`, and
   * executed by bare graphql-js on a minimal schema (`sdl`, default resolvers) over the
   * answer `pg` returned, already in memory: what executing the page costs with no Pothos,
   * no authorization and no database.
   */
  graphql?: { query: string; as: Credentials; sdl: string };
};

/** CPU per call of bare graphql-js executing `query` over `answer.data`, and serialising. */
async function bareExecution(sdl: string, query: string, answer: unknown): Promise<number> {
  const schema = buildSchema(sdl);
  const document = parse(query);
  const rootValue = (answer as { data: unknown }).data;
  return cpuPerCall(async () => {
    const result = await execute({ schema, document, rootValue });
    if (result.errors?.length) throw new Error(`bare graphql-js: ${result.errors[0]!.message}`);
    JSON.stringify(result);
  });
}

/** One Prisma call as the API made it: the model (none for raw SQL), operation and arguments. */
type RecordedCall = { model?: string; operation: string; args: unknown };

/**
 * The Prisma calls our API makes for one `graphql` request (in steady state), recorded by a
 * query extension on a throw-away app so that the probe replays exactly those arguments.
 */
async function recordPrismaCalls(
  databaseUrl: string,
  database: Awaited<ReturnType<typeof openDatabase>>,
  graphql: NonNullable<FloorProbe["graphql"]>,
): Promise<RecordedCall[]> {
  const calls: RecordedCall[] = [];
  let recording = false;
  const recorder = database.prisma.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        if (recording) calls.push({ model, operation, args: structuredClone(args) });
        return query(args);
      },
    },
  }) as unknown as PrismaClient; // the extension adds no method: the client's own type holds
  await withApp(databaseUrl, { ...database, prisma: recorder }, graphql, async (send) => {
    // The second request: what every request costs once the caller is in memory.
    await send();
    recording = true;
    await send();
    recording = false;
  });
  return calls;
}

/** Replays recorded calls, all at once as the API's resolvers issue them. */
function replay(prisma: PrismaClient, calls: RecordedCall[]): Promise<unknown> {
  return Promise.all(
    calls.map(({ model, operation, args }) => {
      if (!model) {
        const raw = prisma[operation as "$queryRaw"] as (sql: unknown) => Promise<unknown>;
        return raw.call(prisma, args);
      }
      type Delegate = Record<string, (args: unknown) => Promise<unknown>>;
      const delegate = (prisma as unknown as Record<string, Delegate>)[
        model.charAt(0).toLowerCase() + model.slice(1)
      ]!;
      return delegate[operation]!.call(delegate, args);
    }),
  );
}

/** A probe replaying the Prisma calls the API makes for `graphql` (printed). */
async function replayProbe(
  databaseUrl: string,
  database: Awaited<ReturnType<typeof openDatabase>>,
  graphql: FloorProbe["graphql"],
): Promise<NonNullable<FloorProbe["prisma"]>> {
  if (!graphql) throw new Error("a floor probe needs prisma or graphql");
  const calls = await recordPrismaCalls(databaseUrl, database, graphql);
  console.log(
    `  the API's Prisma calls for this request, replayed by the probe: ${calls
      .map((c) => (c.model ? `${c.model}.${c.operation}` : c.operation))
      .join(", ")}`,
  );
  return (prisma) => replay(prisma, calls);
}

/** Our app in this process on `database`, signed in as `graphql.as`; `use` sends the query. */
async function withApp<T>(
  databaseUrl: string,
  database: Awaited<ReturnType<typeof openDatabase>>,
  graphql: NonNullable<FloorProbe["graphql"]>,
  use: (send: () => Promise<void>) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), "wasl-floor-"));
  const config = benchConfig(dataDir, databaseUrl);
  const app = await buildApp(config, { database, log: createLogger(config.logLevel) });
  try {
    const send = ((input: string, init: RequestInit) =>
      app.yoga.fetch(new URL(input), init)) as typeof fetch;
    const token = await signIn("http://wasl.bench", graphql.as, send);
    const body = JSON.stringify({ query: graphql.query });
    const headers = { ...graphqlHeaders, authorization: `Bearer ${token}` };
    return await use(async () => {
      const response = await app.yoga.fetch("http://wasl.bench/graphql", {
        method: "POST",
        headers: { ...headers },
        body,
      });
      const text = await response.text();
      if (!response.ok || text.includes('"errors"'))
        throw new Error(`the in-process API answered: ${text.slice(0, 300)}`);
    });
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** CPU per call of `query` through our API in this process, without HTTP. */
async function apiInProcess(
  databaseUrl: string,
  database: Awaited<ReturnType<typeof openDatabase>>,
  graphql: NonNullable<FloorProbe["graphql"]>,
): Promise<number> {
  return withApp(databaseUrl, database, graphql, (send) => cpuPerCall(send));
}

/**
 * Runs both sides of `probe` against `databaseUrl` (alternating, twice, keeping each side's
 * lower figure) and prints them with the ceiling they imply for the bench's ratio.
 */
export async function printFloor(
  databaseUrl: string,
  probe: FloorProbe,
  baseline: { server?: number; postgres?: number },
  ours?: { server?: number },
): Promise<void> {
  const serverMs = baseline.server ?? 0;
  const databaseMs = baseline.postgres ?? 0;
  const database = await openDatabase({ databaseUrl, dataDir: "memory://" });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  try {
    const prismaProbe = probe.prisma ?? (await replayProbe(databaseUrl, database, probe.graphql));
    const prismaMs: number[] = [];
    const pgMs: number[] = [];
    let offset = 0;
    for (let round = 0; round < 2; round++) {
      const from = offset;
      prismaMs.push(await cpuPerCall((call) => prismaProbe(database.prisma, from + call)));
      offset += floorCalls;
      const pgFrom = offset;
      pgMs.push(await cpuPerCall((call) => probe.pg(pool, pgFrom + call)));
      offset += floorCalls;
    }
    const prisma = Math.min(...prismaMs);
    const hand = Math.min(...pgMs);
    const api = probe.graphql && (await apiInProcess(databaseUrl, database, probe.graphql));
    const bare =
      probe.graphql &&
      (await bareExecution(probe.graphql.sdl, probe.graphql.query, await probe.pg(pool, 0)));
    const extra = Math.max(0, prisma - hand);
    const ratioWith = (ms: number) =>
      capacity(serverMs + ms, databaseMs) / capacity(serverMs, databaseMs);
    const ceiling = ratioWith(extra);
    console.log(
      `  data layer alone (in this process, one call at a time, ${calls} calls): ` +
        `Prisma ${prisma.toFixed(2)} ms CPU per call, hand-written pg ${hand.toFixed(2)} ms\n` +
        `  ceiling: the baseline (server ${serverMs.toFixed(2)} ms, PostgreSQL ` +
        `${databaseMs.toFixed(2)} ms CPU/request) with Prisma's extra ${extra.toFixed(2)} ms ` +
        `would reach ratio=${ceiling.toFixed(2)}`,
    );
    if (bare !== undefined) {
      console.log(
        `  bare graphql-js executing the same answer from memory (no Pothos, no authorization): ` +
          `${bare.toFixed(2)} ms CPU per call; with Prisma's extra as well the ceiling is ` +
          `ratio=${ratioWith(extra + bare).toFixed(2)}`,
      );
    }
    if (api !== undefined) {
      const underLoad = ours?.server;
      console.log(
        `  our API in this process without HTTP (yoga.fetch, one call at a time): ${api.toFixed(2)} ms CPU ` +
          `per call, of which Prisma ~${prisma.toFixed(2)} and the GraphQL layer (yoga, Pothos, ` +
          `authorization) ~${(api - prisma).toFixed(2)}` +
          (underLoad === undefined
            ? ""
            : `; under load our server spent ${underLoad.toFixed(2)} ms per request`),
      );
    }
  } finally {
    await pool.end();
    await database.close();
  }
}
