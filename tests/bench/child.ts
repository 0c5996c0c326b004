// Starts a server under test (server.ts) in a child process and waits for its URL.
// Why a child process: this machine has 2 cores; in one process, autocannon and the server
// would share one event loop, so every request the server handles slows the generator and the
// two sides of a ratio would be throttled unequally. A child gets the other core.
import { type ChildProcess, execFileSync, fork } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ReadyMessage } from "./server.js";

export type ServerKind =
  | "wasl"
  | "wasl-large"
  | "yoga"
  | "hello"
  | "pg-members"
  | "pg-transition"
  | "pg-kb";

export type RunningServer = ReadyMessage & {
  kind: ServerKind;
  pid: number;
  /** Starts (no file) or stops a V8 CPU profile in the server, written to `file`. */
  profile(file?: string): Promise<void>;
  stop(): Promise<void>;
};

const entry = join(dirname(fileURLToPath(import.meta.url)), "server.ts");

/**
 * Where the machine allows (2 cores or more, `taskset` present), the load generator runs on
 * core 0 and every server under test on core 1, so the two never take each other's core;
 * PostgreSQL's backends are left to the scheduler. BENCH_PIN=0 turns it off.
 */
export const pinning = (() => {
  if (process.env.BENCH_PIN === "0" || cpus().length < 2) return undefined;
  try {
    execFileSync("taskset", ["-cp", "0", String(process.pid)], { stdio: "ignore" });
    return { generator: "0", servers: "1" };
  } catch {
    return undefined;
  }
})();
/**
 * How `npm start` runs the server (package.json's start script): the environment it sets
 * before `exec node` (MALLOC_ARENA_MAX) and the node flags between `node` and `--import`, its
 * shell defaults `${NAME:-value}` taken from `settings`, else this process's environment.
 */
export function startSettings(settings: Record<string, string> = {}): {
  env: Record<string, string>;
  nodeFlags: string[];
} {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    scripts: { start: string };
  };
  const parts = /^((?:\w+=\S+\s+)*)exec node\s+(.*?)\s*--import\b/.exec(pkg.scripts.start);
  if (!parts) throw new Error(`unexpected start script: ${pkg.scripts.start}`);
  const expand = (text: string) =>
    text.replace(
      /\$\{(\w+):-([^}]*)\}/g,
      (_, name: string, fallback: string) => settings[name] || process.env[name] || fallback,
    );
  const words = (text: string) => expand(text).split(/\s+/).filter(Boolean);
  return {
    env: Object.fromEntries(
      words(parts[1] ?? "").map((assignment) => assignment.split("=", 2) as [string, string]),
    ),
    nodeFlags: words(parts[2] ?? ""),
  };
}

/**
 * The README's production settings ("Production: PostgreSQL and Redis"): a server on
 * PostgreSQL is measured as an association would run it there, one on the embedded database
 * with `npm start`'s defaults (a small server).
 */
export const productionSettings = { WASL_HEAP_MB: "1024", WASL_SEMI_SPACE_MB: "16" };

const running = new Set<ChildProcess>();

// Never leave a server behind, whatever happens to the bench process.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export async function startServer(
  kind: ServerKind,
  env: Record<string, string> = {},
  /** pin: false leaves the server to the scheduler (a server with its database inside). */
  options: { startTimeoutMs?: number; pin?: boolean } = {},
): Promise<RunningServer> {
  // Our server runs with npm start's flags; the baselines with node's own, and so does
  // wasl-large, which seeds a million rows in its own heap before it serves.
  const started =
    kind === "wasl"
      ? startSettings(env.BENCH_DB_URL ? productionSettings : {})
      : { env: {}, nodeFlags: [] };
  // Request logs (pino, on stdout) go to /dev/null: written like in production, never read.
  const devNull = openSync("/dev/null", "w");
  const child = fork(entry, [kind], {
    // BENCH_NODE_FLAGS: V8 or Node flags for every server, to try one (e.g. a GC setting).
    execArgv: [
      ...started.nodeFlags,
      ...(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? []),
      "--import",
      "tsx",
    ],
    // graphql-js skips its development checks only in production, as an association runs it.
    env: { ...process.env, NODE_ENV: "production", ...started.env, ...env },
    stdio: ["ignore", devNull, "inherit", "ipc"],
  });
  closeSync(devNull);
  running.add(child);
  if (pinning && options.pin !== false && child.pid)
    execFileSync("taskset", ["-a", "-cp", pinning.servers, String(child.pid)], {
      stdio: "ignore",
    });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  exited.then(() => running.delete(child));
  const ready = await new Promise<ReadyMessage>((resolveReady, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(
          `bench server ${kind} did not start within ${options.startTimeoutMs ?? 120_000} ms`,
        ),
      );
    }, options.startTimeoutMs ?? 120_000);
    child.on("message", (message: ReadyMessage) => {
      if (message?.type !== "ready") return;
      clearTimeout(timer);
      resolveReady(message);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server ${kind} exited with code ${code} before it was ready`));
    });
  });
  return {
    ...ready,
    kind,
    pid: child.pid ?? 0,
    profile(file) {
      return new Promise((done, reject) => {
        const timer = setTimeout(() => reject(new Error(`${kind}: no profiler answer`)), 30_000);
        const onMessage = (message: { type?: string }) => {
          if (message?.type !== "profiled") return;
          clearTimeout(timer);
          child.off("message", onMessage);
          done();
        };
        child.on("message", onMessage);
        child.send({ type: "profile", file });
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send("stop");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
