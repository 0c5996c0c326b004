// The committee room's fan-out: 1,000 graphql-ws clients (one child process) follow one
// room on our server (another, production mode, PGlite in memory) while events are published
// at 10/s; the baseline is a bare `ws` server broadcasting the very bytes our server sends
// (same size, built once per event) to 1,000 clients of the same harness, in the same run.
//
// Events are published on the server's own pub/sub, as `emitRoomChanged` does after a
// command commits: a real CommitteeRoomEvent with the room's whole state read from the
// database. Not a real vote: the vote's transaction is not fan-out, and its time (and
// PGlite's) would sit in our p99 but not in the baseline's.
//
// fanout             p99 delivery latency (publish → a client's receipt, one monotonic clock),
//                    ratio = raw p99 / our p99, goal 0.5 (ours at most 2× the baseline)
// fanout-saturation  deliveries per second with a window of events in flight (the next is
//                    published as one reaches every client), ratio = ours / raw, goal 0.5
// fanout-redis       clients on instance B, events published on instance A through Redis vs
//                    one instance without Redis (PostgreSQL shared by all), 200 clients
//                    (BENCH_FANOUT_REDIS_CLIENTS); ratio = (single p99 + 3 ms) /
//                    two-instance p99, goal 1 (at most 3 ms added)
//
// BENCH_FANOUT_CLIENTS (1000) clients; BENCH_DURATION seconds measured per target and phase,
// in BENCH_ROUNDS alternating segments; BENCH_PROFILE_DIR: CPU profile of our server over the
// measured part (summarise with profile-summary.ts).
import { type ChildProcess, fork, spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { roomFields } from "../helpers/committee.js";
import { freePort } from "../helpers/process.js";
import type { Bench } from "./common.js";
import type {
  ClientCommand,
  ClientMessage,
  FanoutRoom,
  FanoutServerCommand,
  FanoutServerMessage,
} from "./fanout-protocol.js";
import { settings, smoke } from "./load.js";
import { startPostgres } from "./postgres.js";

const here = dirname(fileURLToPath(import.meta.url));
const clientCount = Number(process.env.BENCH_FANOUT_CLIENTS || (smoke ? 50 : 1000));
/**
 * Fewer for fanout-redis: what it measures is the hop through Redis, which a saturated
 * server's queues would hide (at 1,000 clients × 10/s on two loaded cores they decide p99).
 */
const redisClientCount = Number(process.env.BENCH_FANOUT_REDIS_CLIENTS || (smoke ? 20 : 200));
const rate = 10;
/** Events in flight while saturating: enough to keep the server busy, bounded memory. */
const window = 8;

const roomSubscription = `subscription($s: ID!) { committeeRoom(session: $s) {
  sequence change at actor item inRoomNow room { ${roomFields} } } }`;

type Message = { type: string };

/** A forked child and its IPC messages, awaited by kind. */
class Child<In extends Message, Out> {
  private readonly waiting = new Set<(message: In) => boolean>();
  readonly exited: Promise<void>;

  constructor(readonly process: ChildProcess) {
    this.exited = new Promise((done) => process.once("exit", () => done()));
    process.on("message", (message: In) => {
      for (const waiter of this.waiting) if (waiter(message)) this.waiting.delete(waiter);
    });
  }

  static start<In extends Message, Out>(
    file: string,
    args: string[],
    env: Record<string, string> = {},
  ): Child<In, Out> {
    // Request logs (pino, on stdout) go to /dev/null: written like in production, never read.
    const devNull = openSync("/dev/null", "w");
    const child = fork(join(here, file), args, {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, ...env },
      stdio: ["ignore", devNull, "inherit", "ipc"],
    });
    closeSync(devNull);
    process.once("exit", () => child.kill("SIGKILL"));
    return new Child<In, Out>(child);
  }

  send(command: Out): void {
    this.process.send(command as object);
  }

  /** The next message `pick` accepts; fails on a `failed` message, an exit or the timeout. */
  next<T>(pick: (message: In) => T | undefined, timeoutMs = 300_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(waiter);
        reject(new Error(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (message: In) => {
        if (message.type === "failed") {
          clearTimeout(timer);
          reject(new Error((message as { error?: string }).error));
          return true;
        }
        const picked = pick(message);
        if (picked === undefined) return false;
        clearTimeout(timer);
        resolve(picked);
        return true;
      };
      this.waiting.add(waiter);
      this.exited.then(() => {
        clearTimeout(timer);
        reject(new Error("the child exited"));
      });
    });
  }

  /** Every message `pick` accepts until `stop` resolves. */
  on(pick: (message: In) => void): () => void {
    const waiter = (message: In) => {
      pick(message);
      return false;
    };
    this.waiting.add(waiter);
    return () => this.waiting.delete(waiter);
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    this.process.send("stop");
    const timer = setTimeout(() => this.process.kill("SIGKILL"), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}

type Server = Child<FanoutServerMessage, FanoutServerCommand> & { url: string; room?: FanoutRoom };
type Clients = Child<ClientMessage, ClientCommand>;

async function startServer(kind: "wasl" | "raw", env: Record<string, string> = {}) {
  const child = Child.start<FanoutServerMessage, FanoutServerCommand>(
    "fanout-server.ts",
    [kind],
    env,
  );
  const ready = await child.next((m) => (m.type === "ready" ? m : undefined));
  return Object.assign(child, { url: ready.url, room: ready.room }) as Server;
}

function startClients(): Clients {
  return Child.start<ClientMessage, ClientCommand>("fanout-clients.ts", []);
}

async function connect(
  clients: Clients,
  group: string,
  url: string,
  room: FanoutRoom,
  count = clientCount,
) {
  clients.send({
    type: "connect",
    group,
    url,
    count,
    tokens: room.tokens,
    query: roomSubscription,
    variables: { s: room.session },
  });
  const { ms } = await clients.next((m) =>
    m.type === "connected" && m.group === group ? m : undefined,
  );
  // Every arrival is announced to the room (presence): let that settle first.
  const quietFrom = performance.now();
  await quiet(clients, 1_000);
  console.log(
    `  ${group}: ${count} clients subscribed in ${ms.toFixed(0)} ms, ` +
      `presence settled ${(performance.now() - quietFrom).toFixed(0)} ms later`,
  );
}

async function quiet(clients: Clients, ms: number): Promise<void> {
  clients.send({ type: "quiet", ms });
  await clients.next((m) => (m.type === "quiet" ? true : undefined));
}

async function report(clients: Clients, group: string) {
  clients.send({ type: "report", group });
  return clients.next((m) => (m.type === "report" && m.group === group ? m : undefined));
}

/** A target: where events are published, and which client group receives them. */
type Target = { name: string; publisher: Server; group: string; clients: number };

type Latencies = { latencies: number[]; expected: number; errors: number };

/** Events at 10/s for `seconds`; every delivery's latency. */
async function latencySegment(clients: Clients, target: Target, seconds: number) {
  clients.send({ type: "record", group: target.group });
  const count = Math.max(1, Math.round(seconds * rate));
  // Each client receives in order: once the last event reached every client, all did.
  const reachedAll = new Set<number>();
  const stop = clients.on((m) => {
    if (m.type === "delivered" && m.group === target.group) reachedAll.add(m.sequence);
  });
  target.publisher.send({ type: "publish", count, intervalMs: 1000 / rate });
  const { times } = await target.publisher.next((m) => (m.type === "published" ? m : undefined));
  const last = times.at(-1)![0];
  for (let waited = 0; !reachedAll.has(last) && waited < 30_000; waited += 20)
    await new Promise((resolve) => setTimeout(resolve, 20));
  stop();
  const { receipts, errors } = await report(clients, target.group);
  const published = new Map(times);
  const latencies: number[] = [];
  for (const [sequence, received] of receipts) {
    const at = published.get(sequence);
    if (at !== undefined) for (const t of received) latencies.push(t - at);
  }
  return { latencies, expected: count * target.clients, errors };
}

/** Deliveries per second with `window` events in flight, for `seconds`. */
async function saturationSegment(clients: Clients, target: Target, seconds: number) {
  clients.send({ type: "record", group: target.group });
  const started = performance.now();
  let published = 0;
  let delivered = 0;
  let lastDelivered = started;
  const publish = (count: number) => {
    published += count;
    target.publisher.send({ type: "publish", count, intervalMs: 0 });
  };
  const done = new Promise<void>((resolve) => {
    const stop = clients.on((m) => {
      if (m.type !== "delivered" || m.group !== target.group) return;
      delivered++;
      lastDelivered = performance.now();
      if (lastDelivered - started < seconds * 1000) publish(1);
      else if (delivered === published) {
        stop();
        resolve();
      }
    });
  });
  publish(window);
  await done;
  const { errors } = await report(clients, target.group);
  return {
    perSecond: (delivered * target.clients) / ((lastDelivered - started) / 1000),
    errors,
  };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

function summary(name: string, segments: Latencies[]) {
  const all = segments.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const expected = segments.reduce((sum, s) => sum + s.expected, 0);
  const errors = segments.reduce((sum, s) => sum + s.errors, 0);
  const p99s = segments.map((s) =>
    percentile(
      [...s.latencies].sort((a, b) => a - b),
      99,
    ),
  );
  const figures = {
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    max: all.at(-1) ?? Number.NaN,
  };
  console.log(
    `  ${name.padEnd(26)} p50=${figures.p50.toFixed(2)} ms  p99=${figures.p99.toFixed(2)} ms  ` +
      `max=${figures.max.toFixed(1)} ms  (${all.length}/${expected} deliveries; ` +
      `p99 per segment ${p99s.map((p) => p.toFixed(2)).join(", ")})`,
  );
  if (all.length !== expected || errors)
    throw new Error(`${name}: ${expected - all.length} deliveries missing, ${errors} errors`);
  return figures;
}

/** Alternating segments (A B B A …) so that a change in background load hits both alike. */
async function alternate<T>(
  targets: Target[],
  segment: (target: Target, round: number) => Promise<T>,
): Promise<Map<string, T[]>> {
  const results = new Map<string, T[]>(targets.map((t) => [t.name, []]));
  for (let round = 0; round < settings.rounds; round++) {
    for (const target of round % 2 === 0 ? targets : [...targets].reverse())
      results.get(target.name)!.push(await segment(target, round));
  }
  return results;
}

async function profiled<T>(server: Server, name: string, run: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return run();
  server.send({ type: "profile" });
  await server.next((m) => (m.type === "profiled" ? true : undefined));
  const result = await run();
  const file = `${dir}/${name}.cpuprofile`;
  server.send({ type: "profile", file });
  await server.next((m) => (m.type === "profiled" ? true : undefined));
  console.log(`  CPU profile of our server: ${file}`);
  return result;
}

type FanoutFigures = { latencyRatio: number; saturationRatio: number };
let fanoutRun: Promise<FanoutFigures> | undefined;

async function measureFanout(): Promise<FanoutFigures> {
  const ours = await startServer("wasl", { FANOUT_SEED: "1" });
  const raw = await startServer("raw");
  const clients = startClients();
  try {
    const room = ours.room!;
    await connect(clients, "wasl", ours.url, room);
    // The baseline's bytes: one event as our server sent it.
    clients.send({ type: "sample", group: "wasl" });
    ours.send({ type: "publish", count: 1, intervalMs: 0 });
    const sample = await clients.next((m) => (m.type === "sample" ? m : undefined));
    console.log(`  one event: ${Buffer.byteLength(sample.frame)} bytes per client`);
    raw.send({ type: "frame", frame: sample.frame, sequence: sample.sequence });
    await connect(clients, "raw", raw.url, room);

    const targets: Target[] = [
      { name: "wasl (graphql-ws)", publisher: ours, group: "wasl", clients: clientCount },
      { name: "raw ws broadcast", publisher: raw, group: "raw", clients: clientCount },
    ];
    const slice = settings.duration / settings.rounds;
    for (const target of targets) {
      await latencySegment(clients, target, settings.warmup);
      await saturationSegment(clients, target, settings.warmup);
    }
    return await profiled(ours, "fanout", async () => {
      console.log(
        `  latency: ${rate} events/s to ${clientCount} clients, ${settings.rounds} × ${slice} s each`,
      );
      const latency = await alternate(targets, (t) => latencySegment(clients, t, slice));
      const [wasl, baseline] = targets.map((t) => summary(t.name, latency.get(t.name)!));
      console.log(
        `  p99 ours / raw = ${(wasl!.p99 / baseline!.p99).toFixed(2)}× (goal ≤ 2×); ` +
          `p50 ${(wasl!.p50 / baseline!.p50).toFixed(2)}×`,
      );
      console.log(`  saturation: ${window} events in flight, ${settings.rounds} × ${slice} s each`);
      const saturation = await alternate(targets, (t) => saturationSegment(clients, t, slice));
      const rates = targets.map((t) => {
        const segments = saturation.get(t.name)!;
        const errors = segments.reduce((sum, s) => sum + s.errors, 0);
        if (errors) throw new Error(`${t.name}: ${errors} errors while saturating`);
        const perSecond = segments.map((s) => s.perSecond);
        const mean = perSecond.reduce((a, b) => a + b, 0) / perSecond.length;
        console.log(
          `  ${t.name.padEnd(26)} ${mean.toFixed(0)} deliveries/s ` +
            `(per segment ${perSecond.map((p) => p.toFixed(0)).join(", ")})`,
        );
        return mean;
      });
      const saturationRatio = rates[0]! / rates[1]!;
      console.log(`  saturation ours / raw = ${saturationRatio.toFixed(2)}× (goal ≥ 0.5×)`);
      return { latencyRatio: baseline!.p99 / wasl!.p99, saturationRatio };
    });
  } finally {
    clients.process.kill();
    await Promise.all([ours.stop(), raw.stop()]);
  }
}

export const fanout: Bench = {
  name: "fanout",
  goal: 0.5,
  description:
    "committee room to 1,000 graphql-ws clients at 10 events/s: raw ws p99 / our p99 (≥ 0.5: ours ≤ 2×), and saturation deliveries/s vs raw ws",
  async run() {
    fanoutRun ??= measureFanout();
    return (await fanoutRun).latencyRatio;
  },
};

export const fanoutSaturation: Bench = {
  name: "fanout-saturation",
  goal: 0.5,
  description: "saturation deliveries/s, ours / raw ws broadcast (measured with fanout)",
  async run() {
    fanoutRun ??= measureFanout();
    return (await fanoutRun).saturationRatio;
  },
};

/** A throw-away Redis on a free port, nothing kept on disk (as .ci/run starts one). */
async function startRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "wasl-redis-"));
  const redis = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { cwd: dir, stdio: ["ignore", "pipe", "inherit"] },
  );
  process.once("exit", () => redis.kill("SIGKILL"));
  await new Promise<void>((resolve, reject) => {
    let output = "";
    redis.stdout?.on("data", (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes("Ready to accept connections")) resolve();
    });
    redis.once("exit", (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((done) => redis.once("exit", done));
      redis.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const fanoutRedis: Bench = {
  name: "fanout-redis",
  goal: 1,
  description:
    "clients on instance B, events published on A through Redis vs one instance without Redis: (single p99 + 3 ms) / two-instance p99 (≥ 1: at most 3 ms added)",
  async run() {
    const postgres = await startPostgres();
    const redis = await startRedis().catch(async (error) => {
      await postgres.stop();
      throw error;
    });
    const servers: Server[] = [];
    const clients = startClients();
    try {
      const db = { FANOUT_DB_URL: postgres.url };
      const a = await startServer("wasl", { ...db, REDIS_URL: redis.url, FANOUT_SEED: "1" });
      servers.push(a);
      const b = await startServer("wasl", { ...db, REDIS_URL: redis.url });
      servers.push(b);
      const single = await startServer("wasl", db);
      servers.push(single);
      console.log(`  PostgreSQL: ${postgres.description}; Redis on ${redis.url}`);
      const room = a.room!;
      await connect(clients, "single", single.url, room, redisClientCount);
      await connect(clients, "redis", b.url, room, redisClientCount);
      const targets: Target[] = [
        { name: "one instance", publisher: single, group: "single", clients: redisClientCount },
        { name: "A → Redis → B", publisher: a, group: "redis", clients: redisClientCount },
      ];
      for (const target of targets) await latencySegment(clients, target, settings.warmup);
      const slice = settings.duration / settings.rounds;
      const latency = await alternate(targets, (t) => latencySegment(clients, t, slice));
      const [one, two] = targets.map((t) => summary(t.name, latency.get(t.name)!));
      const added = two!.p99 - one!.p99;
      console.log(`  added p99 through Redis: ${added.toFixed(2)} ms (goal ≤ 3 ms)`);
      // Events queueing (offered more than a server delivers): p99 then measures the queue.
      if (one!.p50 > 1000 / rate || two!.p50 > 1000 / rate) {
        console.log("  SATURATED: p50 above the events' interval; not a measure of Redis");
        return 0;
      }
      return (one!.p99 + 3) / two!.p99;
    } finally {
      clients.process.kill();
      await Promise.all(servers.map((s) => s.stop()));
      await redis.stop();
      await postgres.stop();
    }
  },
};
