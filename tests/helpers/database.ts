// Each test file gets its own fresh database: an in-memory PGlite, or, when
// TEST_DATABASE_URL names a PostgreSQL server, a new database created on it and dropped after.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../../api/db/client.js";

export const testEngine: "pglite" | "postgresql" = process.env.TEST_DATABASE_URL ? "postgresql" : "pglite";

export async function openTestDatabase(options: { onQuery?: (sql: string) => void } = {}): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return openDatabase({ dataDir: "memory://", ...options });
  const name = `wasl_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: "memory://", ...options });
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
