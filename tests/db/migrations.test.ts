// The migrations are what every installation runs at start: they must match schema.prisma,
// upgrade a database that is one migration behind, build the same schema on both engines,
// and stop the start (not crash it) when one fails.

import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../api/db/client.js";
import { openPGlite, pgliteAdapterFactory } from "../../api/db/embedded.js";
import {
  applyMigrations,
  migrationsDir,
  pendingSchemaChange,
  readMigrations,
} from "../../api/db/migrations.js";
import { searchWords } from "../../api/shared/arabic.js";
import {
  createServerDatabase,
  openTestDatabase,
  testEngine,
  testServerUrl,
} from "../helpers/database.js";

type Row = Record<string, unknown>;

/**
 * A database of this run's engine that starts empty: the schema engine's adapter factory,
 * plain SQL on the same database, and `openDatabase` the way the server opens it.
 */
type Scratch = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  query(sql: string): Promise<Row[]>;
  /** Closes the raw connection, then opens the database like the server does. */
  openAsServer(): Promise<Database>;
  lockFile?: string;
  close(): Promise<void>;
};

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function pgliteScratch(): Promise<Scratch> {
  // On disk, in the layout openDatabase uses, so that the server's own open can follow.
  const dataDir = tempDir("wasl-db-test-");
  let client: PGlite | undefined = await openPGlite(join(dataDir, "pglite"));
  const open = (): PGlite => {
    if (!client) throw new Error("the raw connection is closed");
    return client;
  };
  return {
    factory: pgliteAdapterFactory(open()),
    query: async (sql) => (await open().query<Row>(sql)).rows,
    async openAsServer() {
      await client?.close();
      client = undefined;
      return openDatabase({ dataDir });
    },
    lockFile: join(dataDir, "wasl.lock"),
    async close() {
      await client?.close();
      client = undefined;
    },
  };
}

async function postgresqlScratch(serverUrl: string): Promise<Scratch> {
  const server = await createServerDatabase(serverUrl);
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await client.end();
  };
  cleanups.push(() => server.drop());
  return {
    factory: new PrismaPg({ connectionString: server.url, max: 2 }),
    query: async (sql) => (await client.query<Row>(sql)).rows,
    async openAsServer() {
      await close();
      return openDatabase({ databaseUrl: server.url, dataDir: "memory://" });
    },
    close,
  };
}

function scratch(engine = testEngine): Promise<Scratch> {
  if (engine === "pglite") return pgliteScratch();
  if (!testServerUrl) throw new Error("the postgresql engine needs TEST_DATABASE_URL");
  return postgresqlScratch(testServerUrl);
}

/** prisma/migrations copied to a temp directory, optionally without the newest ones. */
/** The migrations but the newest `withoutNewest`, or those before the one named. */
function copyMigrations(withoutNewest: number | string = 0): { dir: string; names: string[] } {
  const dir = tempDir("wasl-migrations-");
  const all = readMigrations().migrationDirectories.map((m) => m.path);
  const end =
    typeof withoutNewest === "string" ? all.indexOf(withoutNewest) : all.length - withoutNewest;
  if (end < 0) throw new Error(`no migration ${withoutNewest}`);
  const names = all.slice(0, end);
  for (const name of names) cpSync(join(migrationsDir, name), join(dir, name), { recursive: true });
  return { dir, names };
}

async function userTables(db: Scratch): Promise<string[]> {
  const rows = await db.query(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
     ORDER BY table_name`,
  );
  return rows.map((r) => String(r.table_name));
}

/** A SQL value for a required column, or undefined when we do not know how to make one. */
function sampleValue(column: Row): string | undefined {
  const type = String(column.data_type);
  const udt = String(column.udt_name);
  if (type === "ARRAY") return "'{}'";
  if (type === "USER-DEFINED") return `(enum_range(NULL::"${udt}"))[1]`;
  if (udt === "uuid") return "gen_random_uuid()";
  if (["text", "varchar", "bpchar", "citext"].includes(udt)) return "'migration-test'";
  if (["int2", "int4", "int8", "numeric", "float4", "float8"].includes(udt)) return "1";
  if (udt === "bool") return "true";
  if (["timestamp", "timestamptz", "date"].includes(udt)) return "now()";
  if (["json", "jsonb"].includes(udt)) return "'{}'";
  return undefined;
}

/**
 * Inserts one row into the first table (alphabetically) that has no foreign keys and whose
 * required columns we can fill; returns where it went and how to find it again.
 */
async function insertSampleRow(db: Scratch): Promise<{ table: string; where: string } | undefined> {
  for (const table of await userTables(db)) {
    const foreignKeys = await db.query(
      `SELECT 1 FROM information_schema.table_constraints
       WHERE table_schema = 'public' AND table_name = '${table}' AND constraint_type = 'FOREIGN KEY'`,
    );
    if (foreignKeys.length) continue;
    const required = await db.query(
      `SELECT column_name, data_type, udt_name FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = '${table}'
         AND is_nullable = 'NO' AND column_default IS NULL AND is_generated = 'NEVER'
       ORDER BY ordinal_position`,
    );
    const values = required.map(sampleValue);
    if (values.some((v) => v === undefined)) continue;
    const columns = required.map((c) => `"${String(c.column_name)}"`);
    try {
      const [row] = await db.query(
        `INSERT INTO "${table}" (${columns.join(", ")}) VALUES (${values.join(", ")}) RETURNING *`,
      );
      const key = Object.entries(row ?? {}).find(([, v]) => typeof v === "string");
      if (!key) continue;
      return { table, where: `"${key[0]}" = '${String(key[1]).replaceAll("'", "''")}'` };
    } catch {
      // A check constraint or a unique index we cannot satisfy generically: try the next table.
    }
  }
  return undefined;
}

/** Tables, columns, indexes, constraints and triggers in a form both engines print alike. */
async function schemaSnapshot(db: Scratch) {
  const normalise = (sql: string) =>
    sql
      .replace(/\bpublic\./g, "")
      .replace(/\s+/g, " ")
      .trim();
  const columns = await db.query(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable,
            character_maximum_length, numeric_precision, numeric_scale
     FROM information_schema.columns WHERE table_schema = 'public'
     ORDER BY table_name, column_name`,
  );
  const indexes = await db.query(
    `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
     ORDER BY tablename, indexname`,
  );
  // PostgreSQL 18 (PGlite) also lists NOT NULL as constraints (contype 'n'), 15 does not;
  // nullability is compared through the columns.
  const constraints = await db.query(
    `SELECT c.conrelid::regclass::text AS table_name, c.conname, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname = 'public' AND c.contype <> 'n' ORDER BY 1, 2`,
  );
  const triggers = await db.query(
    `SELECT event_object_table, trigger_name, event_manipulation, action_timing, action_statement
     FROM information_schema.triggers WHERE trigger_schema = 'public'
     ORDER BY 1, 2, 3`,
  );
  return {
    tables: await userTables(db),
    columns: columns.map((c) => ({ ...c })),
    indexes: indexes.map((i) => ({ ...i, indexdef: normalise(String(i.indexdef)) })),
    constraints: constraints.map((c) => ({
      ...c,
      table_name: normalise(String(c.table_name)),
      def: normalise(String(c.def)),
    })),
    triggers: triggers.map((t) => ({
      ...t,
      action_statement: normalise(String(t.action_statement)),
    })),
  };
}

describe(`migrations (${testEngine})`, () => {
  it("agree with schema.prisma (no drift)", async (context) => {
    // The diff runs on in-memory PGlite shadow databases whatever the engine: once is enough.
    if (testEngine === "postgresql") context.skip("checked once, in the pglite project");
    const change = await pendingSchemaChange();
    expect(
      change,
      "schema.prisma changed without a migration: npm run db:migration -- <name>",
    ).toBe("");
  });

  it("bring a database at migration N−1 to N on the next start, keeping its data", async () => {
    const { dir, names: previous } = copyMigrations(1);
    const all = readMigrations().migrationDirectories.map((m) => m.path);
    const newest = all.at(-1);
    expect(newest, "prisma/migrations has no migration").toBeDefined();

    const db = await scratch();
    cleanups.push(() => db.close());
    // With a single migration, N−1 is the empty database: nothing to apply, nothing to keep.
    expect(await applyMigrations(db.factory, dir)).toEqual(previous);
    const sample = await insertSampleRow(db);
    if ((await userTables(db)).length) expect(sample, "no table took a sample row").toBeDefined();

    const upgraded = await db.openAsServer();
    try {
      expect(upgraded.appliedMigrations).toEqual([newest]);
      const recorded = await upgraded.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`,
      );
      expect(recorded.map((r) => r.migration_name)).toEqual(all);
      if (sample) {
        const kept = await upgraded.prisma.$queryRawUnsafe<unknown[]>(
          `SELECT 1 FROM "${sample.table}" WHERE ${sample.where}`,
        );
        expect(kept).toHaveLength(1);
      }
    } finally {
      await upgraded.close();
    }

    const again = await db.openAsServer();
    try {
      expect(again.appliedMigrations).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it("add the attestation link's and the staff reminders' templates to a database seeded before them, not to a fresh one", async () => {
    // Read through the server's own open: it applies the pending migrations first.
    const templateEvents = async (db: Scratch) => {
      const server = await db.openAsServer();
      try {
        const rows = await server.prisma.$queryRawUnsafe<{ event: string }[]>(
          `SELECT event::text AS event FROM "NotificationTemplate" ORDER BY event, channel`,
        );
        return rows.map((r) => r.event);
      } finally {
        await server.close();
      }
    };
    const before = copyMigrations("20261125220152_attestation_link_templates");
    const seeded = await scratch();
    cleanups.push(() => seeded.close());
    await applyMigrations(seeded.factory, before.dir);
    await seeded.query(
      `INSERT INTO "NotificationTemplate" (id, event, channel, "subjectAr", "subjectEn", "bodyAr", "bodyEn", "updatedAt")
       VALUES (gen_random_uuid(), 'REQUEST_SUBMITTED', 'SMS', 'س', 's', 'ن', 'b', now())`,
    );
    expect(await templateEvents(seeded)).toEqual([
      "ATTESTATION_REQUESTED",
      "ATTESTATION_REQUESTED",
      "CASE_ASSIGNED",
      "CASE_ASSIGNED",
      "DECISION_OVERDUE",
      "DECISION_OVERDUE",
      "DUE_DATE_REMINDER",
      "REQUEST_SUBMITTED",
    ]);

    // A fresh database: the seed writes every template, so the migration writes none.
    const fresh = await scratch();
    cleanups.push(() => fresh.close());
    expect(await templateEvents(fresh)).toEqual([]);
  });

  it("give the articles stored before the knowledge base their search columns and a PROCEDURE category", async () => {
    const all = readMigrations().migrationDirectories.map((m) => m.path);
    const knowledge = all.findIndex((name) => name.endsWith("_knowledge_base"));
    const before = copyMigrations(all.length - knowledge);
    const db = await scratch();
    cleanups.push(() => db.close());
    await applyMigrations(db.factory, before.dir);
    await db.query(
      `INSERT INTO "Article" (id, slug, "titleAr", "titleEn", "bodyAr", category, audience, status, "searchText", "updatedAt")
       VALUES (gen_random_uuid(), 'old', 'ما الإقرارُ؟', 'The Attestation', 'طلب مُساعدة، ماليّة', 'GUIDE', 'PUBLIC', 'PUBLISHED', '', now())`,
    );
    const server = await db.openAsServer();
    try {
      const [row] = await server.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
        `SELECT category::text AS category, "searchTitle", "searchBody",
           "searchVector" @@ to_tsquery('simple', 'الاقرار:* & attest:*') AS found,
           "titleVector" @@ to_tsquery('simple', 'مساعده:*') AS "inTitle"
         FROM "Article" WHERE slug = 'old'`,
      );
      // The SQL backfill folds as api/shared/arabic.ts does.
      expect(row).toEqual({
        category: "PROCEDURE",
        searchTitle: searchWords("ما الإقرارُ؟ The Attestation").join(" "),
        searchBody: searchWords("طلب مُساعدة، ماليّة").join(" "),
        found: true,
        inTitle: false,
      });
    } finally {
      await server.close();
    }
  });

  it("build the same tables, columns, indexes, constraints and triggers on PGlite and PostgreSQL", async (context) => {
    if (!testServerUrl) {
      context.skip("TEST_DATABASE_URL is not set: PGlite and PostgreSQL were not compared");
    }
    if (testEngine === "postgresql") {
      context.skip("compared once, in the pglite project");
    }
    const embedded = await scratch("pglite");
    const server = await scratch("postgresql");
    cleanups.push(
      () => embedded.close(),
      () => server.close(),
    );
    await applyMigrations(embedded.factory);
    await applyMigrations(server.factory);
    const [a, b] = [await schemaSnapshot(embedded), await schemaSnapshot(server)];
    expect(a.tables.length).toBeGreaterThan(10);
    expect(b.tables).toEqual(a.tables);
    expect(b.columns).toEqual(a.columns);
    expect(b.indexes).toEqual(a.indexes);
    expect(b.constraints).toEqual(a.constraints);
    expect(b.triggers).toEqual(a.triggers);
  });

  it("keep the audit log append-only: UPDATE and DELETE are refused", async () => {
    const database = await openTestDatabase();
    cleanups.push(() => database.close());
    const { prisma } = database;
    const entry = await prisma.auditEntry.create({
      data: {
        actorKind: "USER",
        actorLabel: "migration test",
        action: "CREATE",
        entityType: "Member",
        entityId: "m-1",
      },
    });
    await expect(
      prisma.auditEntry.update({ where: { id: entry.id }, data: { actorLabel: "changed" } }),
    ).rejects.toThrow(/append-only/);
    await expect(prisma.auditEntry.delete({ where: { id: entry.id } })).rejects.toThrow(
      /append-only/,
    );
    await expect(
      prisma.$executeRawUnsafe(`UPDATE "AuditEntry" SET "actorLabel" = 'raw'`),
    ).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditEntry"`)).rejects.toThrow(
      /append-only/,
    );
    const after = await prisma.auditEntry.findMany();
    expect(after).toEqual([entry]);
  });

  it("stop the start with an error when a migration fails, leaving nothing half-applied", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const { dir, names } = copyMigrations();
      const broken = "99991231000000_broken";
      mkdirSync(join(dir, broken));
      writeFileSync(
        join(dir, broken, "migration.sql"),
        `CREATE TABLE "HalfApplied" ("id" INTEGER);\nTHIS IS NOT SQL;\n`,
      );

      const db = await scratch();
      cleanups.push(() => db.close());
      await expect(applyMigrations(db.factory, dir)).rejects.toThrow(/syntax error/);

      // The good migrations stay applied; the broken one is recorded as failed, not applied,
      // and its first statement was rolled back with it.
      const recorded = await db.query(
        `SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`,
      );
      expect(recorded.map((r) => [r.migration_name, r.finished_at !== null])).toEqual([
        ...names.map((name) => [name, true]),
        [broken, false],
      ]);
      expect(await userTables(db)).not.toContain("HalfApplied");

      // The server refuses to start on it (Prisma's P3009) instead of serving a half schema,
      // and lets go of the data directory.
      await expect(db.openAsServer()).rejects.toThrow(/failed migrations/);
      if (db.lockFile) expect(existsSync(db.lockFile)).toBe(false);

      // A rejection that escaped the promise chain would arrive after it settled.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
