// A burst of writes queues for the database instead of failing: on PostgreSQL the pool's
// connections are shared out in turn, on PGlite the one connection takes transactions in turn.
// Past a real limit (a connection held longer than a transaction may wait), the answer is the
// typed BUSY error, in the caller's language, never "Unexpected error.".

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseBusy, openDatabase } from "../../api/db/client.js";
import { withCheckDigit } from "../../api/modules/members/rules.js";
import { startTestApp, type TestApp, testConfig } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createServerDatabase, testEngine, testServerUrl } from "../helpers/database.js";
import { createStaffUser, password } from "../helpers/fixtures.js";

const createMutation = `mutation($input: CreateMemberInput!) {
  createMember(input: $input) {
    __typename
    ... on CreateMemberSuccess { member { memberNumber } }
    ... on ValidationError { fieldErrors { path message } }
  }
}`;

function memberInput(i: number) {
  return {
    nationalId: withCheckDigit(`1${String(20_000_000 + i * 7919).padStart(8, "0")}`),
    fullNameAr: `عضو رقم ${i}`,
    mobile: `05${String(30_000_000 + i * 104_729).slice(-8)}`,
    city: "الرياض",
    consentGiven: true,
  };
}

/**
 * The peak number of client connections the database under test had open, sampled until
 * stopped. It first waits (up to 5 s) for the count to settle to `settleTo`: the backend of a
 * connection the migrations just closed may still be listed for a moment. A connection that
 * stays open past that is counted.
 */
async function watchConnections(serverUrl: string, database: string, settleTo: number) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  const count = async () =>
    (
      await client.query<{ n: number }>(
        // Clients only: an autovacuum worker on the new database is not one of our connections.
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'",
        [database],
      )
    ).rows[0]!.n;
  const settleBy = Date.now() + 5000;
  while ((await count()) > settleTo && Date.now() < settleBy)
    await new Promise((resolve) => setTimeout(resolve, 20));
  let peak = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      peak = Math.max(peak, await count());
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await client.end();
  })();
  return async () => {
    running = false;
    await done;
    return peak;
  };
}

describe("a burst of 50 member registrations", () => {
  let t: TestApp;
  let staff: string;
  let server: { url: string; drop(): Promise<void> } | undefined;
  // Smaller than the burst, so that most registrations must queue for a connection.
  const config = testConfig({ DATABASE_POOL_SIZE: "4" });

  beforeAll(async () => {
    if (testEngine === "postgresql") {
      server = await createServerDatabase();
      const database = await openDatabase({
        databaseUrl: server.url,
        dataDir: "memory://",
        poolSize: config.databasePoolSize,
      });
      t = await startTestApp({ listen: false, database });
    } else {
      t = await startTestApp({ listen: false });
    }
    staff = (
      await signInStaff(t, "staff@test.sa", ["STAFF"], {
        personalDataAccess: true,
      })
    ).token;
  });
  afterAll(async () => {
    await t?.close();
    await server?.drop();
  });

  it(`all succeed, with distinct member numbers (${testEngine})`, async () => {
    const stop = server
      ? await watchConnections(
          testServerUrl!,
          new URL(server.url).pathname.slice(1),
          config.databasePoolSize,
        )
      : undefined;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.gql(createMutation, { input: memberInput(i) }, { token: staff }),
      ),
    );
    const failures = results.filter(
      (r) => r.data?.createMember.__typename !== "CreateMemberSuccess",
    );
    expect(failures).toEqual([]);
    const numbers = results.map((r) => r.data?.createMember.member.memberNumber);
    expect(new Set(numbers).size).toBe(50);
    expect(await t.database.prisma.member.count()).toBe(50);
    // The pool was the configured size: the burst queued rather than opening more.
    if (stop) expect(await stop()).toBeLessThanOrEqual(config.databasePoolSize);
  });
});

describe("a transaction that cannot start in time", () => {
  it(`fails with Prisma's P2028, which is recognised as BUSY (${testEngine})`, async () => {
    const server = testEngine === "postgresql" ? await createServerDatabase() : undefined;
    const database = await openDatabase({
      databaseUrl: server?.url,
      dataDir: "memory://",
      poolSize: 1,
      transactionWaitMs: 300,
    });
    try {
      let release = () => {};
      const held = database.prisma.$transaction(
        () => new Promise<void>((resolve) => (release = resolve)),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const error = await database.prisma.$transaction(async () => {}).catch((e: unknown) => e);
      release();
      await held;
      expect(error).toMatchObject({ code: "P2028" });
      expect(isDatabaseBusy(error)).toBe(true);
      expect(isDatabaseBusy(new Error("something else"))).toBe(false);
    } finally {
      await database.close();
      await server?.drop();
    }
  });
});

describe.runIf(testEngine === "postgresql")("past the limit", () => {
  it("a write that cannot get a connection in time answers BUSY, translated", async () => {
    const server = await createServerDatabase();
    // One connection, and a short wait: a transaction that holds the connection makes the
    // next one wait past its limit.
    const database = await openDatabase({
      databaseUrl: server.url,
      dataDir: "memory://",
      poolSize: 1,
      transactionWaitMs: 1000,
    });
    let t: TestApp | undefined;
    try {
      t = await startTestApp({ listen: false, database });
      await createStaffUser(database.prisma, "staff@test.sa", ["STAFF"]);
      const staff = await t.signIn("staff@test.sa", password);
      let release = () => {};
      const held = database.prisma.$transaction(
        () => new Promise<void>((resolve) => (release = resolve)),
      );
      // The holder has the connection once its transaction started.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [ar, en] = await Promise.all([
        t.gql(createMutation, { input: memberInput(1) }, { token: staff }),
        t.gql(createMutation, { input: memberInput(2) }, { token: staff, language: "en" }),
      ]);
      release();
      await held;
      expect(ar.errors?.[0]?.extensions?.code).toBe("BUSY");
      expect(ar.errors?.[0]?.message).toMatch(/مشغول/);
      expect(en.errors?.[0]?.extensions?.code).toBe("BUSY");
      expect(en.errors?.[0]?.message).toMatch(/busy.*try again/i);
      // Once the connection is free, the same write succeeds.
      const retried = await t.gql(createMutation, { input: memberInput(1) }, { token: staff });
      expect(retried.data?.createMember.__typename).toBe("CreateMemberSuccess");
    } finally {
      await t?.close();
      await server.drop();
    }
  });
});
