// Each test file gets its own fresh database: an in-memory PGlite, or, in the "postgresql"
// vitest project, a new database created on TEST_DATABASE_URL's server and dropped after.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../../api/db/client.js";

/**
 * The engine this test run uses, set per vitest project (vitest.config.ts). Read from
 * WASL_TEST_ENGINE rather than inferred from TEST_DATABASE_URL: a developer who exports the
 * URL still gets a PGlite run, and each run says which engine it is.
 */
export const testEngine: "pglite" | "postgresql" =
  process.env.WASL_TEST_ENGINE === "postgresql" ? "postgresql" : "pglite";

/** The PostgreSQL server for the "postgresql" project (and engine-comparison tests), if any. */
export const testServerUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;

function requireServerUrl(): string {
  if (!testServerUrl) {
    throw new Error(
      "WASL_TEST_ENGINE=postgresql needs TEST_DATABASE_URL (a PostgreSQL server URL).",
    );
  }
  return testServerUrl;
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * FORCE ends connections a test left open, but PostgreSQL refuses it to a role without
 * pg_signal_backend when an autovacuum worker (which runs as no role) is in the database.
 * A plain DROP asks autovacuum workers to leave by itself, and our own connections are
 * closed by then.
 */
async function dropServerDatabase(serverUrl: string, name: string): Promise<void> {
  try {
    await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } catch (error) {
    if ((error as { code?: string }).code !== "42501") throw error;
    await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
  }
}

/** A new, empty database on the server: its URL, and a function that drops it. */
export async function createServerDatabase(
  serverUrl: string = requireServerUrl(),
  prefix = "wasl_test",
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => dropServerDatabase(serverUrl, name),
  };
}

export async function openTestDatabase(
  options: { onQuery?: (sql: string, params: string) => void } = {},
): Promise<Database> {
  if (testEngine === "pglite") return openDatabase({ dataDir: "memory://", ...options });
  const server = await createServerDatabase();
  try {
    const database = await openDatabase({
      databaseUrl: server.url,
      dataDir: "memory://",
      ...options,
    });
    return {
      ...database,
      async close() {
        await database.close();
        await server.drop();
      },
    };
  } catch (error) {
    await server.drop();
    throw error;
  }
}
