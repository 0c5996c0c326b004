// Runs the real server the way `npm start` does (node --import tsx api/main.ts) as a child
// process, to test what only a process shows: the data directory lock, signals, kill -9, exit
// codes. Each server gets its own port and, unless told otherwise, a fresh data directory.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { withCheckDigit } from "../../api/modules/members/rules.js";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The line main.ts prints once the server listens. */
const readyLine = "Wasl is running";

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type ServerProcess = {
  child: ChildProcess;
  dataDir: string;
  port: number;
  url: string;
  /** Resolves once the server printed that it is running; rejects if it exits first. */
  ready: Promise<void>;
  exited: Promise<Exit>;
  stdout(): string;
  stderr(): string;
  /** Sends the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
};

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

/** A fresh directory for a server's data, removed by `cleanUpProcesses`. */
export function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "wasl-process-"));
  tempDirs.add(dir);
  return dir;
}

/** A port that is free now. PORT=0 would work, but the banner would not tell us which port. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === "object") resolvePort(address.port);
        else reject(new Error("no port"));
      });
    });
  });
}

/**
 * The child's environment, built from scratch: a developer's DATABASE_URL or the test
 * runner's variables must not change which database the server opens.
 */
function serverEnv(
  dataDir: string,
  port: number,
  extra: Record<string, string>,
): NodeJS.ProcessEnv {
  const inherited: NodeJS.ProcessEnv = {};
  for (const name of ["PATH", "HOME", "LANG", "TMPDIR"]) {
    if (process.env[name] !== undefined) inherited[name] = process.env[name];
  }
  return {
    ...inherited,
    WASL_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    NODE_ENV: "test",
    WASL_TOKEN_SECRET: "process-test-secret-process-test-secret-0123",
    ...extra,
  };
}

/** Starts a command in the repository (node unless told) with the server's environment. */
export function spawnInRepo(
  args: string[],
  options: { dataDir?: string; port?: number; env?: Record<string, string>; command?: string } = {},
): { child: ChildProcess; exited: Promise<Exit>; stdout(): string; stderr(): string } {
  const dataDir = options.dataDir ?? freshDataDir();
  const child = spawn(options.command ?? process.execPath, args, {
    cwd: repoRoot,
    env: serverEnv(dataDir, options.port ?? 0, options.env ?? {}),
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let out = "";
  let err = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<Exit>((resolveExit) => {
    child.once("exit", (code, signal) => {
      children.delete(child);
      resolveExit({ code, signal });
    });
  });
  return { child, exited, stdout: () => out, stderr: () => err };
}

/**
 * Starts `node --import tsx api/main.ts`, or with `npm` the package's start script as a user
 * would (without its prestart build, which tests do not need); await `ready` before talking
 * to it.
 */
export async function startServer(
  options: {
    dataDir?: string;
    env?: Record<string, string>;
    readyTimeoutMs?: number;
    port?: number;
    npm?: boolean;
  } = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? freshDataDir();
  const port = options.port ?? (await freePort());
  const run = options.npm
    ? spawnInRepo(["start", "--ignore-scripts"], {
        dataDir,
        port,
        env: options.env,
        command: "npm",
      })
    : spawnInRepo(["--import", "tsx", "api/main.ts"], { dataDir, port, env: options.env });
  // Generous: a first start seeds the demo data, and CI machines run two test files at once.
  const timeoutMs = options.readyTimeoutMs ?? 90_000;
  const ready = new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => {
      // A server that never became ready must not keep the data directory locked.
      run.child.kill("SIGKILL");
      reject(new Error(`server not ready after ${timeoutMs} ms\n${run.stdout()}\n${run.stderr()}`));
    }, timeoutMs);
    const onData = () => {
      if (run.stdout().includes(readyLine)) {
        clearTimeout(timer);
        run.child.stdout?.off("data", onData);
        resolveReady();
      }
    };
    run.child.stdout?.on("data", onData);
    void run.exited.then((exit) => {
      clearTimeout(timer);
      reject(
        new Error(`server exited (${JSON.stringify(exit)}) before it was ready\n${run.stderr()}`),
      );
    });
  });
  // Whoever awaits `exited` instead of `ready` must not get an unhandled rejection.
  ready.catch(() => {});
  return {
    child: run.child,
    dataDir,
    port,
    url: `http://127.0.0.1:${port}`,
    ready,
    exited: run.exited,
    stdout: run.stdout,
    stderr: run.stderr,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill(signal);
      return run.exited;
    },
  };
}

/** Kills the children still running and removes the data directories: for afterAll. */
export async function cleanUpProcesses(): Promise<void> {
  const running = [...children];
  for (const child of running) child.kill("SIGKILL");
  await Promise.all(
    running.map(
      (child) =>
        new Promise((done) => (child.exitCode === null ? child.once("exit", done) : done(null))),
    ),
  );
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

export type GqlResponse<T> = { data?: T | null; errors?: { message: string }[] };

/** One GraphQL request over HTTP, as the panel sends it. */
export async function gql<T = Record<string, unknown>>(
  server: { url: string },
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GqlResponse<T>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-wasl-csrf": "1",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GqlResponse<T>;
}

/** Demo staff (seeded on first start) who may create members. */
export const demoStaff = { email: "staff@wasl.demo", password: "Staff#2026" };

export async function signIn(server: { url: string }, account = demoStaff): Promise<string> {
  const result = await gql<{ signIn: { session?: { token: string } } }>(
    server,
    `mutation($input: SignInInput!) { signIn(input: $input) { ... on SignInSuccess { session { token } } } }`,
    { input: account },
  );
  const token = result.data?.signIn.session?.token;
  if (!token) throw new Error(`sign-in failed: ${JSON.stringify(result)}`);
  return token;
}

export const createMemberMutation = `mutation($input: CreateMemberInput!) {
  createMember(input: $input) {
    __typename
    ... on CreateMemberSuccess { member { id } }
  }
}`;

let memberSerial = 0;
/** Prefixes differ per process so that parallel test files never collide. */
const memberPrefix = 1000 + (process.pid % 8000);

/** A valid createMember input; national ID and mobile are unique per call. */
export function newMemberInput(): Record<string, unknown> {
  memberSerial += 1;
  const serial = String(memberSerial).padStart(4, "0");
  return {
    // 9 digits, then the check digit: "1" + 4-digit process prefix + 4-digit serial.
    nationalId: withCheckDigit(`1${memberPrefix}${serial}`),
    fullNameAr: "خالد عبدالله الشمري",
    mobile: `05${String(memberPrefix).slice(-4)}${serial}`,
    city: "الرياض",
    consentGiven: true,
  };
}

/** The created member's ID, or undefined when the server did not confirm the creation. */
export async function createMember(
  server: { url: string },
  token: string,
): Promise<string | undefined> {
  const result = await gql<{ createMember: { __typename: string; member?: { id: string } } }>(
    server,
    createMemberMutation,
    { input: newMemberInput() },
    token,
  );
  const outcome = result.data?.createMember;
  return outcome?.__typename === "CreateMemberSuccess" ? outcome.member?.id : undefined;
}

/** Which of these global IDs the server can read back (nodes(ids:), 100 at a time). */
export async function existingNodes(
  server: { url: string },
  token: string,
  ids: string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    const result = await gql<{ nodes: ({ id: string } | null)[] }>(
      server,
      `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      { ids: chunk },
      token,
    );
    if (result.errors) throw new Error(`nodes query failed: ${JSON.stringify(result.errors)}`);
    for (const node of result.data?.nodes ?? []) if (node) found.add(node.id);
  }
  return found;
}
