// Generates the Prisma client and Pothos types offline, and only when the schema changed.
// npm 11 does not run dependencies' install scripts, so nothing else would generate them.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const schema = readFileSync("prisma/schema.prisma");
const prismaVersion = createRequire(import.meta.url)("prisma/package.json").version;
const stamp = createHash("sha256").update(schema).update(prismaVersion).digest("hex");
const stampFile = "api/db/generated/.schema-stamp";

if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) process.exit(0);

const result = spawnSync("npx", ["--no-install", "prisma", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    // `generate` never runs the native schema engine, but the CLI insists on finding one:
    // any executable satisfies it, and nothing is downloaded.
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stampFile, stamp);
