// PGlite allows one process per data directory: a second server (or db:migrate) on the same
// directory must say so and exit, never open it alongside the first and corrupt it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cleanUpProcesses,
  gql,
  type ServerProcess,
  spawnInRepo,
  startServer,
} from "../helpers/process.js";

let first: ServerProcess;

beforeAll(async () => {
  // No sign-in here: skipping the demo seed halves the start on a busy machine.
  first = await startServer({ env: { WASL_SEED_DEMO: "false" } });
  await first.ready;
}, 180_000);

afterAll(cleanUpProcesses);

describe("a data directory already in use", () => {
  it("refuses a second server with exit code 2 and a message naming the directory", async () => {
    const second = await startServer({ dataDir: first.dataDir, env: { WASL_SEED_DEMO: "false" } });
    const exit = await second.exited;
    expect(exit.code).toBe(2);
    expect(second.stderr()).toContain(first.dataDir);
    expect(second.stderr()).toContain("already in use");
    expect(second.stdout()).not.toContain("Wasl is running");

    // The first server keeps serving.
    const result = await gql<{ __typename: string }>(first, "{ __typename }");
    expect(result.data?.__typename).toBe("Query");
  });

  it("refuses npm run db:migrate on it with exit code 1", async () => {
    const migrate = spawnInRepo(["--import", "tsx", "prisma/scripts/migrate.ts"], {
      dataDir: first.dataDir,
    });
    const exit = await migrate.exited;
    expect(exit.code).toBe(1);
    expect(migrate.stderr()).toContain("already in use");
    const result = await gql<{ __typename: string }>(first, "{ __typename }");
    expect(result.data?.__typename).toBe("Query");
  });
});

describe("a bad environment", () => {
  it("names the variable and exits with code 2", async () => {
    const run = spawnInRepo(["--import", "tsx", "api/main.ts"], {
      env: { PORT: "abc", WASL_TOKEN_SECRET: "short" },
    });
    const exit = await run.exited;
    expect(exit.code).toBe(2);
    expect(run.stderr()).toMatch(/PORT/);
    expect(run.stderr()).toMatch(/WASL_TOKEN_SECRET/);
  });
});
