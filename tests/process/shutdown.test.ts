// Ctrl+C (SIGINT) and a service manager's SIGTERM stop the server cleanly: exit code 0, the
// lock released, and the next start finds everything that was written.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  cleanUpProcesses,
  createMember,
  existingNodes,
  freshDataDir,
  signIn,
  startServer,
} from "../helpers/process.js";

afterAll(cleanUpProcesses);

describe("graceful shutdown", () => {
  const dataDir = freshDataDir();
  const lockFile = join(dataDir, "wasl.lock");
  const created: string[] = [];

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`on ${signal}: exits with 0, releases the lock, and the next start keeps the data`, {
      timeout: 240_000,
    }, async () => {
      const server = await startServer({ dataDir });
      await server.ready;
      expect(existsSync(lockFile)).toBe(true);
      const token = await signIn(server);
      const id = await createMember(server, token);
      expect(id).toBeDefined();
      if (id) created.push(id);

      const exit = await server.stop(signal);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(existsSync(lockFile)).toBe(false);

      const next = await startServer({ dataDir });
      await next.ready;
      // Seeded once: the restart found the demo data and did not seed again.
      expect(next.stdout()).not.toContain("demo data seeded");
      const nextToken = await signIn(next);
      const found = await existingNodes(next, nextToken, created);
      expect([...found].sort()).toEqual([...created].sort());
      expect(await next.stop("SIGTERM")).toEqual({ code: 0, signal: null });
    });
  }
});
