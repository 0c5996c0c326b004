// Builds the staff panel into admin/dist, only when needed: when admin/dist is missing or
// when the panel's sources, its Vite config or the lockfile changed since the last build
// (their hash is kept in admin/dist/.build-stamp). `npm start` runs this first.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync, constants as zlibConstants } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "admin/dist");
const stampFile = join(dist, ".build-stamp");
// The panel imports what it shares with the API from contract/; it is part of its sources.
const inputs = [
  "admin/src",
  "admin/index.html",
  "admin/vite.config.ts",
  "admin/tsconfig.json",
  "contract",
  "package-lock.json",
];

function files(path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

export function sourceHash() {
  const hash = createHash("sha256");
  for (const file of inputs.flatMap(files)) {
    hash.update(relative(root, join(root, file)).replaceAll("\\", "/"));
    hash.update("\0");
    hash.update(readFileSync(join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Text files worth compressing; fonts (woff2) and images are compressed already. */
const compressible = new Set([".js", ".css", ".html", ".svg", ".json"]);

/**
 * Brotli and gzip copies of every text file next to it (x.js.br, x.js.gz), made once here at
 * their strongest settings, so the server sends them as they are (api/http/static.ts).
 */
function compressDist() {
  for (const file of files("admin/dist")) {
    const full = join(root, file);
    if (!compressible.has(extname(file))) continue;
    const content = readFileSync(full);
    writeFileSync(
      `${full}.br`,
      brotliCompressSync(content, {
        params: {
          [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
          [zlibConstants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
    );
    writeFileSync(`${full}.gz`, gzipSync(content, { level: 9 }));
  }
}

export function buildAdmin({ force = false, quiet = false } = {}) {
  const hash = sourceHash();
  const upToDate =
    !force &&
    existsSync(join(dist, "index.html")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8").trim() === hash;
  if (upToDate) {
    if (!quiet) process.stdout.write("Staff panel is up to date (admin/dist).\n");
    return false;
  }
  process.stdout.write("Building the staff panel (admin/dist)…\n");
  const vite = join(root, "node_modules/vite/bin/vite.js");
  const result = spawnSync(
    process.execPath,
    [vite, "build", "--config", "admin/vite.config.ts", "--logLevel", "warn"],
    {
      cwd: root,
      // A build started from tests (NODE_ENV=test) must still be a production build.
      env: { ...process.env, NODE_ENV: "production" },
      stdio: "inherit",
    },
  );
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
  compressDist();
  writeFileSync(stampFile, `${hash}\n`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    buildAdmin({ force: process.argv.includes("--force") });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
