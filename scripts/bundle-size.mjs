// `npm run bundle:size`: the panel's initial JavaScript — the entry script of admin/dist's
// index.html and every chunk it imports statically (what the browser must load before the
// first screen) — in kB gzip. Fails at 500 kB or more; lazy chunks are listed apart.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "admin/dist");
const limitKb = 500;

export function initialChunks(distDir = dist) {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const entries = [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const seen = new Set();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(distDir, file), "utf8");
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`); `import("./x.js")` is lazy.
    for (const m of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) {
      queue.push(join(dirname(file), m[1]).replaceAll("\\", "/"));
    }
  }
  return [...seen];
}

const kb = (bytes) => bytes / 1000;

export function measure(distDir = dist) {
  const initial = initialChunks(distDir);
  const sizes = initial.map((file) => ({
    file,
    gzip: gzipSync(readFileSync(join(distDir, file))).length,
  }));
  const all = readdirSync(join(distDir, "assets")).filter((f) => f.endsWith(".js"));
  const lazy = all.map((f) => `assets/${f}`).filter((f) => !initial.includes(f));
  const lazyGzip = lazy.reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(distDir, f))).length,
    0,
  );
  return {
    sizes,
    totalGzip: sizes.reduce((s, x) => s + x.gzip, 0),
    lazyCount: lazy.length,
    lazyGzip,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(join(dist, "index.html"))) {
    process.stderr.write("admin/dist is missing: run `node scripts/build-admin.mjs` first.\n");
    process.exit(1);
  }
  const { sizes, totalGzip, lazyCount, lazyGzip } = measure();
  for (const { file, gzip } of sizes.sort((a, b) => b.gzip - a.gzip)) {
    process.stdout.write(`  ${file.padEnd(48)} ${kb(gzip).toFixed(1).padStart(8)} kB gzip\n`);
  }
  process.stdout.write(
    `Initial JS: ${kb(totalGzip).toFixed(1)} kB gzip (limit ${limitKb} kB) in ${sizes.length} files; ` +
      `${lazyCount} lazy chunks, ${kb(lazyGzip).toFixed(1)} kB gzip, load on demand.\n`,
  );
  if (kb(totalGzip) >= limitKb) {
    process.stderr.write(
      `The panel's initial JavaScript is ${kb(totalGzip).toFixed(1)} kB gzip: at or over ${limitKb} kB.\n`,
    );
    process.exit(1);
  }
}
