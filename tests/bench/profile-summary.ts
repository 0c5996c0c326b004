// Summarises a V8 CPU profile (from BENCH_PROFILE_DIR) by self time: per package or source
// area, and the top functions. Usage: node --import tsx tests/bench/profile-summary.ts <file>
import { readFileSync } from "node:fs";

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

function area(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules) return modules[1]!;
  if (url.startsWith("node:")) return "node core";
  const local = url.match(/\/work\/[^/]+\/(api\/[^/]+(?:\/[^/]+)?|tests\/[^/]+|prisma)/);
  if (local) return local[1]!;
  return url;
}

function summarise(file: string, top: number): void {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self]
    .filter(([id]) => byId.get(id)?.callFrame.functionName === "(idle)")
    .reduce((a, [, t]) => a + t, 0);
  const busy = total - idle;
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, time] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)") continue;
    const key = area(frame.url, frame.functionName);
    areas.set(key, (areas.get(key) ?? 0) + time);
    const name = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/\/work\/[^/]+\//, "")}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + time);
  }
  const pct = (t: number) => `${((100 * t) / busy).toFixed(1).padStart(5)}%`;
  console.log(
    `${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (self time below, % of busy)`,
  );
  for (const [name, time] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${pct(time)}  ${name}`);
  console.log("  top functions:");
  for (const [name, time] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${pct(time)}  ${name}`);
}

const files = process.argv.slice(2).filter((a) => a !== "--");
if (!files.length) {
  console.error("usage: profile-summary.ts <file.cpuprofile>…");
  process.exit(2);
}
for (const file of files) summarise(file, Number(process.env.TOP ?? 25));
