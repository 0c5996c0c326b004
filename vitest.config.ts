import { defineConfig } from "vitest/config";

// The integration suites run on both engines users run: embedded PGlite always, and a
// PostgreSQL server when TEST_DATABASE_URL names one whose role may CREATE DATABASE. Each
// project states its engine in WASL_TEST_ENGINE (read by tests/helpers/database.ts), so an
// exported TEST_DATABASE_URL adds the "postgresql" run instead of silently replacing "pglite".
const postgresql = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  // Node loads graphql's CommonJS entry (package "main"); Vite would pick its ESM "module"
  // entry for our files while Pothos and yoga get the CommonJS one: two graphql instances.
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: {
    exclude: ["tests/bench/**", "node_modules/**"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default"],
    projects: [
      {
        extends: true,
        test: {
          name: "pglite",
          include: ["tests/**/*.test.ts"],
          env: { WASL_TEST_ENGINE: "pglite" },
        },
      },
      ...(postgresql
        ? [
            {
              extends: true as const,
              test: {
                name: "postgresql",
                // Unit, seed and process tests do not depend on the engine (process tests
                // run the embedded server): once, in "pglite", is enough.
                // The seed replay runs the commands, whose statements differ by engine.
                include: [
                  "tests/api/**/*.test.ts",
                  "tests/db/**/*.test.ts",
                  "tests/seed/seed-replay.test.ts",
                ],
                // The embedded database's own thread: PGlite only.
                exclude: ["tests/db/embedded-thread.test.ts", "tests/bench/**", "node_modules/**"],
                env: { WASL_TEST_ENGINE: "postgresql" },
              },
            },
          ]
        : []),
    ],
  },
});
