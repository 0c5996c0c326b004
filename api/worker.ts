// `npm run worker`: the notifications' delivery worker as a process of its own, for API
// instances started with WASL_WORKER=off (on PostgreSQL; the embedded database belongs to one
// process, which then runs the worker itself). Several may run: they never claim the same row.
import { ConfigError, loadConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { createLogger } from "./logger.js";
import { createDeliveryWorker, createSenders } from "./modules/notifications/delivery.js";

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  const worker = createDeliveryWorker({
    prisma: database.prisma,
    senders: createSenders(config, log),
    config: config.delivery,
    log,
  });
  worker.start();
  log.info({ pollMs: config.delivery.pollMs }, "delivery worker started");
  const shutdown = async (signal: string) => {
    log.info({ signal }, "delivery worker stopping");
    await worker.stop();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(2);
  }
  process.stderr.write(`delivery worker: ${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
