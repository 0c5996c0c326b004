// A load run whose every request carries a different body: for writes that cannot repeat on
// the same row (a life-cycle transition moves a request forward once). Same conventions as
// load.ts (bounded autocannon runs on 127.0.0.1 only, warm-up, alternating A B B A segments,
// CPU ms/request from /proc) — but each target draws its bodies from its own generator, and
// every answer is checked: a fast error answer (HTTP 200 with a GraphQL error type) is counted
// as an error, not as a result.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { type Figures, settings, type Target } from "./load.js";

export type SequenceTarget = Omit<Target, "body"> & {
  /** The next request body; called once per request sent (bounded by the run's duration). */
  nextBody(): string;
  /** Whether an answer is the success we measure. */
  succeeded(body: string): boolean;
};

type Segment = {
  requests: number;
  seconds: number;
  latencies: number[];
  errors: number;
  non2xx: number;
  failed: number;
  cpuMs: Record<string, number>;
};

const clockTick = 100; // USER_HZ on Linux

function cpuTimeMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTick;
  } catch {
    return 0;
  }
}

function cpuSnapshot(target: SequenceTarget): Map<string, Map<number, number>> {
  const snapshot = new Map<string, Map<number, number>>();
  for (const [label, pids] of Object.entries(target.processes ?? {}))
    snapshot.set(label, new Map(pids().map((pid) => [pid, cpuTimeMs(pid)])));
  return snapshot;
}

function cpuDelta(
  target: SequenceTarget,
  before: Map<string, Map<number, number>>,
): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [label, pids] of Object.entries(target.processes ?? {})) {
    const start = before.get(label) ?? new Map<number, number>();
    delta[label] = pids().reduce((sum, pid) => sum + cpuTimeMs(pid) - (start.get(pid) ?? 0), 0);
  }
  return delta;
}

async function run(target: SequenceTarget, seconds: number, record: boolean): Promise<Segment> {
  const { hostname, pathname } = new URL(target.url);
  if (hostname !== "127.0.0.1")
    throw new Error(`bench targets must be on 127.0.0.1, not ${target.url}`);
  const latencies: number[] = [];
  let failed = 0;
  const cpuBefore = cpuSnapshot(target);
  let instance: autocannon.Instance | undefined;
  const finished = new Promise<autocannon.Result>((resolveRun, reject) => {
    instance = autocannon(
      {
        url: target.url,
        connections: settings.connections,
        duration: seconds,
        timeout: 10,
        requests: [
          {
            method: target.method,
            path: pathname,
            headers: target.headers,
            setupRequest: (request) => ({ ...request, body: target.nextBody() }),
            onResponse: (status, body) => {
              if (status === 200 && !target.succeeded(body)) failed++;
            },
          },
        ],
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
  return {
    requests: result.requests.total,
    seconds: result.duration,
    latencies,
    errors: result.errors,
    non2xx: result.non2xx,
    failed,
    cpuMs: cpuDelta(target, cpuBefore),
  };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Like load.ts measure(); a failed answer counts in `errors`, warm-up included. */
export async function measureSequence(
  targets: SequenceTarget[],
  hooks: { afterWarmup?: () => Promise<void>; afterMeasuring?: () => Promise<void> } = {},
): Promise<Figures[]> {
  const warmupFailures = new Map<string, number>();
  for (const target of targets) {
    const warm = await run(target, settings.warmup, false);
    warmupFailures.set(target.name, warm.failed + warm.errors + warm.non2xx);
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
