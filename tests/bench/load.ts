// The load generator: autocannon, bounded in time and only ever aimed at 127.0.0.1.
// Each target is warmed up, then measured in alternating segments (A B B A …) so that a
// change in background load hits both sides of a ratio alike.
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import autocannon from "autocannon";

export type Target = {
  name: string;
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  /**
   * A different body per request, for writes that cannot repeat on the same row (a
   * transition moves a request forward once); called once per request sent.
   */
  nextBody?: () => string;
  /** Whether an answer is the success measured; others count as errors, warm-up included. */
  succeeded?: (body: string) => boolean;
  /** Processes whose CPU time is charged to this target while it is loaded, by label. */
  processes?: Record<string, () => number[]>;
};

export type Figures = {
  name: string;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  errors: number;
  non2xx: number;
  /** CPU milliseconds per request of each process group, measured from /proc. */
  cpuPerRequest: Record<string, number>;
};

/**
 * BENCH_SMOKE=1 (`.ci/run`): every bench runs for a second or two on small data, only to
 * prove that it still runs and prints its line; no goal is judged.
 */
export const smoke = process.env.BENCH_SMOKE === "1";

export const settings = {
  connections: positive("BENCH_CONNECTIONS", 10),
  /** Measured seconds per target, split over the rounds. */
  duration: positive("BENCH_DURATION", smoke ? 1 : 8),
  warmup: positive("BENCH_WARMUP", smoke ? 0.5 : 2),
  rounds: positive("BENCH_ROUNDS", smoke ? 1 : 2),
};

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 120) {
    throw new Error(`${name} must be a number of (0, 120], got "${raw}"`);
  }
  return value;
}

function assertLoopback(url: string): void {
  const { hostname } = new URL(url);
  if (hostname !== "127.0.0.1") throw new Error(`bench targets must be on 127.0.0.1, not ${url}`);
}

export type Segment = {
  requests: number;
  seconds: number;
  latencies: number[];
  errors: number;
  non2xx: number;
  /** HTTP 200 answers that `succeeded` refused. */
  failed: number;
  cpuMs: Record<string, number>;
};

const clockTick = 100; // USER_HZ on Linux

/** user + system CPU time of a process in ms (0 once it has gone). */
function cpuTimeMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTick;
  } catch {
    return 0;
  }
}

/** The processes whose parent is `pid` (PostgreSQL backends of a postmaster). */
export function childPids(pid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === pid) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

function cpuSnapshot(target: Target): Map<string, Map<number, number>> {
  const snapshot = new Map<string, Map<number, number>>();
  for (const [label, pids] of Object.entries(target.processes ?? {})) {
    snapshot.set(label, new Map(pids().map((pid) => [pid, cpuTimeMs(pid)])));
  }
  return snapshot;
}

function cpuDelta(
  target: Target,
  before: Map<string, Map<number, number>>,
): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [label, pids] of Object.entries(target.processes ?? {})) {
    const start = before.get(label) ?? new Map<number, number>();
    delta[label] = pids().reduce((sum, pid) => sum + cpuTimeMs(pid) - (start.get(pid) ?? 0), 0);
  }
  return delta;
}

/** One bounded autocannon run; records every response time (ms) for exact percentiles. */
async function run(target: Target, seconds: number, record: boolean): Promise<Segment> {
  assertLoopback(target.url);
  const latencies: number[] = [];
  let failed = 0;
  const { nextBody, succeeded } = target;
  const cpuBefore = cpuSnapshot(target);
  let instance: autocannon.Instance | undefined;
  const finished = new Promise<autocannon.Result>((resolveRun, reject) => {
    instance = autocannon(
      {
        url: target.url,
        method: target.method,
        headers: target.headers,
        body: target.body,
        connections: settings.connections,
        duration: seconds,
        timeout: 10,
        ...(nextBody || succeeded
          ? {
              requests: [
                {
                  method: target.method,
                  path: new URL(target.url).pathname,
                  headers: target.headers,
                  ...(nextBody
                    ? { setupRequest: (request: object) => ({ ...request, body: nextBody() }) }
                    : {}),
                  onResponse: (status: number, body: string) => {
                    if (status === 200 && succeeded && !succeeded(body)) failed++;
                  },
                },
              ],
            }
          : {}),
      },
      (error, result) => (error ? reject(error) : resolveRun(result)),
    );
  });
  if (record) {
    instance?.on("response", (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  }
  const result = await finished;
  const cpuMs = cpuDelta(target, cpuBefore);
  return {
    requests: result.requests.total,
    seconds: result.duration,
    latencies,
    errors: result.errors,
    non2xx: result.non2xx,
    failed,
    cpuMs,
  };
}

/** One measured run of `target` outside the rounds (the layer breakdown's profiled slice). */
export function runSegment(target: Target, seconds: number): Promise<Segment> {
  return run(target, seconds, false);
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Measures the targets against each other: warm-up each, then A B … B A … segments. */
export async function measure(
  targets: Target[],
  hooks: { afterWarmup?: () => Promise<void>; afterMeasuring?: () => Promise<void> } = {},
): Promise<Figures[]> {
  // Warm-up failures count only where answers are checked (targets with `succeeded`).
  const warmupFailures = new Map<string, number>();
  for (const target of targets) {
    const warm = await run(target, settings.warmup, false);
    if (target.succeeded) warmupFailures.set(target.name, warm.failed + warm.errors + warm.non2xx);
  }
  await hooks.afterWarmup?.();
  const segments = new Map<string, Segment[]>(targets.map((t) => [t.name, []]));
  const slice = settings.duration / settings.rounds;
  for (let round = 0; round < settings.rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) segments.get(target.name)!.push(await run(target, slice, true));
  }
  await hooks.afterMeasuring?.();
  return targets.map((target) => {
    const parts = segments.get(target.name)!;
    const requests = parts.reduce((sum, s) => sum + s.requests, 0);
    const seconds = parts.reduce((sum, s) => sum + s.seconds, 0);
    const sorted = Float64Array.from(parts.flatMap((s) => s.latencies)).sort();
    return {
      name: target.name,
      requests,
      seconds,
      rps: requests / seconds,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      errors:
        parts.reduce((sum, s) => sum + s.errors + s.failed, 0) +
        (warmupFailures.get(target.name) ?? 0),
      non2xx: parts.reduce((sum, s) => sum + s.non2xx, 0),
      cpuPerRequest: Object.fromEntries(
        Object.keys(target.processes ?? {}).map((label) => [
          label,
          parts.reduce((sum, s) => sum + (s.cpuMs[label] ?? 0), 0) / Math.max(1, requests),
        ]),
      ),
    };
  });
}

export function formatFigures(f: Figures): string {
  const problems = f.errors || f.non2xx ? `  errors=${f.errors} non2xx=${f.non2xx}` : "";
  const cpu = Object.entries(f.cpuPerRequest)
    .map(([label, ms]) => `${label} ${ms.toFixed(2)}`)
    .join(", ");
  return (
    `  ${f.name.padEnd(34)} ${f.rps.toFixed(0).padStart(7)} req/s  ` +
    `p50=${f.p50.toFixed(2)} ms  p95=${f.p95.toFixed(2)} ms  (${f.requests} requests in ${f.seconds.toFixed(1)} s)` +
    `${cpu ? `\n  ${"".padEnd(34)} CPU ms/request: ${cpu}` : ""}${problems}`
  );
}

/** Refuses figures that include failed requests: a fast 4xx is not a result. */
export function assertClean(figures: Figures[]): void {
  for (const f of figures) {
    if (f.errors || f.non2xx)
      throw new Error(`${f.name}: ${f.errors} errors and ${f.non2xx} non-2xx responses`);
  }
}

export function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
}
