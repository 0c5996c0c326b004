import { pino } from "pino";

export type Logger = pino.Logger;

/** JSON logs on stdout; each request logs through a child carrying its request id. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "wasl" }, timestamp: pino.stdTimeFunctions.isoTime });
}
