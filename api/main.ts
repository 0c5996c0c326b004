// `npm start`: validates the environment, checks the port, opens the database (embedded unless
// DATABASE_URL), applies migrations, seeds Arabic demo data into an empty embedded database,
// refuses to expose the demo's published passwords beyond this machine, and serves Wasl.
import { createServer } from "node:net";
import { ConfigError, isLoopbackHost, loadConfig } from "./config.js";
import { DataDirectoryLockedError } from "./db/embedded.js";
import { collectWhenIdle } from "./idle-memory.js";
import { createLogger } from "./logger.js";
import {
  accountsWithPublishedPasswords,
  PublishedPasswordError,
} from "./modules/users/demo-guard.js";
import { buildApp } from "./server.js";

/** The port is taken: said before the database is opened, migrated or seeded. */
class PortInUseError extends Error {
  constructor(port: number, host: string) {
    super(
      `Port ${port} on ${host} is already in use (another Wasl, or another program).\n` +
        `Stop that program, or choose another port, e.g.: PORT=${port === 65535 ? 4000 : port + 1} npm start`,
    );
    this.name = "PortInUseError";
  }
}

function checkPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new PortInUseError(port, host) : error),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  await checkPortFree(config.port, config.host);
  const app = await buildApp(config, { log });
  const { prisma } = app.database;

  const { demoAccounts, demoPartner, isDatabaseEmpty, seedDemo } = await import(
    "../prisma/seed/index.js"
  );
  let seeded = false;
  if (config.seedDemo && (await isDatabaseEmpty(prisma))) {
    log.info("empty database: seeding Arabic demo data");
    // The demo's documents go where uploads go, so that the case files' downloads work.
    const { documentStorage } = await import("./modules/requests/documents/storage.js");
    await seedDemo(prisma, { storage: documentStorage(config), outbox: true });
    seeded = true;
  }
  if (!isLoopbackHost(config.host)) {
    const exposed = await accountsWithPublishedPasswords(prisma, demoAccounts);
    if (exposed.length) {
      await app.stop();
      throw new PublishedPasswordError(exposed, config.host);
    }
  }
  if (!isLoopbackHost(config.host)) {
    // Reachable from other machines, yet messages would only reach the log or the local
    // capture: members would not be told. Said loudly at every start until configured.
    const unsent = [
      ...(config.delivery.sms.gateway === "log" ? ["SMS_GATEWAY=http (with SMS_HTTP_URL)"] : []),
      ...(config.smtpUrl ? [] : ["SMTP_URL"]),
    ];
    if (unsent.length)
      log.warn(
        { missing: unsent },
        `members' messages are not delivered: set ${unsent.join(" and ")} (README, "Configuration")`,
      );
  }
  const url = await app.start();
  collectWhenIdle({ onCollect: (ms) => log.debug({ ms }, "idle: heap collected") });

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
  // Under `npm start` the process a user or supervisor holds is npm: if npm goes away without
  // passing on its signal (killed, or a shell in between that does not forward it), stop too
  // rather than live on orphaned, holding the port and the data directory.
  if (process.env.npm_lifecycle_event) {
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) void shutdown("parent exited");
    }, 1000).unref();
  }

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
  if (
    error instanceof ConfigError ||
    error instanceof DataDirectoryLockedError ||
    error instanceof PortInUseError ||
    error instanceof PublishedPasswordError
  ) {
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(2);
  }
  process.stderr.write(
    `Wasl could not start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
