// A PostgreSQL database for the benchmarks: a fresh database on BENCH_DATABASE_URL (or
// TEST_DATABASE_URL) when set, dropped afterwards; otherwise a throw-away cluster started from
// the PostgreSQL 15 binaries on 127.0.0.1 (trust auth, unix socket in its temp dir), stopped
// and deleted afterwards — also when the benchmark fails.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServerDatabase } from "../helpers/database.js";
import { freePort } from "../helpers/process.js";

export type BenchPostgres = {
  /** URL of the fresh, empty database. */
  url: string;
  /** Where it runs, for the report. */
  description: string;
  /** The postmaster of a throw-away cluster (its backends' CPU time is measured). */
  postmasterPid?: number;
  stop(): Promise<void>;
};

const binDir = process.env.BENCH_PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** Runs a PostgreSQL binary as the `postgres` OS user when we are root (initdb refuses root). */
function runAsOwner(binary: string, args: string[]): void {
  const command = join(binDir, binary);
  const root = process.getuid?.() === 0;
  const [file, argv] = root
    ? ["runuser", ["-u", "postgres", "--", command, ...args]]
    : [command, args];
  const result = spawnSync(file, argv, { encoding: "utf8", timeout: 60_000 });
  if (result.status !== 0) {
    throw new Error(`${binary} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
}

async function createDatabaseOn(serverUrl: string, description: string): Promise<BenchPostgres> {
  const database = await createServerDatabase(serverUrl, "wasl_bench");
  return {
    url: database.url,
    description: `${description}, database ${new URL(database.url).pathname.slice(1)}`,
    stop: database.drop,
  };
}

async function startCluster(): Promise<BenchPostgres> {
  if (!existsSync(join(binDir, "initdb"))) {
    throw new Error(`No PostgreSQL binaries in ${binDir}: set BENCH_DATABASE_URL or BENCH_PG_BIN.`);
  }
  // The temp dir is the socket directory too: PostgreSQL owns it, nobody else can enter it.
  const root = mkdtempSync(join(tmpdir(), "wasl-bench-pg-"));
  const dataDir = join(root, "data");
  let running = false;
  const stopServer = () => {
    if (!running) return;
    running = false;
    try {
      runAsOwner("pg_ctl", ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "30"]);
    } catch (error) {
      process.stderr.write(`bench: could not stop PostgreSQL cleanly: ${String(error)}\n`);
    }
  };
  // Also on an unexpected exit (uncaught error, process.exit): never leave a cluster behind.
  const onExit = () => {
    stopServer();
    rmSync(root, { recursive: true, force: true });
  };
  process.once("exit", onExit);
  const cleanUp = async () => {
    process.removeListener("exit", onExit);
    onExit();
  };
  try {
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
      chownSync(root, uid, gid);
    }
    chmodSync(root, 0o700);
    runAsOwner("initdb", [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "-A",
      "trust",
      "-E",
      "UTF8",
      // As .ci/run's and a distribution's clusters: under the C locale pg_trgm takes no
      // Arabic letter for a word character, and an Arabic name search reads every row.
      "--locale=C.UTF-8",
    ]);
    const port = await freePort();
    // Benchmark settings: the data fit in shared_buffers; durability is irrelevant here.
    const options = [
      `-c listen_addresses=127.0.0.1`,
      `-c port=${port}`,
      `-c unix_socket_directories=${root}`,
      "-c max_connections=50",
      "-c shared_buffers=128MB",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
    ].join(" ");
    running = true;
    runAsOwner("pg_ctl", [
      "start",
      "-D",
      dataDir,
      "-l",
      join(root, "postgres.log"),
      "-w",
      "-t",
      "60",
      "-o",
      options,
    ]);
    const server = await createDatabaseOn(
      `postgresql://postgres@127.0.0.1:${port}/postgres`,
      `throw-away PostgreSQL 15 cluster on 127.0.0.1:${port}`,
    );
    const postmasterPid = Number(
      readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0],
    );
    return {
      ...server,
      postmasterPid,
      async stop() {
        try {
          await server.stop();
        } finally {
          await cleanUp();
        }
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

export async function startPostgres(): Promise<BenchPostgres> {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (serverUrl)
    return createDatabaseOn(serverUrl, "server from BENCH_DATABASE_URL/TEST_DATABASE_URL");
  return startCluster();
}
