import { join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
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
  /** Receives every SQL statement (query-count tests, debug logs). */
  onQuery?: (sql: string) => void;
};

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

async function openEngine(options: DatabaseOptions) {
  if (options.databaseUrl) {
    const factory = new PrismaPg({ connectionString: options.databaseUrl, max: 10 });
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
      log: options.onQuery ? [{ emit: "event", level: "query" }] : [],
    });
    if (options.onQuery) {
      const onQuery = options.onQuery;
      prisma.$on("query" as never, (event: { query: string }) => onQuery(event.query));
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
