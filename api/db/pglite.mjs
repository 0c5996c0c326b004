// @ts-check
// Opening PGlite, shared by the API's thread (scratch and shadow databases of the schema
// engine) and the embedded database's own thread (embedded-thread.worker.mjs). Plain
// JavaScript: worker threads do not inherit the TypeScript loader the API runs under.
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/** The PostgreSQL extensions our migrations create; PGlite must load them before use. */
const extensions = { pg_trgm };

/**
 * PostgreSQL's shared buffers inside PGlite's WebAssembly memory. The default, 128 MB, is
 * touched whole at start and held for good: 130 MB of the embedded server's resident memory
 * for a small association's few MB of data. Pages past these are read again from the data
 * directory (the operating system's file cache, which is not the server's own memory), or
 * from memory for `memory://`. 16 MB hold the demo database whole (10 MB with its catalogs)
 * and are 16 MB less resident than 32 MB (the soak's WebAssembly memory 49 -> 32 MB).
 */
export const sharedBuffers = "16MB";

/**
 * Opens PGlite on a directory, or in memory for `memory://`.
 * @param {string} dataDir
 */
export function openPGlite(dataDir) {
  return PGlite.create({
    dataDir,
    extensions,
    startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${sharedBuffers}`],
  });
}
