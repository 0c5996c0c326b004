// `npm run bench` runs every bench; `npm run bench -- transport embedded` runs those named.
// Each bench measures our side and its baseline in the same run and ends with the line
// `bench <name> ratio=<x> goal=<y>`. Environment: BENCH_DURATION (measured seconds per target,
// default 8), BENCH_ROUNDS (alternating segments, 2), BENCH_WARMUP (2), BENCH_CONNECTIONS (10),
// BENCH_LOG_LEVEL (our server's log level, default info), BENCH_DATABASE_URL (a PostgreSQL
// server to create the bench database on; default a throw-away local cluster),
// BENCH_LARGE_DATABASE_URL (a large data set seeded by an earlier run, kept: common.ts).
import { cpus } from "node:os";
import { pinning } from "./child.js";
import { type Bench, createContext, ratioLine } from "./common.js";
import { dashboard } from "./dashboard.js";
import { embedded } from "./embedded.js";
import { fanout, fanoutRedis, fanoutSaturation } from "./fanout.js";
import { kbSearch } from "./kb-search.js";
import { loadAverage, settings, smoke } from "./load.js";
import { membersPage } from "./members-page.js";
import { membersSearch } from "./members-search.js";
import { outbox } from "./outbox.js";
import { partnerVerify } from "./partner-verify.js";
import { requestsList } from "./requests-list.js";
import { soak } from "./soak.js";
import { transition } from "./transition.js";
import { transport } from "./transport.js";

const benches: Bench[] = [
  transport,
  membersPage,
  embedded,
  transition,
  requestsList,
  membersSearch,
  dashboard,
  soak,
  kbSearch,
  fanout,
  fanoutSaturation,
  fanoutRedis,
  outbox,
  partnerVerify,
];

async function main(): Promise<number> {
  const names = process.argv.slice(2).filter((a) => a !== "--");
  const unknown = names.filter((n) => !benches.some((b) => b.name === n));
  if (unknown.length) {
    console.error(
      `unknown bench: ${unknown.join(", ")} (known: ${benches.map((b) => b.name).join(", ")})`,
    );
    return 2;
  }
  const selected = names.length ? benches.filter((b) => names.includes(b.name)) : benches;
  console.log(
    `wasl bench: node ${process.version}, ${cpus().length} CPUs, ${settings.connections} connections, ` +
      `${settings.warmup} s warm-up + ${settings.duration} s measured per target in ${settings.rounds} alternating rounds, ` +
      `server log level ${process.env.BENCH_LOG_LEVEL || "info"}; ` +
      (pinning
        ? `load generator on core ${pinning.generator}, servers on core ${pinning.servers}`
        : "no core pinning") +
      (smoke ? "; SMOKE: small data, goals not judged" : ""),
  );
  const context = createContext();
  const lines: string[] = [];
  let failed = false;
  try {
    for (const bench of selected) {
      console.log(`\n${bench.name}: ${bench.description} (load average ${loadAverage()})`);
      try {
        const ratio = await bench.run(context);
        if (!smoke) console.log(`  ${ratio >= bench.goal ? "goal met" : "GOAL MISSED"}`);
        const line = ratioLine(bench.name, ratio, bench.goal);
        lines.push(line);
        console.log(line);
      } catch (error) {
        failed = true;
        console.error(
          `  ${bench.name} failed: ${error instanceof Error ? error.stack : String(error)}`,
        );
      }
    }
  } finally {
    await context.close();
  }
  if (selected.length > 1 && lines.length) console.log(`\nsummary:\n${lines.join("\n")}`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
