// `npm run db:migration -- <name>`: writes the next migration from schema.prisma, offline.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { migrationsDir, pendingSchemaChange } from "../../api/db/migrations.js";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower case letters, digits, _)");
  process.exit(1);
}
const sql = await pendingSchemaChange();
if (!sql.trim()) {
  console.log("schema.prisma and prisma/migrations agree: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "migration.sql"), sql);
console.log(`Wrote ${join(dir, "migration.sql")} — review it, then commit it.`);
