// What Json HTTP client meets before a resolver runs: CSRF guard, body limit, masking,
// query limits, introspection switch, request ids, and the panel's page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfHeader } from "../../api/yoga.js";
import { type Json, socketClient, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";

let t: TestApp;
let production: TestApp;
let token: string;

beforeAll(async () => {
  t = await startTestApp({ env: { WASL_MAX_BODY_BYTES: "4096" } });
  production = await startTestApp({ env: { NODE_ENV: "production" } });
  token = (await signInStaff(t, "staff@test.sa", ["STAFF"])).token;
});

afterAll(async () => {
  await t?.close();
  await production?.close();
});

const post = (app: TestApp, body: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", [csrfHeader]: "1", ...headers },
    body,
  });

describe("HTTP guards", () => {
  it("refuses a form-like POST without the CSRF header (a cross-site form could send it)", async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "query=%7B__typename%7D",
    });
    expect(response.status).toBe(403);
  });

  it("refuses a GET without the CSRF header and answers one with it", async () => {
    expect((await fetch(`${t.url}/graphql?query=%7B__typename%7D`)).status).toBe(403);
    const ok = await fetch(`${t.url}/graphql?query=%7B__typename%7D`, {
      headers: { [csrfHeader]: "1" },
    });
    expect(await ok.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("refuses a body over the configured limit with 413", async () => {
    const response = await post(
      t,
      JSON.stringify({ query: `{ __typename }`, variables: { pad: "x".repeat(5000) } }),
    );
    expect(response.status).toBe(413);
  });

  it("echoes a request id, or makes one", async () => {
    const given = await post(t, `{"query":"{ __typename }"}`, { "x-request-id": "req-123" });
    expect(given.headers.get("x-request-id")).toBe("req-123");
    const made = await post(t, `{"query":"{ __typename }"}`);
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("what reaches a client when something breaks", () => {
  it("masks unexpected errors: no SQL, no stack, no table names", async () => {
    await t.database.prisma.$executeRawUnsafe(`ALTER TABLE "Member" RENAME TO "MemberHidden"`);
    try {
      const response = await post(
        t,
        JSON.stringify({ query: `{ members(first: 5) { totalCount } }` }),
        {
          authorization: `Bearer ${token}`,
        },
      );
      const text = await response.text();
      expect(JSON.parse(text).errors[0].message).toBe("Unexpected error.");
      expect(text).not.toMatch(/"Member"|MemberHidden|SELECT|relation|does not exist|stack|at \//);
    } finally {
      await t.database.prisma.$executeRawUnsafe(`ALTER TABLE "MemberHidden" RENAME TO "Member"`);
    }
  });

  it("refuses queries with too many aliases without telling the limit", async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: me { email }`).join(" ");
    const body = (await (
      await post(t, JSON.stringify({ query: `{ ${aliases} }` }))
    ).json()) as Json;
    expect(body.errors?.[0]?.message).toBeTruthy();
    expect(JSON.stringify(body)).not.toMatch(/\b20\b/);
  });

  it("hides field suggestions that would reveal the schema", async () => {
    const body = (await (await post(t, JSON.stringify({ query: `{ membr }` }))).json()) as Json;
    expect(body.errors[0].message).not.toContain("Did you mean");
  });
});

describe("introspection", () => {
  const introspection = JSON.stringify({ query: `{ __schema { queryType { name } } }` });

  it("is on in development", async () => {
    const body = (await (await post(t, introspection)).json()) as Json;
    expect(body.data.__schema.queryType.name).toBe("Query");
  });

  it("is off over WebSocket too in production", async () => {
    const client = socketClient(production.url);
    try {
      const outcome = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: `{ __schema { queryType { name } } }` },
          {
            next: resolve,
            error: (errors) => resolve({ errors }),
            complete: () => resolve(undefined),
          },
        );
      });
      expect(JSON.stringify(outcome)).toMatch(/introspection/i);
      expect(JSON.stringify(outcome)).not.toContain('"queryType":{"name":"Query"}');
    } finally {
      await client.dispose();
    }
  });

  it("is off by default in production", async () => {
    const body = (await (await post(production, introspection)).json()) as Json;
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toMatch(/introspection/i);
  });
});

describe("pages", () => {
  it("serves the panel (or its placeholder) at / and health at /health", async () => {
    const page = await fetch(`${t.url}/`);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toMatch(/<html[^>]*lang="ar"[^>]*dir="rtl"|<html[^>]*dir="rtl"/);
    expect(await (await fetch(`${t.url}/health`)).json()).toEqual({ status: "ok" });
  });
});
