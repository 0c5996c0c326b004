import { join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { defaultDatabasePoolSize } from "../config.js";
import { lockDataDirectory } from "./embedded.js";
import { startEmbeddedThread } from "./embedded-thread.js";
import { PrismaClient } from "./generated/client.js";
import { applyMigrations } from "./migrations.js";

export { Prisma, PrismaClient } from "./generated/client.js";

/** A Prisma client or an interactive transaction: what service functions take. */
export type Db = Omit<
  PrismaClient,
  "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends"
>;

export type DatabaseOptions = {
  /** PostgreSQL server URL; without it, the embedded PGlite database in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Embedded data directory; `memory://` for a throw-away database. */
  dataDir: string;
  /** Receives every SQL statement and its parameters as JSON (query-count and plan tests). */
  onQuery?: (sql: string, params: string) => void;
  /** PostgreSQL connections this process may hold (DATABASE_POOL_SIZE); PGlite has one. */
  poolSize?: number | undefined;
  /** How long a statement or transaction waits for a connection before it is BUSY. */
  transactionWaitMs?: number | undefined;
};

/**
 * Every transaction's limits, set here once for every `$transaction` (Prisma's defaults,
 * 2 s to start and 5 s to run, fail a burst of 50 writes that would all fit in a few
 * seconds). Waiting: a burst queues for a connection (or PGlite's one connection) instead of
 * failing; past 10 s a caller is better told "busy, try again" than left hanging.
 * Running: our transactions are short (a few statements), but those that take a number
 * (member numbers, request references) queue on its counter row while they run, up to a
 * pool's worth of them; one that runs 30 s is stuck, and ending it frees its locks and
 * connection for the queue.
 */
export const transactionLimits = { maxWait: 10_000, timeout: 30_000 };

/**
 * Whether an error means the database had no connection or transaction slot free in time
 * (Prisma's P2028, or pg's pool timing out): a transient state, not a fault of the request.
 */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === "P2028") return true;
    // pg: no pooled connection came free, or a new one took too long to open.
    if (
      /timeout exceeded when trying to connect|terminated due to connection timeout/.test(e.message)
    )
      return true;
  }
  return false;
}

export type Database = {
  prisma: PrismaClient;
  engine: "pglite" | "postgresql";
  /** Migrations applied by this open, oldest first. */
  appliedMigrations: string[];
  /**
   * Settles if the embedded database's thread stops while open (it crashed): nothing can be
   * read or written any more. Never settles on PostgreSQL, whose pool reconnects by itself.
   */
  lost: Promise<Error>;
  close(): Promise<void>;
};

/** Distinct statements prepared by name at most: each connection keeps each one it ran. */
const preparedStatementLimit = 500;
const preparedStatements = new Map<string, string>();

/**
 * Each statement's name, so that every connection parses and plans it once and then only
 * binds and executes it (a life-cycle change spent 2.2–2.5 ms of PostgreSQL's CPU, over half
 * parsing and planning its two statements; 1.2 ms prepared). Named by its text, the same on
 * every connection; past the limit (statements whose shape varies without end, such as a list
 * of many values), a new text goes unnamed, as every statement went before.
 */
function preparedStatementName({ sql }: { sql: string }): string {
  let name = preparedStatements.get(sql);
  if (!name && preparedStatements.size < preparedStatementLimit) {
    name = `wasl_${preparedStatements.size}`;
    preparedStatements.set(sql, name);
  }
  return name ?? ""; // "" is the protocol's unnamed statement
}

async function openEngine(options: DatabaseOptions) {
  if (options.databaseUrl) {
    const factory = new PrismaPg(
      {
        connectionString: options.databaseUrl,
        max: options.poolSize ?? defaultDatabasePoolSize,
        // A statement outside a transaction waits for a connection as long as a transaction
        // would, then fails (pg's default is to wait for ever).
        connectionTimeoutMillis: options.transactionWaitMs ?? transactionLimits.maxWait,
      },
      { statementNameGenerator: preparedStatementName },
    );
    return {
      engine: "postgresql" as const,
      factory,
      lost: new Promise<Error>(() => {}),
      release: async () => {},
    };
  }
  const inMemory = options.dataDir.startsWith("memory://");
  const unlock = inMemory ? () => {} : lockDataDirectory(options.dataDir);
  try {
    // PGlite runs in a thread of its own, so that its statements do not stop the API's.
    const thread = await startEmbeddedThread(
      inMemory ? options.dataDir : join(options.dataDir, "pglite"),
    );
    const factory: SqlMigrationAwareDriverAdapterFactory = thread.factory;
    return {
      engine: "pglite" as const,
      factory,
      lost: thread.lost,
      release: async () => {
        await thread.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const { engine, factory, lost, release } = await openEngine(options);
  try {
    const appliedMigrations = await applyMigrations(factory);
    const prisma = new PrismaClient({
      adapter: factory,
      transactionOptions: {
        ...transactionLimits,
        maxWait: options.transactionWaitMs ?? transactionLimits.maxWait,
      },
      log: options.onQuery ? [{ emit: "event", level: "query" }] : [],
    });
    if (options.onQuery) {
      const onQuery = options.onQuery;
      prisma.$on("query" as never, (event: { query: string; params: string }) =>
        onQuery(event.query, event.params),
      );
    }
    return {
      prisma,
      engine,
      appliedMigrations,
      lost,
      async close() {
        await prisma.$disconnect();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}
