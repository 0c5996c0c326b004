// What an operator meets: a port already taken is said before the database is touched, and
// stopping `npm start` (the process a user or a supervisor holds) stops the server with it.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanUpProcesses, freePort, freshDataDir, startServer } from "../helpers/process.js";

afterAll(cleanUpProcesses);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

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

describe("SIGTERM to npm start", () => {
  it("stops the node server too and releases the data directory", {
    timeout: 180_000,
  }, async () => {
    const dataDir = freshDataDir();
    const server = await startServer({ dataDir, npm: true, env: { WASL_SEED_DEMO: "false" } });
    await server.ready;
    const npmPid = server.child.pid!;
    const nodePids = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(npmPid)], {
      encoding: "utf8",
    })
      .split("\n")
      .filter((line) => line.includes("api/main.ts"))
      .map((line) => Number(line.trim().split(/\s+/)[0]));
    expect(nodePids).toHaveLength(1);
    const nodePid = nodePids[0]!;
    expect(existsSync(join(dataDir, "wasl.lock"))).toBe(true);

    await server.stop("SIGTERM");
    // The server shuts down cleanly within a few seconds, not orphaned.
    for (let i = 0; i < 100 && alive(nodePid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(nodePid)).toBe(false);
    expect(existsSync(join(dataDir, "wasl.lock"))).toBe(false);
  });
});
