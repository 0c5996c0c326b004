// kill -9 (or a power cut) in the middle of writes: after a restart, every member whose
// creation the server acknowledged is there. The restart takes over the dead process's lock.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  cleanUpProcesses,
  createMember,
  existingNodes,
  signIn,
  startServer,
} from "../helpers/process.js";

afterAll(cleanUpProcesses);

const writers = 4;
const killAfterMs = 1500;
const enoughWrites = 20;
const maxWriteMs = 30_000;

describe("kill -9 during writes", () => {
  // Two starts (the first seeds the demo data) on a machine busy with other test files.
  it("loses no acknowledged write, and the next start takes over the stale lock", {
    timeout: 240_000,
  }, async () => {
    const server = await startServer();
    await server.ready;
    const token = await signIn(server);

    const acknowledged: string[] = [];
    let inFlight = 0;
    let inFlightAtKill = -1;
    let failed = 0;
    let killed = false;
    const writer = async () => {
      while (!killed) {
        inFlight += 1;
        try {
          const id = await createMember(server, token);
          if (id) acknowledged.push(id);
        } catch {
          // The connection died with the server: not acknowledged, so nothing is promised.
          failed += 1;
        } finally {
          inFlight -= 1;
        }
      }
    };
    const writing = Promise.all(Array.from({ length: writers }, writer));
    // At least killAfterMs of writing, and on a slow (busy) machine longer, until enough
    // members were acknowledged for the check to mean something.
    const startedAt = Date.now();
    while (
      (Date.now() - startedAt < killAfterMs || acknowledged.length < enoughWrites) &&
      Date.now() - startedAt < maxWriteMs
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    inFlightAtKill = inFlight;
    server.child.kill("SIGKILL");
    killed = true;
    const exit = await server.exited;
    await writing;

    expect(exit.signal).toBe("SIGKILL");
    expect(inFlightAtKill, "no write was in flight when the server was killed").toBeGreaterThan(0);
    expect(acknowledged.length, "too few writes to mean anything").toBeGreaterThan(5);
    // The dead server could not remove its lock file: the restart must take it over.
    expect(existsSync(join(server.dataDir, "wasl.lock"))).toBe(true);

    const restarted = await startServer({ dataDir: server.dataDir });
    await restarted.ready;
    const restartedToken = await signIn(restarted);
    const found = await existingNodes(restarted, restartedToken, acknowledged);
    const lost = acknowledged.filter((id) => !found.has(id));
    expect(lost, `${lost.length} of ${acknowledged.length} acknowledged members lost`).toEqual([]);
    console.info(
      `kill -9: ${acknowledged.length} acknowledged, ${inFlightAtKill} in flight at the kill, ${failed} cut off; none lost`,
    );
    expect(await restarted.stop("SIGTERM")).toEqual({ code: 0, signal: null });
  });
});
