// What an operator meets: the README's first command seeds its demo within the start script's
// own memory settings, a port already taken is said before the database is touched, and
// stopping `npm start` (the process a user or a supervisor holds) stops the server with it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  cleanUpProcesses,
  freePort,
  freshDataDir,
  gql,
  signIn,
  startServer,
} from "../helpers/process.js";

afterAll(cleanUpProcesses);

// Read from /proc rather than ps: a bare CI machine may have no procps.
function childrenOf(parent: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        // "pid (comm) state ppid …"; comm may hold spaces, so split after its closing paren.
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parent;
      } catch {
        return false;
      }
    });
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("npm start on a new data directory", () => {
  // The start script caps the heap (WASL_HEAP_MB) for the memory a small association's server
  // has; seeding the demo once ran out of it at 192 MB, which only a first start shows.
  it("seeds the Arabic demo data under the start script's heap cap and serves it", {
    timeout: 240_000,
  }, async () => {
    const server = await startServer({ npm: true, readyTimeoutMs: 200_000 });
    await server.ready;
    expect(server.stderr()).not.toContain("heap out of memory");
    const token = await signIn(server);
    const answer = await gql<{ members: { totalCount: number } }>(
      server,
      "{ members(first: 1) { totalCount } }",
      {},
      token,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.members.totalCount).toBeGreaterThan(0);
    await server.stop("SIGTERM");
  });
});

describe("a port already in use", () => {
  it("is refused before the database is opened, naming the port and PORT=", async () => {
    const port = await freePort();
    const squatter = createServer();
    await new Promise<void>((done) => squatter.listen(port, "127.0.0.1", done));
    try {
      const server = await startServer({ port, env: { WASL_SEED_DEMO: "false" } });
      const exit = await server.exited;
      expect(exit.code).toBe(2);
      expect(server.stderr()).toContain(`Port ${port}`);
      expect(server.stderr()).toContain("PORT=");
      // Nothing was opened, migrated or seeded.
      expect(readdirSync(server.dataDir)).toEqual([]);
    } finally {
      await new Promise((done) => squatter.close(done));
    }
  });
});

describe("stopping npm start", () => {
  for (const signal of ["SIGTERM", "SIGKILL"] as const) {
    // SIGTERM is passed on by npm; after SIGKILL npm cannot, and the server notices it is
    // orphaned and stops by itself.
    it(`${signal} to npm stops the node server too and releases the data directory`, {
      timeout: 180_000,
    }, async () => {
      const dataDir = freshDataDir();
      const server = await startServer({ dataDir, npm: true, env: { WASL_SEED_DEMO: "false" } });
      await server.ready;
      const npmPid = server.child.pid!;
      const nodePids = childrenOf(npmPid).filter((pid) => commandLine(pid).includes("api/main.ts"));
      expect(nodePids).toHaveLength(1);
      const nodePid = nodePids[0]!;
      expect(existsSync(join(dataDir, "wasl.lock"))).toBe(true);

      await server.stop(signal);
      // The server shuts down cleanly within a few seconds, not orphaned.
      for (let i = 0; i < 100 && alive(nodePid); i++) await new Promise((r) => setTimeout(r, 100));
      expect(alive(nodePid)).toBe(false);
      expect(existsSync(join(dataDir, "wasl.lock"))).toBe(false);
    });
  }
});
