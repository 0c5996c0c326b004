// What the benches share: the bench shape, the seeded PostgreSQL database (started once per
// run), sign-in and the GraphQL request every target receives.
import { type Config, loadConfig } from "../../api/config.js";
import { openDatabase } from "../../api/db/client.js";
import { csrfHeader } from "../../api/yoga.js";
import type { RunningServer } from "./child.js";
import { type Credentials, seedBenchData } from "./data.js";
import { childPids, type Target } from "./load.js";
import { type BenchPostgres, startPostgres } from "./postgres.js";

export type BenchContext = {
  /** The PostgreSQL database with the demo data; started and seeded on first use. */
  postgres(): Promise<SeededPostgres>;
};

export type Bench = {
  name: string;
  goal: number;
  description: string;
  /** Prints its raw figures and returns the ratio to compare with the goal. */
  run(context: BenchContext): Promise<number>;
};

export type SeededPostgres = BenchPostgres & { credentials: Credentials };

export function createContext(): BenchContext & { close(): Promise<void> } {
  let started: Promise<SeededPostgres> | undefined;
  return {
    postgres() {
      started ??= (async () => {
        const server = await startPostgres();
        try {
          const database = await openDatabase({ databaseUrl: server.url, dataDir: "memory://" });
          try {
            const began = Date.now();
            const seeded = await seedBenchData(database.prisma);
            console.log(
              `  PostgreSQL: ${server.description}; demo data: ${seeded.members} members, ` +
                `${seeded.requests} requests (seeded in ${Date.now() - began} ms)`,
            );
            return { ...server, credentials: { email: seeded.email, password: seeded.password } };
          } finally {
            await database.close();
          }
        } catch (error) {
          await server.stop();
          throw error;
        }
      })();
      return started;
    },
    async close() {
      if (!started) return;
      const server = await started.catch(() => undefined);
      await server?.stop();
    },
  };
}

export const benchTokenSecret = "bench-secret-bench-secret-bench-secret-0123";

/** Our server's configuration in the benches: production mode, as an association runs it. */
export function benchConfig(dataDir: string, databaseUrl: string | undefined): Config {
  return loadConfig({
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL || "info",
    WASL_TOKEN_SECRET: benchTokenSecret,
    WASL_DATA_DIR: dataDir,
    WASL_SEED_DEMO: "false",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
}

export const graphqlHeaders = { "content-type": "application/json", [csrfHeader]: "1" };

export function graphqlTarget(
  name: string,
  baseUrl: string,
  query: string,
  token?: string,
): Target {
  return {
    name,
    url: `${baseUrl}/graphql`,
    method: "POST",
    headers: { ...graphqlHeaders, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  };
}

/** Sends one target's request and returns the parsed answer (checks before measuring). */
export async function fetchOnce(target: Target): Promise<unknown> {
  const response = await fetch(target.url, {
    method: target.method,
    headers: target.headers,
    body: target.body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${target.name}: HTTP ${response.status}: ${text.slice(0, 300)}`);
  const json = JSON.parse(text) as { errors?: unknown };
  if (json.errors)
    throw new Error(`${target.name}: GraphQL errors: ${JSON.stringify(json.errors).slice(0, 300)}`);
  return json;
}

export async function signIn(
  baseUrl: string,
  credentials: Credentials,
  send: typeof fetch = fetch,
): Promise<string> {
  const response = await send(`${baseUrl}/graphql`, {
    method: "POST",
    // A copy: an in-process fetch (yoga.fetch) writes content-length into the object it gets.
    headers: { ...graphqlHeaders },
    body: JSON.stringify({
      query:
        "mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on SignInSuccess { session { token } } } }",
      variables: { input: credentials },
    }),
    signal: AbortSignal.timeout(30_000),
  });
  const json = (await response.json()) as { data?: { signIn?: { session?: { token?: string } } } };
  const token = json.data?.signIn?.session?.token;
  if (!token)
    throw new Error(
      `sign-in as ${credentials.email} failed: ${JSON.stringify(json).slice(0, 300)}`,
    );
  return token;
}

export function ratioLine(name: string, ratio: number, goal: number): string {
  return `bench ${name} ratio=${ratio.toFixed(2)} goal=${goal.toFixed(2)}`;
}

/** CPU accounting for a target: its server process and, for a local cluster, PostgreSQL. */
export function processesOf(server: RunningServer, postgres?: BenchPostgres): Target["processes"] {
  const postmaster = postgres?.postmasterPid;
  return {
    server: () => [server.pid],
    ...(postmaster ? { postgres: () => [postmaster, ...childPids(postmaster)] } : {}),
  };
}

/**
 * BENCH_PROFILE_DIR=<dir>: CPU-profiles our servers over the measured window (after the
 * warm-up); summarise with `node --import tsx tests/bench/profile-summary.ts <file>`.
 */
export function profileHooks(bench: string, servers: RunningServer[]) {
  const dir = process.env.BENCH_PROFILE_DIR;
  const profiled = servers.filter((s) => s.kind === "wasl");
  if (!dir || !profiled.length) return {};
  return {
    afterWarmup: async () => {
      await Promise.all(profiled.map((s) => s.profile()));
    },
    afterMeasuring: async () => {
      const files = profiled.map((s, i) => `${dir}/${bench}-${i}-${s.engine ?? s.kind}.cpuprofile`);
      await Promise.all(profiled.map((s, i) => s.profile(files[i])));
      console.log(`  CPU profiles: ${files.join(", ")}`);
    },
  };
}
