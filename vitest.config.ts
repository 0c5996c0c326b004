import { defineConfig } from "vitest/config";

export default defineConfig({
  // Node loads graphql's CommonJS entry (package "main"); Vite would pick its ESM "module"
  // entry for our files while Pothos and yoga get the CommonJS one: two graphql instances.
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/bench/**", "node_modules/**"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
