// The embedded database runs in a thread of its own (api/db/embedded-thread.ts): the API's
// thread must keep answering while PGlite works, and what comes back through the thread
// (errors, transactions) must be what Prisma expects of a database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../api/db/client.js";
import { startEmbeddedThread } from "../../api/db/embedded-thread.js";
import { openTestDatabase, testEngine } from "../helpers/database.js";

describe.skipIf(testEngine !== "pglite")("the embedded database's thread", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("leaves the API's thread free while a long statement runs", async () => {
    let longestPause = 0;
    let last = performance.now();
    const ticks = setInterval(() => {
      const now = performance.now();
      longestPause = Math.max(longestPause, now - last);
      last = now;
    }, 5);
    const began = performance.now();
    const [row] = await database.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      "SELECT count(*) AS n FROM generate_series(1, 3000000)",
    );
    const took = performance.now() - began;
    clearInterval(ticks);
    longestPause = Math.max(longestPause, performance.now() - last);
    expect(row?.n).toBe(3_000_000n);
    // In the API's thread the timer would stand still for the whole statement.
    expect(took).toBeGreaterThan(200);
    expect(longestPause).toBeLessThan(took / 2);
  });

  it("answers a database error as Prisma's typed error, and the thread goes on", async () => {
    await expect(
      database.prisma.$executeRawUnsafe("SELECT * FROM no_such_table"),
    ).rejects.toMatchObject({
      code: "P2010",
      meta: { driverAdapterError: { cause: { kind: "TableDoesNotExist", originalCode: "42P01" } } },
    });
    const [row] = await database.prisma.$queryRawUnsafe<{ one: number }[]>("SELECT 1 AS one");
    expect(row?.one).toBe(1);
  });

  it("rolls a failed transaction back whole, while other statements wait for it", async () => {
    const table = "thread_probe";
    await database.prisma.$executeRawUnsafe(`CREATE TABLE ${table} (id int PRIMARY KEY)`);
    const failed = database.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO ${table} VALUES (1)`);
      await tx.$executeRawUnsafe(`INSERT INTO ${table} VALUES (1)`);
    });
    const outside = database.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM ${table}`,
    );
    await expect(failed).rejects.toMatchObject({
      meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation" } } },
    });
    expect((await outside)[0]?.n).toBe(0n);
    await database.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO ${table} VALUES (2)`);
    });
    const [after] = await database.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM ${table}`,
    );
    expect(after?.n).toBe(1n);
  });

  it("reports a thread that dies, and fails every call after it instead of hanging", async () => {
    const thread = await startEmbeddedThread(
      "memory://",
      new URL("../fixtures/crashing-db-thread.mjs", import.meta.url),
    );
    const adapter = await thread.factory.connect();
    const query = { sql: "SELECT 1", args: [], argTypes: [] };
    await expect(adapter.queryRaw(query)).rejects.toThrow(/stopped \(exit code 3\)/);
    await expect(thread.lost).resolves.toBeInstanceOf(Error);
    await expect(adapter.executeRaw(query)).rejects.toThrow(/stopped/);
    await thread.close();
  });
});
