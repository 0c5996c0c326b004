// @ts-check
// The embedded database's own thread. PGlite runs each statement synchronously in the thread
// that calls it: in the API's thread, every query would stop HTTP, WebSocket messages (a vote
// arriving in a live session) and timers until it ends. Here it runs beside them, on the
// machine's other core. embedded-thread.ts is the other end; the messages are its `Call`s.
// Plain JavaScript: worker threads do not inherit the TypeScript loader.
import { parentPort, workerData } from "node:worker_threads";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openPGlite } from "./pglite.mjs";

/** @typedef {import("@prisma/driver-adapter-utils").SqlQueryable} SqlQueryable */
/** @typedef {import("@prisma/driver-adapter-utils").Transaction} Transaction */
/** @typedef {import("@prisma/driver-adapter-utils").SqlQuery} SqlQuery */
/** @typedef {import("@prisma/driver-adapter-utils").IsolationLevel} IsolationLevel */

const port = parentPort;
if (!port) throw new Error("embedded-thread.worker.mjs runs as a worker thread only");

/**
 * What reaches the API's thread of an error: a database error as the adapter converted it
 * (Prisma maps it to P2002 and the like), anything else by name and message.
 * @param {unknown} error
 */
function describe(error) {
  if (error instanceof Error && error.name === "DriverAdapterError" && "cause" in error) {
    return { driver: error.cause };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "Error", message: String(error) };
}

const pglite = await openPGlite(workerData.dataDir).catch((error) => {
  port.postMessage({ ready: false, error: describe(error) });
  return undefined;
});

if (pglite) {
  const adapter = await new PrismaPGlite(pglite).connect();
  /** The adapter's conversion of a PGlite error into a driver adapter error (it throws). */
  const convert = /** @type {{ onError(error: unknown): never }} */ (
    /** @type {unknown} */ (adapter)
  );
  /** @type {Map<number, Transaction>} */
  const transactions = new Map();
  let lastTransaction = 0;

  /** @param {number | undefined} id @returns {SqlQueryable} */
  const on = (id) => {
    if (id === undefined) return adapter;
    const transaction = transactions.get(id);
    if (!transaction) throw new Error(`no open transaction ${id}`);
    return transaction;
  };
  /** @param {number} id */
  const end = (id) => {
    const transaction = on(id);
    transactions.delete(id);
    return /** @type {Transaction} */ (transaction);
  };

  /** @type {Record<string, (call: any) => Promise<unknown>>} */
  const operations = {
    /** @param {{ query: SqlQuery, transaction?: number }} call */
    query: (call) => on(call.transaction).queryRaw(call.query),
    /** @param {{ query: SqlQuery, transaction?: number }} call */
    execute: (call) => on(call.transaction).executeRaw(call.query),
    // The whole script in one exec, awaited: the adapter's executeScript does not wait.
    /** @param {{ script: string }} call */
    script: async (call) => {
      try {
        await pglite.exec(call.script);
      } catch (error) {
        convert.onError(error);
      }
    },
    /** @param {{ isolationLevel?: IsolationLevel }} call */
    begin: async (call) => {
      const transaction = await adapter.startTransaction(call.isolationLevel);
      lastTransaction += 1;
      transactions.set(lastTransaction, transaction);
      return { transaction: lastTransaction, options: transaction.options };
    },
    /** @param {{ transaction: number }} call */
    commit: (call) => end(call.transaction).commit(),
    /** @param {{ transaction: number }} call */
    rollback: (call) => end(call.transaction).rollback(),
    close: () => pglite.close(),
  };

  port.on("message", async (/** @type {{ id: number, op: string }} */ call) => {
    try {
      const operation = operations[call.op];
      if (!operation) throw new Error(`unknown operation ${call.op}`);
      const value = await operation(call);
      port.postMessage({ id: call.id, ok: true, value });
    } catch (error) {
      port.postMessage({ id: call.id, ok: false, error: describe(error) });
    }
  });
  port.postMessage({ ready: true });
}
