import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openPGlite } from "./pglite.mjs";

export { openPGlite };

/** Thrown when another process already holds the embedded database. */
export class DataDirectoryLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is already in use by process ${holderPid}. ` +
        "PGlite allows one process per data directory: stop that process first, or set " +
        "WASL_DATA_DIR to another directory, or DATABASE_URL to use a PostgreSQL server.",
    );
    this.name = "DataDirectoryLockedError";
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the data directory's lock file, or throws if a live process holds it.
 * A lock left by a dead process (kill -9, power loss) is taken over.
 */
export function lockDataDirectory(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, "wasl.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holderPid = Number(readFileSync(lockFile, "utf8").trim());
      if (holderPid && holderPid !== process.pid && processIsAlive(holderPid)) {
        throw new DataDirectoryLockedError(dataDir, holderPid);
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}

/**
 * The schema engine's shadow database (for its diff): in memory, with the same extensions as
 * the real one; the stock adapter's shadow database does not load them.
 */
export async function connectToShadowPGlite(): Promise<SqlDriverAdapter> {
  return new PrismaPGlite(await openPGlite("memory://")).connect();
}

/** A Prisma adapter factory for PGlite in this thread (scratch databases, tests). */
export function pgliteAdapterFactory(client: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPGlite(client);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    connectToShadowDb: connectToShadowPGlite,
  };
}
