// `npm run worker`: the notifications' delivery and scheduled reminders as a process of their
// own, for API instances started with WASL_WORKER=off (on PostgreSQL; the embedded database
// belongs to one process, which then runs them itself). Several may run: they never claim the
// same notification or the same reminder run.
import { ConfigError, loadConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { createLogger } from "./logger.js";
import { createBackgroundWork } from "./modules/notifications/background.js";
import { createWaslPubSub } from "./pubsub.js";
// Every module's messages and notification parameters, as the API has them: reminders are
// rendered here.
import "./graphql/schema.js";

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  // With REDIS_URL, the bells of every API instance hear of the reminders queued here.
  const { pubsub, close: closePubSub } = await createWaslPubSub(config.redisUrl);
  const worker = createBackgroundWork({ config, prisma: database.prisma, pubsub, log });
  worker.start();
  log.info({ pollMs: config.delivery.pollMs }, "delivery worker started");
  const shutdown = async (signal: string) => {
    log.info({ signal }, "delivery worker stopping");
    await worker.stop();
    await closePubSub();
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
