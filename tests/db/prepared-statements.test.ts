// On PostgreSQL every statement Prisma sends is prepared by name (api/db/client.ts): a
// connection parses and plans it once, then binds and executes it again and again. The same
// text keeps its one name, and a prepared statement answers as an unnamed one did.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../api/db/client.js";
import { createServerDatabase, testEngine } from "../helpers/database.js";
import { createMemberRecord } from "../helpers/fixtures.js";

describe.skipIf(testEngine !== "postgresql")("prepared statements on PostgreSQL", () => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const server = await createServerDatabase();
    drop = server.drop;
    // One connection: every statement below meets the statements prepared before it.
    database = await openDatabase({ databaseUrl: server.url, dataDir: "memory://", poolSize: 1 });
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  const prepared = () =>
    database.prisma.$queryRaw<{ name: string; statement: string; calls: number }[]>`
      SELECT name, statement, (generic_plans + custom_plans)::int AS calls
      FROM pg_prepared_statements ORDER BY name`;

  it("prepares each statement once under one name and runs it again by that name", async () => {
    const member = await createMemberRecord(database.prisma);
    for (let call = 0; call < 3; call++) {
      const found = await database.prisma.member.findUnique({
        where: { id: member.id },
        select: { memberNumber: true },
      });
      expect(found).toEqual({ memberNumber: member.memberNumber });
    }
    const statements = await prepared();
    const lookups = statements.filter((s) => /FROM "public"."Member"/.test(s.statement));
    expect(lookups.length, JSON.stringify(statements)).toBeGreaterThan(0);
    expect(lookups.every((s) => s.name.startsWith("wasl_"))).toBe(true);
    const lookup = lookups.find((s) => /"memberNumber"/.test(s.statement) && Number(s.calls) >= 3);
    expect(lookup, JSON.stringify(lookups)).toBeDefined();
    // Each text is prepared once: no two names for one statement.
    const texts = statements.map((s) => s.statement);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
