// `npm start`: validates the environment, opens the database (embedded unless DATABASE_URL),
// applies migrations, seeds Arabic demo data into an empty database, and serves Wasl.
import { ConfigError, loadConfig } from "./config.js";
import { DataDirectoryLockedError } from "./db/embedded.js";
import { createLogger } from "./logger.js";
import { buildApp } from "./server.js";

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const app = await buildApp(config, { log });
  const { prisma } = app.database;

  const { demoAccounts, demoPartner, isDatabaseEmpty, seedDemo } = await import(
    "../prisma/seed/index.js"
  );
  let seeded = false;
  if (config.seedDemo && (await isDatabaseEmpty(prisma))) {
    log.info("empty database: seeding Arabic demo data");
    await seedDemo(prisma);
    seeded = true;
  }
  const url = await app.start();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    await app.stop();
    process.exit(0);
  };
  // The embedded database's thread died: serving on without it would only answer errors.
  void app.database.lost.then((error) => {
    log.fatal({ err: error }, "the embedded database stopped; restart Wasl");
    process.exit(1);
  });
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  const where = config.databaseUrl
    ? "PostgreSQL (DATABASE_URL)"
    : `embedded PGlite in ${config.dataDir}`;
  const demoUsers =
    (await prisma.user.count({ where: { email: { in: demoAccounts.map((a) => a.email) } } })) > 0;
  const lines = [
    "",
    "  وصل Wasl is running",
    `  Panel:     ${url}/`,
    `  GraphiQL:  ${url}/graphql${config.introspection ? "" : "   (introspection off)"}`,
    `  Database:  ${where}${seeded ? " — demo data seeded" : ""}`,
    "",
    ...(demoUsers
      ? [
          "  Demo accounts (sign in on the panel, or with the signIn mutation in GraphiQL):",
          ...demoAccounts
            .filter((a) => !a.disabled)
            .map((a) => `    ${a.email.padEnd(24)} ${a.password.padEnd(16)} ${a.roles.join(", ")}`),
          `  Demo partner API key (${demoPartner.name}): ${demoPartner.apiKey}`,
          "",
        ]
      : []),
    "  Stop with Ctrl+C.",
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirectoryLockedError) {
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(2);
  }
  process.stderr.write(
    `Wasl could not start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
