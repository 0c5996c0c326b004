// @ts-check
// Opening PGlite, shared by the API's thread (scratch and shadow databases of the schema
// engine) and the embedded database's own thread (embedded-thread.worker.mjs). Plain
// JavaScript: worker threads do not inherit the TypeScript loader the API runs under.
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/** The PostgreSQL extensions our migrations create; PGlite must load them before use. */
const extensions = { pg_trgm };

/**
 * Opens PGlite on a directory, or in memory for `memory://`.
 * @param {string} dataDir
 */
export function openPGlite(dataDir) {
  return PGlite.create({ dataDir, extensions });
}
