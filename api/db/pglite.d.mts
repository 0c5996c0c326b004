import type { PGlite } from "@electric-sql/pglite";

/** Opens PGlite on a directory, or in memory for `memory://`. */
export declare function openPGlite(dataDir: string): Promise<PGlite>;
