import { pino } from "pino";

export type Logger = pino.Logger;

/**
 * JSON logs on stdout; each request logs through a child carrying its request id. Timestamps
 * are epoch milliseconds (`"time":1780304400000`): an ISO string costs a Date and its
 * formatting on every line.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "wasl" }, timestamp: pino.stdTimeFunctions.epochTime });
}
