// `npm run db:migrate`: applies pending migrations to the database the server would open
// (DATABASE_URL, else the embedded PGlite in WASL_DATA_DIR or ./data), like
// `prisma migrate deploy`, offline. Useful before starting several API instances at once.

import { loadConfig } from "../../api/config.js";
import { openDatabase } from "../../api/db/client.js";
import { readMigrations } from "../../api/db/migrations.js";

async function main(): Promise<void> {
  const config = loadConfig({
    ...process.env,
    // Migrating signs no tokens; without a secret loadConfig would create one in the data
    // directory, a side effect this command should not have (least of all with DATABASE_URL).
    WASL_TOKEN_SECRET: process.env.WASL_TOKEN_SECRET ?? "x".repeat(32),
  });
  const where = config.databaseUrl
    ? `PostgreSQL (${redact(config.databaseUrl)})`
    : `embedded PGlite in ${config.dataDir}`;
  // openDatabase applies pending migrations, and refuses a data directory a running server holds.
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  try {
    const applied = database.appliedMigrations;
    const known = readMigrations().migrationDirectories.length;
    if (applied.length === 0) {
      console.log(`${where}: up to date (${known} migrations applied before).`);
    } else {
      console.log(`${where}: applied ${applied.length} migration(s):`);
      for (const name of applied) console.log(`  ${name}`);
    }
  } finally {
    await database.close();
  }
}

/** The URL without its password, for the console. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "DATABASE_URL";
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
