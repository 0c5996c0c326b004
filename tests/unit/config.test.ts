// Defaults that decide what a fresh installation exposes.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../api/config.js";

const base = () => ({
  WASL_TOKEN_SECRET: "config-test-secret-config-test-secret-0123",
  WASL_DATA_DIR: mkdtempSync(join(tmpdir(), "wasl-config-")),
});
const postgres = "postgresql://wasl:wasl@127.0.0.1:5433/wasl";

describe("WASL_SEED_DEMO", () => {
  it("defaults to true on the embedded database someone is trying out", () => {
    expect(loadConfig(base()).seedDemo).toBe(true);
  });
  it("defaults to false on PostgreSQL: no published passwords in production", () => {
    expect(loadConfig({ ...base(), DATABASE_URL: postgres }).seedDemo).toBe(false);
  });
  it("defaults to false on an address other machines reach", () => {
    expect(loadConfig({ ...base(), HOST: "0.0.0.0" }).seedDemo).toBe(false);
    expect(loadConfig({ ...base(), HOST: "::1" }).seedDemo).toBe(true);
  });
  it("follows an explicit setting on either engine", () => {
    expect(loadConfig({ ...base(), DATABASE_URL: postgres, WASL_SEED_DEMO: "true" }).seedDemo).toBe(
      true,
    );
    expect(loadConfig({ ...base(), WASL_SEED_DEMO: "false" }).seedDemo).toBe(false);
  });
});

describe("TRUST_PROXY", () => {
  it("defaults to 0 and takes a small number of hops", () => {
    expect(loadConfig(base()).trustProxy).toBe(0);
    expect(loadConfig({ ...base(), TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(() => loadConfig({ ...base(), TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
  });
});
