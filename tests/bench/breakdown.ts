// Where our server's time goes, by layer, so that a regression names its layer: after a
// bench's measured rounds, one more segment of the same load runs with V8's sampling CPU
// profiler on in our server (outside the ratio: the profiler costs a few percent), and each
// sample is charged to the first layer found walking its stack up from the leaf:
//   GC                 V8's garbage collector
//   serialisation      JSON.stringify of results and log lines
//   database client    Prisma (query compiler, driver adapter), pg, PGlite's client side
//   GraphQL execution  graphql-js, yoga, envelop, Pothos, our resolvers and services
//   Node core          node:http, sockets, buffers and the microtask queue, when called by
//                      none of the above
// Samples of the profiler itself (node:inspector) are left out.
// PostgreSQL's own CPU per request is measured separately (the `postgres` process group).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunningServer } from "./child.js";
import { runSegment, settings, type Target } from "./load.js";

type CallFrame = { functionName: string; url: string };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export const layers = [
  "GC",
  "serialisation",
  "database client",
  "GraphQL execution",
  "Node core",
] as const;
export type Layer = (typeof layers)[number];

const databaseClient =
  /@prisma\/|\/api\/db\/generated\/|\/node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+|@electric-sql|pglite-prisma-adapter)\//;
const graphqlExecution =
  /\/node_modules\/(graphql|graphql-yoga|@graphql-yoga|@envelop|@graphql-tools|@pothos|@escape\.tech|@whatwg-node|dataloader)\/|\/(api|contract)\//;

/** The layer a frame decides, or undefined when its callers decide (Node's own frames). */
function frameLayer({ functionName, url }: CallFrame): Layer | "profiler" | undefined {
  if (functionName === "(garbage collector)") return "GC";
  if (functionName === "stringify" && !url) return "serialisation";
  if (url === "node:inspector") return "profiler";
  if (databaseClient.test(url)) return "database client";
  if (graphqlExecution.test(url)) return "GraphQL execution";
  return undefined;
}

/** Busy time (µs) per layer; idle and program time are left out. */
export function layerTimes(profile: CpuProfile): Record<Layer, number> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const decided = new Map<number, Layer | null>();
  const layerOf = (id: number): Layer | null => {
    const known = decided.get(id);
    if (known !== undefined) return known;
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)" || frame.functionName === "(program)") return null;
    const own = frameLayer(frame);
    const up = parent.get(id);
    const layer =
      own === "profiler"
        ? null
        : (own ?? (up === undefined ? "Node core" : (layerOf(up) ?? "Node core")));
    decided.set(id, layer);
    return layer;
  };
  const times = Object.fromEntries(layers.map((l) => [l, 0])) as Record<Layer, number>;
  for (const [i, id] of profile.samples.entries()) {
    const layer = layerOf(id);
    if (layer) times[layer] += profile.timeDeltas[i] ?? 0;
  }
  return times;
}

/**
 * Runs `target` once more for a measured slice with our server profiled, and prints its CPU
 * per request split by layer (and PostgreSQL's, when its processes are charged to `target`).
 */
export async function printBreakdown(target: Target, server: RunningServer): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "wasl-breakdown-"));
  try {
    const file = join(dir, "server.cpuprofile");
    await server.profile();
    const segment = await runSegment(target, settings.duration / settings.rounds);
    await server.profile(file);
    const times = layerTimes(JSON.parse(readFileSync(file, "utf8")) as CpuProfile);
    const requests = Math.max(1, segment.requests);
    const serverMs = (segment.cpuMs.server ?? 0) / requests;
    // The profiler samples the main thread in wall time (inflated when the machine is busy):
    // its shares split the process's measured CPU. A thread of the process that the profile
    // does not see (PGlite's database) is spread over the shares.
    const sampled = layers.reduce((sum, l) => sum + times[l], 0);
    const parts = layers
      .filter((l) => times[l] > 0)
      .map((l) => `${l} ${((serverMs * times[l]) / Math.max(1, sampled)).toFixed(2)}`);
    const postgres = segment.cpuMs.postgres;
    console.log(
      `  breakdown of ${target.name} (profiled, ${segment.requests} requests): server ` +
        `${serverMs.toFixed(2)} ms CPU/request = ${parts.join(", ")}` +
        (postgres === undefined ? "" : `; PostgreSQL ${(postgres / requests).toFixed(2)} ms`),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
