// The API's end of the embedded database's thread (embedded-thread.worker.mjs): a Prisma
// driver adapter whose every query, script and transaction step is a message to that thread,
// where the stock PGlite adapter runs it. Results and errors come back as the adapter made
// them, so Prisma cannot tell the difference; the API's thread stays free while PGlite works.
import { Worker } from "node:worker_threads";
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlQueryable,
  type SqlResultSet,
  type Transaction,
  type TransactionOptions,
} from "@prisma/driver-adapter-utils";
import { connectToShadowPGlite } from "./embedded.js";

type ThreadError = { driver: DriverAdapterError["cause"] } | { name: string; message: string };

type Reply =
  | { ready: true }
  | { ready: false; error: ThreadError }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: ThreadError };

type Call =
  | { op: "query" | "execute"; query: SqlQuery; transaction?: number }
  | { op: "script"; script: string }
  | { op: "begin"; isolationLevel?: IsolationLevel }
  | { op: "commit" | "rollback"; transaction: number }
  | { op: "close" };

function toError(error: ThreadError): Error {
  if ("driver" in error) return new DriverAdapterError(error.driver);
  const result = new Error(error.message);
  result.name = error.name;
  return result;
}

export type EmbeddedThread = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Settles with the reason if the thread stops without being closed (a crash). */
  lost: Promise<Error>;
  /** Closes the database cleanly (checkpoint) and ends the thread. */
  close(): Promise<void>;
};

const workerScript = new URL("./embedded-thread.worker.mjs", import.meta.url);

/**
 * Opens PGlite on `dataDir` (or `memory://`) in a thread of its own. `script` is the thread's
 * program: ours, unless a test stands another in (one that crashes, say).
 */
export async function startEmbeddedThread(
  dataDir: string,
  script: URL = workerScript,
): Promise<EmbeddedThread> {
  const worker = new Worker(script, { workerData: { dataDir } });
  const pending = new Map<number, { resolve(value: unknown): void; reject(e: Error): void }>();
  let lastId = 0;
  let stopped: Error | undefined;
  let closing = false;
  let reportLost: (error: Error) => void = () => {};
  const lost = new Promise<Error>((resolve) => {
    reportLost = resolve;
  });

  const ready = new Promise<void>((resolve, reject) => {
    worker.on("message", (reply: Reply) => {
      if ("ready" in reply) {
        if (reply.ready) resolve();
        else reject(toError(reply.error));
        return;
      }
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.ok) waiting?.resolve(reply.value);
      else waiting?.reject(toError(reply.error));
    });
    const stop = (error: Error) => {
      if (!stopped && !closing) reportLost(error);
      stopped ??= error;
      reject(error);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    };
    worker.on("error", stop);
    worker.on("exit", (code) =>
      stop(new Error(`the embedded database's thread stopped (exit code ${code})`)),
    );
  });
  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }

  function call<T>(message: Call): Promise<T> {
    if (stopped) return Promise.reject(stopped);
    lastId += 1;
    const id = lastId;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, ...message });
    });
  }

  // The stock adapter's name: what runs the queries is that adapter, in the other thread.
  const adapterName = "pglite-prisma-adapter";
  const queryable = (transaction?: number): SqlQueryable => ({
    provider: "postgres",
    adapterName,
    queryRaw: (query) => call<SqlResultSet>({ op: "query", query, transaction }),
    executeRaw: (query) => call<number>({ op: "execute", query, transaction }),
  });
  const adapter: SqlDriverAdapter = {
    ...queryable(),
    executeScript: (script) => call<void>({ op: "script", script }),
    async startTransaction(isolationLevel) {
      const begun = await call<{ transaction: number; options: TransactionOptions }>({
        op: "begin",
        isolationLevel,
      });
      const transaction: Transaction = {
        ...queryable(begun.transaction),
        options: begun.options,
        commit: () => call<void>({ op: "commit", transaction: begun.transaction }),
        rollback: () => call<void>({ op: "rollback", transaction: begun.transaction }),
      };
      return transaction;
    },
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };

  return {
    factory: {
      provider: "postgres",
      adapterName,
      connect: async () => adapter,
      connectToShadowDb: connectToShadowPGlite,
    },
    lost,
    async close() {
      if (!stopped) await call<void>({ op: "close" });
      closing = true;
      await worker.terminate();
    },
  };
}
