// CORS is off unless an origin is listed in CORS_ORIGINS: a page on another origin (another
// port or subdomain) must not read answers sent with the user's cookie.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../api/config.js";
import { csrfHeader } from "../../api/yoga.js";
import { startTestApp, type TestApp, testConfig } from "../helpers/app.js";

const listed = "https://portal.example.org";
const foreign = "http://localhost:5173";

let closed: TestApp;
let open: TestApp;

beforeAll(async () => {
  closed = await startTestApp();
  open = await startTestApp({ env: { CORS_ORIGINS: `${listed}, https://other.example.org` } });
});

afterAll(async () => {
  await closed?.close();
  await open?.close();
});

const post = (app: TestApp, origin: string) =>
  fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", [csrfHeader]: "1", origin },
    body: JSON.stringify({ query: "{ __typename }" }),
  });

const preflight = (app: TestApp, origin: string) =>
  fetch(`${app.url}/graphql`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": `content-type, ${csrfHeader}`,
    },
  });

describe("CORS", () => {
  it("grants nothing to any origin by default, on the request or the preflight", async () => {
    for (const origin of [foreign, listed]) {
      const response = await post(closed, origin);
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      const options = await preflight(closed, origin);
      expect(options.headers.get("access-control-allow-origin")).toBeNull();
      expect(options.headers.get("access-control-allow-credentials")).toBeNull();
      expect(options.headers.get("access-control-allow-headers")).toBeNull();
    }
  });

  it("grants nothing to an origin not listed in CORS_ORIGINS", async () => {
    for (const origin of [foreign, "https://portal.example.org.evil.test", "null"]) {
      const response = await post(open, origin);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      const options = await preflight(open, origin);
      expect(options.headers.get("access-control-allow-origin")).toBeNull();
      expect(options.headers.get("access-control-allow-credentials")).toBeNull();
    }
  });

  it("grants a listed origin, with credentials, on the request and the preflight", async () => {
    const response = await post(open, listed);
    expect(response.headers.get("access-control-allow-origin")).toBe(listed);
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    const options = await preflight(open, listed);
    expect(options.status).toBe(204);
    expect(options.headers.get("access-control-allow-origin")).toBe(listed);
    expect(options.headers.get("access-control-allow-credentials")).toBe("true");
    expect(options.headers.get("access-control-allow-headers")?.toLowerCase()).toContain(
      csrfHeader,
    );
  });

  it("says that answers vary by Origin once origins are listed, so caches keep them apart", async () => {
    for (const origin of [listed, foreign]) {
      expect((await post(open, origin)).headers.get("vary")).toMatch(/\bOrigin\b/);
      expect((await preflight(open, origin)).headers.get("vary")).toMatch(/\bOrigin\b/);
    }
  });

  it("refuses a CORS_ORIGINS entry that is not an exact origin", () => {
    for (const value of ["portal.example.org", "https://portal.example.org/", "*", "ftp://x.org"])
      expect(() => testConfig({ CORS_ORIGINS: value }), value).toThrow(ConfigError);
    expect(testConfig({ CORS_ORIGINS: "" }).corsOrigins).toEqual([]);
    expect(testConfig({ CORS_ORIGINS: `${listed},http://127.0.0.1:8080` }).corsOrigins).toEqual([
      listed,
      "http://127.0.0.1:8080",
    ]);
  });
});
