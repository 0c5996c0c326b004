// What modules register into core (routes, notification parameters, error types) is refused
// when two modules claim the same thing, or when it comes too late to be part of the schema.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import type { Services } from "../../api/auth/context.js";
import { loadConfig } from "../../api/config.js";
import { DomainError } from "../../api/errors.js";
import { errorTypeOptions } from "../../api/graphql/errors.js";
import { schema } from "../../api/graphql/schema.js";
import { mountRoutes, registerRoute } from "../../api/http/routes.js";
import { registerNotificationParams } from "../../api/modules/notifications/outbox.js";

// The handlers are only built, never called: the configuration is all they read then.
const services = {
  config: loadConfig({
    WASL_TOKEN_SECRET: "registries-test-secret-registries-test-0123",
    WASL_DATA_DIR: mkdtempSync(join(tmpdir(), "wasl-registries-")),
  }),
} as Services;

describe("the route registry", () => {
  it("mounts every module's route, exact paths and prefixes", () => {
    const route = mountRoutes(services);
    expect(route("/export/members.csv")).toBeTypeOf("function");
    expect(route("/export/requests.csv")).toBeTypeOf("function");
    expect(route("/documents/0d5c2f1e-0000-4000-8000-000000000000")).toBeTypeOf("function");
    expect(route("/attest")).toBeTypeOf("function");
    expect(route("/export/members.csv/x")).toBeUndefined();
    expect(route("/documents")).toBeUndefined();
  });

  it("refuses a path another module already has", () => {
    expect(() => registerRoute({ path: "/attest", create: () => () => {} })).toThrow(
      /registered twice: \/attest/,
    );
  });
});

describe("the outbox", () => {
  it("refuses a second declaration of an event's parameters", () => {
    expect(() => registerNotificationParams(["ATTESTATION_REQUESTED"], () => ({}))).toThrow(
      /registered twice: ATTESTATION_REQUESTED/,
    );
  });
});

describe("error types", () => {
  it("lists every module's codes in ErrorCode", () => {
    const type = schema.getType("ErrorCode");
    const values = isEnumType(type) ? type.getValues().map((v) => v.name) : [];
    expect(values).toEqual(
      expect.arrayContaining(["NOT_FOUND", "INVALID_CREDENTIALS", "INCOMPLETE_REQUEST", "BUSY"]),
    );
  });

  it("refuses an error type declared after the schema was built", () => {
    class LateError extends DomainError {
      readonly code = "BUSY";
    }
    expect(() => errorTypeOptions(LateError, "Too late.", ["BUSY"])).toThrow(
      /after the schema was built/,
    );
  });
});
