// The idle collection (api/idle-memory.ts) in a real node started with npm start's
// --expose-gc: after a second of work that leaves garbage behind, the heap is collected once
// the process has been idle, and not again while it stays idle.
import { afterAll, describe, expect, it } from "vitest";
import { cleanUpProcesses, spawnInRepo } from "../helpers/process.js";

afterAll(cleanUpProcesses);

const program = `
import { collectWhenIdle } from "./api/idle-memory.ts";
const collections = [];
const used = () => process.memoryUsage().heapUsed;
collectWhenIdle({ onCollect: (ms) => collections.push({ ms, heapUsed: used() }) });
// A second and a half of work whose garbage stays in the heap until a collection.
let kept = [];
const began = Date.now();
while (Date.now() - began < 1500) {
  kept.push({ text: "x".repeat(200), at: Date.now() });
  if (kept.length > 20000) kept = [];
}
kept = [];
const afterWork = used();
setTimeout(() => {
  console.log(JSON.stringify({ afterWork, collections }));
}, 5500);
`;

describe("collecting the heap when idle", () => {
  it("collects once after work and an idle moment, returning the garbage", async () => {
    const run = spawnInRepo([
      "--expose-gc",
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      program,
    ]);
    const exit = await run.exited;
    expect(run.stderr()).toBe("");
    expect(exit.code).toBe(0);
    const { afterWork, collections } = JSON.parse(run.stdout()) as {
      afterWork: number;
      collections: { ms: number; heapUsed: number }[];
    };
    expect(collections).toHaveLength(1);
    expect(collections[0]!.heapUsed).toBeLessThan(afterWork / 2);
  });

  it("does nothing without --expose-gc", async () => {
    const run = spawnInRepo(["--import", "tsx", "--input-type=module", "-e", program]);
    expect((await run.exited).code).toBe(0);
    expect(JSON.parse(run.stdout()).collections).toEqual([]);
  });
});
