import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { openPGlite, pgliteAdapterFactory } from "./embedded.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const schemaPath = join(root, "prisma/schema.prisma");
export const migrationsDir = join(root, "prisma/migrations");

const noFilters = { externalTables: [], externalEnums: [] };

type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
let engineModule: Promise<SchemaEngineModule> | undefined;

/**
 * Instantiates Prisma's schema engine (WebAssembly) by hand, so that neither the server
 * nor the tests need node's --experimental-wasm-modules flag. The native engine is a
 * download that air-gapped machines cannot make.
 */
function loadSchemaEngine(): Promise<SchemaEngineModule> {
  engineModule ??= (async () => {
    const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const packageDir = dirname(
      createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm"),
    );
    const bytes = readFileSync(join(packageDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return engineModule;
}

/** Reads `prisma/migrations/` in the shape the schema engine expects. */
export function readMigrations(dir = migrationsDir): MigrationList {
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** What both adapters keep privately: their client, and their error converter. */
type AdapterInternals = {
  client?: { exec?: (sql: string) => Promise<unknown>; query?: (sql: string) => Promise<unknown> };
  onError?: (error: unknown) => never;
};

/**
 * Makes an adapter run a migration script whole and report its failure. Neither adapter
 * does: pglite-prisma-adapter 0.7.2 does not await `exec`, so a failing script resolved, was
 * recorded in `_prisma_migrations` as applied, and its error escaped as an unhandled
 * rejection; @prisma/adapter-pg 7.10 splits the script on ";", which cuts dollar-quoted
 * function bodies (our audit trigger), so no migration applied on PostgreSQL. Both clients
 * run a multi-statement script in one simple-protocol round trip, an implicit transaction,
 * as the native `prisma migrate deploy` does: a failing migration leaves nothing behind.
 */
function runScriptsWhole(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const internals = adapter as unknown as AdapterInternals;
  const client = internals.client;
  const run =
    adapter.adapterName === "pglite-prisma-adapter"
      ? client?.exec
      : adapter.adapterName === "@prisma/adapter-pg"
        ? client?.query
        : undefined;
  // Another adapter, or a version that renamed its internals: keep its own implementation.
  if (!client || typeof run !== "function") return adapter;
  adapter.executeScript = async (script: string) => {
    try {
      await run.call(client, script);
    } catch (error) {
      // The adapter's converter turns a database error into the schema engine's error shape.
      if (internals.onError) internals.onError.call(adapter, error);
      throw error;
    }
  };
  return adapter;
}

/**
 * The factory the schema engine gets: whole scripts (above), and every connection it opens
 * recorded in `opened`. The engine never disposes its connection; with @prisma/adapter-pg
 * that left a pool holding Prisma's migration advisory lock for the life of the process, so
 * every later apply on that database (the next `openDatabase`, another API instance) waited
 * 10 s for the lock to time out.
 */
function forSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  opened: SqlDriverAdapter[],
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = runScriptsWhole(await factory.connect());
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => runScriptsWhole(await factory.connectToShadowDb()),
  };
}

async function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadSchemaEngine();
  const datamodel = readFileSync(schemaPath, "utf8");
  const logs: string[] = [];
  const opened: SqlDriverAdapter[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, datamodel]] },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(forSchemaEngine(factory, opened)),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    // Ends the engine's pool (PostgreSQL), releasing its advisory lock; PGlite's is a no-op.
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
  }
}

/** Applies pending migrations (like `prisma migrate deploy`); returns the names applied. */
export async function applyMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
  dir = migrationsDir,
): Promise<string[]> {
  const result = await withEngine(factory, (engine) =>
    engine.applyMigrations({ migrationsList: readMigrations(dir), filters: noFilters }),
  );
  return result.appliedMigrationNames;
}

/**
 * The SQL that takes a database built from the migrations to `schema.prisma`; empty when
 * they agree (no drift). Computed on in-memory PGlite shadow databases, offline.
 */
export async function pendingSchemaChange(dir = migrationsDir): Promise<string> {
  const scratch = await openPGlite("memory://");
  try {
    const result = await withEngine(pgliteAdapterFactory(scratch), (engine) =>
      engine.diff({
        from: { tag: "migrations", ...readMigrations(dir) },
        to: {
          tag: "schemaDatamodel",
          files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }],
        },
        script: true,
        exitCode: true,
        filters: noFilters,
      }),
    );
    const script = result.stdout ?? "";
    return result.exitCode === 2 ? script : "";
  } finally {
    await scratch.close();
  }
}
