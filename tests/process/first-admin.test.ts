// A real installation: no demo accounts with published passwords on an address others reach,
// and its first administrator created with `npm run create-admin`, on either engine.
import { afterAll, describe, expect, it } from "vitest";
import { createServerDatabase, testServerUrl } from "../helpers/database.js";
import {
  cleanUpProcesses,
  freshDataDir,
  gql,
  signIn,
  spawnInRepo,
  startServer,
} from "../helpers/process.js";

afterAll(cleanUpProcesses);

const strongPassword = "Quiet-Harbour-2026!";
const admin = { email: "owner@association.sa", password: strongPassword };

function createAdmin(options: { dataDir: string; env?: Record<string, string> }) {
  return spawnInRepo(
    [
      "--import",
      "tsx",
      "prisma/scripts/create-admin.ts",
      "--email",
      admin.email,
      "--name",
      "مدير الجمعية",
    ],
    { dataDir: options.dataDir, env: { WASL_ADMIN_PASSWORD: strongPassword, ...options.env } },
  );
}

describe("the server on an address other machines reach", () => {
  it("refuses to start while a demo account has its published password, naming the fix", {
    timeout: 240_000,
  }, async () => {
    const server = await startServer({ env: { HOST: "0.0.0.0", WASL_SEED_DEMO: "true" } });
    const exit = await server.exited;
    expect(exit.code).toBe(2);
    expect(server.stderr()).toContain("admin@wasl.demo");
    expect(server.stderr()).toContain("HOST=127.0.0.1");
    expect(server.stderr()).toContain("npm run create-admin");
    expect(server.stdout()).not.toContain("Wasl is running");
  });
});

describe("npm run create-admin", () => {
  it("creates an administrator on the embedded database, who signs in on 0.0.0.0", {
    timeout: 240_000,
  }, async () => {
    const dataDir = freshDataDir();
    const run = createAdmin({ dataDir });
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.stdout()).toContain(`Created administrator ${admin.email}`);

    // No demo data by default on a public address, and nothing to refuse: it starts.
    const server = await startServer({ dataDir, env: { HOST: "0.0.0.0" } });
    await server.ready;
    expect(server.stdout()).not.toContain("admin@wasl.demo");
    // Reachable from other machines without a gateway or SMTP: said at start, naming both.
    expect(server.stdout()).toContain("members' messages are not delivered");
    expect(server.stdout()).toMatch(/SMS_GATEWAY=http.*SMTP_URL/);
    const token = await signIn(server, admin);
    const me = await gql<{ me: { roles: string[] } }>(server, "{ me { roles } }", {}, token);
    expect(me.data?.me.roles).toEqual(["ADMIN"]);

    // While the server holds the embedded database, the command refuses clearly.
    const second = spawnInRepo(
      [
        "--import",
        "tsx",
        "prisma/scripts/create-admin.ts",
        "--email",
        "two@association.sa",
        "--name",
        "Two",
      ],
      { dataDir, env: { WASL_ADMIN_PASSWORD: strongPassword } },
    );
    expect((await second.exited).code).toBe(2);
    expect(second.stderr()).toContain("already in use");
    expect(await server.stop()).toEqual({ code: 0, signal: null });

    // The same e-mail twice is refused, not duplicated.
    const again = createAdmin({ dataDir });
    expect((await again.exited).code).toBe(2);
    expect(again.stderr()).toContain("used by another account");
  });

  it("refuses a weak password, saying why, before touching the database", async () => {
    for (const [weak, reason] of [
      ["short-1A", "shorter than 12 characters"],
      ["alllowercaseletters", "at least three of"],
      ["Owner@association.sa1", "contains the e-mail address"],
      ["Admin#2026", "published demo password"],
    ] as const) {
      const dataDir = freshDataDir();
      const run = createAdmin({ dataDir, env: { WASL_ADMIN_PASSWORD: weak } });
      expect((await run.exited).code).toBe(2);
      expect(run.stderr()).toContain(reason);
      expect(run.stderr()).toContain("Required: at least 12 characters");
    }
  });

  it("without a terminal and without WASL_ADMIN_PASSWORD, says how to give one", async () => {
    const run = createAdmin({ dataDir: freshDataDir(), env: { WASL_ADMIN_PASSWORD: "" } });
    expect((await run.exited).code).toBe(2);
    expect(run.stderr()).toContain("WASL_ADMIN_PASSWORD");
  });

  it.skipIf(!testServerUrl)(
    "creates an administrator on PostgreSQL, migrating it first",
    {
      timeout: 120_000,
    },
    async () => {
      const database = await createServerDatabase();
      try {
        const run = createAdmin({ dataDir: freshDataDir(), env: { DATABASE_URL: database.url } });
        expect(await run.exited).toEqual({ code: 0, signal: null });
        const pg = await import("pg");
        const client = new pg.default.Client({ connectionString: database.url });
        await client.connect();
        try {
          const { rows } = await client.query(`SELECT email, roles::text FROM "User"`);
          expect(rows).toEqual([{ email: admin.email, roles: "{ADMIN}" }]);
        } finally {
          await client.end();
        }
      } finally {
        await database.drop();
      }
    },
  );
});
