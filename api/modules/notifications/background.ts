// The notifications' background work, run by the API process (WASL_WORKER=in-process) or by
// `npm run worker`: the delivery worker and the scheduled reminders.
import type { Config } from "../../config.js";
import type { PrismaClient } from "../../db/client.js";
import type { Logger } from "../../logger.js";
import type { WaslPubSub } from "../../pubsub.js";
import { createDeliveryWorker, createSenders } from "./delivery.js";
import { createScheduler, decisionReminders } from "./reminders.js";

export type BackgroundWork = { start(): void; stop(): Promise<void> };

export function createBackgroundWork(options: {
  config: Config;
  prisma: PrismaClient;
  pubsub: WaslPubSub;
  log: Logger;
}): BackgroundWork {
  const { config, prisma, pubsub, log } = options;
  const delivery = createDeliveryWorker({
    prisma,
    senders: createSenders(config, log),
    config: config.delivery,
    log,
    onChange: (event) => void pubsub.publish("outboxChanged", event),
  });
  const everyMs = config.delivery.remindersEveryMs;
  const scheduler = createScheduler({
    prisma,
    pubsub,
    log,
    jobs: [decisionReminders(everyMs)],
    tickMs: Math.min(5_000, everyMs),
  });
  return {
    start() {
      delivery.start();
      scheduler.start();
    },
    async stop() {
      await Promise.all([delivery.stop(), scheduler.stop()]);
    },
  };
}
