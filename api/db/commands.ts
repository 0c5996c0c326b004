// Commands: every change to the data has one shape, `(context, input) → result`, where the
// context carries the transaction, the caller, the clock and the live events the change
// announces. One runner opens the transaction, retries it when the database refused it for a
// serialization conflict, and publishes the events only once it committed. A command of one
// module calls another module's command with its own context: both commit, or neither.
import type { Caller } from "../auth/caller.js";
import type { WaslEvents, WaslPubSub } from "../pubsub.js";
import type { Db, PrismaClient } from "./client.js";

/** A live event waiting for the commit: its topic and its payload. */
export type PendingEvent = {
  [Topic in keyof WaslEvents]: { topic: Topic; payload: WaslEvents[Topic][0] };
}[keyof WaslEvents];

export type CommandContext = {
  /** The transaction every read and write of the command goes through. */
  tx: Db;
  caller: Caller;
  /** The command's one "now": every time it writes is this one. */
  now: Date;
  /** Where the server is reached from outside: the base of links sent to members. */
  publicUrl: string;
  /** Announces a live event once (and only if) the transaction commits. */
  emit<Topic extends keyof WaslEvents>(topic: Topic, payload: WaslEvents[Topic][0]): void;
};

/**
 * What a write needs: the transaction, who writes and the moment written (a command passes its
 * context; a read that leaves a trace, such as a download's audit entry, passes its own).
 */
export type Writer = Pick<CommandContext, "tx" | "caller" | "now">;

/**
 * A change to the data. It reads and writes only through `context.tx` and announces only
 * through `context.emit`, so the runner may run it again after a serialization conflict.
 * Work outside the database (storing a file) happens before the runner is called.
 */
export type Command<Input, Result> = (context: CommandContext, input: Input) => Promise<Result>;

export type CommandServices = {
  prisma: PrismaClient;
  pubsub: WaslPubSub;
  /** The server's configuration, for the public URL of links (absent in some tests). */
  config?: { publicUrl: string };
};

export type RunOptions = {
  /** The clock; injectable so that time arithmetic can be tested with explicit times. */
  now?: Date;
  /** How many times a serialization conflict is retried before it is the caller's error. */
  retries?: number;
};

/** Serialization conflicts retried by default: a burst of writers on one row settles fast. */
export const defaultRetries = 3;

/**
 * Whether the database refused the transaction because a concurrent one conflicted with it
 * (pg's 40001 serialization_failure or 40P01 deadlock; Prisma's P2034, or a driver error
 * of kind TransactionWriteConflict under a raw statement's P2010): running it again from the
 * start is the documented remedy.
 */
export function isSerializationFailure(error: unknown): boolean {
  const conflictCodes = ["P2034", "40001", "40P01"];
  for (let e = error; e instanceof Error; e = e.cause) {
    const { code, meta } = e as {
      code?: unknown;
      meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } };
    };
    if (conflictCodes.includes(code as string)) return true;
    const driver = meta?.driverAdapterError?.cause;
    if (driver?.kind === "TransactionWriteConflict") return true;
    if (conflictCodes.includes(driver?.originalCode as string)) return true;
  }
  return false;
}

/**
 * Runs a command in a transaction of its own (with the limits set on the client in
 * client.ts) and publishes its events after the commit; a rolled-back attempt publishes
 * nothing.
 */
export async function run<Input, Result>(
  services: CommandServices,
  caller: Caller,
  command: Command<Input, Result>,
  input: Input,
  options: RunOptions = {},
): Promise<Result> {
  const now = options.now ?? new Date();
  const retries = options.retries ?? defaultRetries;
  for (let attempt = 0; ; attempt++) {
    // Each attempt collects afresh: the events of an attempt that rolled back never happened.
    const events: PendingEvent[] = [];
    try {
      const result = await services.prisma.$transaction((tx) =>
        command(
          {
            tx,
            caller,
            now,
            publicUrl: services.config?.publicUrl ?? "",
            emit: (topic, payload) => events.push({ topic, payload } as PendingEvent),
          },
          input,
        ),
      );
      for (const event of events) publish(services.pubsub, event);
      return result;
    } catch (error) {
      if (attempt >= retries || !isSerializationFailure(error)) throw error;
    }
  }
}

function publish(pubsub: WaslPubSub, event: PendingEvent) {
  // The union's topic and payload agree by construction; TypeScript cannot follow the pair.
  (pubsub.publish as (topic: string, payload: unknown) => void)(event.topic, event.payload);
}
