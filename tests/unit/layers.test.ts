// The layers of the API (README, "Layout"), checked over the import graph of api/**/*.ts:
// - core (config, db, graphql but schema.ts, auth, http, i18n, live, pubsub, errors, logger,
//   idle-memory, shared)
//   imports no module and no composition root;
// - a module never imports another module's entry points: its module.ts and the files that
//   module.ts lists (resolvers, routes, catalogues, error types), which register themselves;
//   it uses another module through its commands, policy, rules, node types, errors and events;
// - only the composition roots (server.ts, main.ts, worker.ts, yoga.ts, graphql/schema.ts and its
//   printer) wire modules, and the schema's module list names each module by its module.ts.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const api = join(root, "api");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** `import … from "x"`, `export … from "x"`, `import "x"`, `import("x")`, type-only included. */
const importPattern =
  /(?:^|[;\s])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** The api files a file imports, as paths relative to the repository (`api/…/x.ts`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
  return [...text.matchAll(importPattern)]
    .map((m) => m[1] ?? m[2]!)
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) => relative(root, resolve(dirname(file), specifier)).replace(/\.js$/, ".ts"));
}

const files = sourceFiles(api).map((file) => relative(root, file));
const graph = new Map(files.map((file) => [file, importsOf(join(root, file))]));

// print.ts prints the composed schema (npm run schema:print), so it sits above it.
const compositionRoots = [
  "api/server.ts",
  "api/main.ts",
  "api/worker.ts",
  "api/yoga.ts",
  "api/graphql/schema.ts",
  "api/graphql/print.ts",
];
const coreFiles = [
  "api/config.ts",
  "api/pubsub.ts",
  "api/errors.ts",
  "api/logger.ts",
  "api/idle-memory.ts",
];
const coreFolders = [
  "api/db/",
  "api/graphql/",
  "api/auth/",
  "api/http/",
  "api/i18n/",
  "api/live/",
  "api/shared/",
];

const isRoot = (file: string) => compositionRoots.includes(file);
const isCore = (file: string) =>
  !isRoot(file) && (coreFiles.includes(file) || coreFolders.some((f) => file.startsWith(f)));
/** The module a file belongs to (`api/modules/<module>/…`). */
const moduleOf = (file: string) => /^api\/modules\/([^/]+)\//.exec(file)?.[1];

/** What each module's module.ts lists: the files that register themselves. */
const entryPoints = new Set(
  files
    .filter((file) => /^api\/modules\/[^/]+\/module\.ts$/.test(file))
    .flatMap((file) => [file, ...graph.get(file)!]),
);

describe("the layers of the API", () => {
  it("finds the files and their imports", () => {
    expect(files.length).toBeGreaterThan(80);
    expect(graph.get("api/graphql/schema.ts")).toContain("api/modules/requests/module.ts");
    // The scanner sees every form of import it must judge.
    expect(graph.get("api/modules/requests/module.ts")).toContain(
      "api/modules/requests/attestation/routes.ts",
    );
    expect(graph.get("api/auth/context.ts")).toContain("api/pubsub.ts");
  });

  it("places every file: core, a module, or a composition root", () => {
    expect(files.filter((f) => !isRoot(f) && !isCore(f) && !moduleOf(f))).toEqual([]);
  });

  it("keeps core free of modules and of the composition roots", () => {
    const crossings = files.filter(isCore).flatMap((file) =>
      graph
        .get(file)!
        .filter((target) => moduleOf(target) || isRoot(target))
        .map((target) => `${file} → ${target}`),
    );
    expect(crossings).toEqual([]);
  });

  it("lets a module use another only through what it offers, never its entry points", () => {
    const crossings = files
      .filter((file) => moduleOf(file))
      .flatMap((file) =>
        graph
          .get(file)!
          .filter(
            (target) =>
              isRoot(target) ||
              (moduleOf(target) !== moduleOf(file) && moduleOf(target) && entryPoints.has(target)),
          )
          .map((target) => `${file} → ${target}`),
      );
    expect(crossings).toEqual([]);
  });

  it("adds a module to the schema with one line: its module.ts", () => {
    const modules = graph.get("api/graphql/schema.ts")!.filter((target) => moduleOf(target));
    expect(modules.filter((target) => !target.endsWith("/module.ts"))).toEqual([]);
    const withEntry = files.filter((file) => /^api\/modules\/[^/]+\/module\.ts$/.test(file));
    expect([...modules].sort()).toEqual(withEntry.sort());
  });
});
