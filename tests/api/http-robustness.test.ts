// No request may stop the server: random paths (malformed percent-encodings, "..", NUL, very
// long), cookies and headers are thrown at a listening app over raw TCP, and it must answer
// each one with a status below 500 and still answer /health afterwards.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfHeader } from "../../api/yoga.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";

let t: TestApp;
let panelDir: string;
let token: string;

beforeAll(async () => {
  // A built panel, so that the static handler decodes paths (without one it serves a placeholder).
  panelDir = mkdtempSync(join(tmpdir(), "wasl-panel-"));
  mkdirSync(join(panelDir, "assets"));
  writeFileSync(join(panelDir, "index.html"), '<!doctype html><html lang="ar" dir="rtl"></html>');
  writeFileSync(join(panelDir, "assets", "app.js"), "console.log(1)");
  t = await startTestApp({ panelDir });
  token = (await signInStaff(t, "staff@test.sa", ["STAFF"])).token;
});

afterAll(async () => {
  await t?.close();
  rmSync(panelDir, { recursive: true, force: true });
});

/** Sends bytes as they are (fetch and node:http refuse odd ones) and reads the status line. */
function raw(request: Buffer | string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(t.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(20_000, () => socket.destroy(new Error("no answer within 20 s")));
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("latin1");
      const status = Number(text.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? Number.NaN);
      resolve({ status, text });
    });
    // Not end(): a half-closed socket makes node drop the answer still being prepared.
    socket.write(typeof request === "string" ? Buffer.from(request, "latin1") : request);
  });
}

function httpRequest(method: string, path: string, headers: [string, string][], body = ""): Buffer {
  const lines = [`${method} ${path} HTTP/1.1`, "Host: wasl.test", "Connection: close"];
  for (const [name, value] of headers) lines.push(`${name}: ${value}`);
  if (body || method === "POST") lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"), Buffer.from(body)]);
}

async function healthy(): Promise<boolean> {
  const response = await fetch(`${t.url}/health`);
  return response.status === 200;
}

const pathPiece = fc.oneof(
  fc.constantFrom(
    "/",
    "..",
    "/../",
    "%",
    "%E0%A4%A",
    "%E0%A4",
    "%zz",
    "%00",
    "%2e%2e",
    "%2F",
    "%C0%AF",
    "%FF",
    "%D8%A3",
    "graphql",
    "documents",
    "health",
    "export",
    "members.csv",
    "assets",
    "app.js",
    "index.html",
    "attest",
    "?",
    "&",
    "=",
    "#",
    "~",
    ";",
    "\\",
    "\u0000",
    "x".repeat(9000),
  ),
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[\x21-\x7e]{0,20}$/),
);
const randomPath = fc
  .tuple(
    fc.constantFrom("/", "/graphql", "/documents/", "/export/members.csv", "/assets/", "/health"),
    fc.array(pathPiece, { maxLength: 6 }),
  )
  .map(([start, pieces]) => start + pieces.join(""))
  // Spaces, CR and LF would split the request line itself: that is the header test's job.
  .map((path) => path.replace(/[ \r\n]/g, "%20"));

const latin1Value = fc.string({
  unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
});
const cookieValue = fc.oneof(
  fc.constantFrom(
    "wasl_session=%E0%A4%A",
    "wasl_session=%",
    "wasl_session=%zz; other=1",
    "a=%E0%A4%A; wasl_session=abc",
    "wasl_session=",
    "wasl_session",
    ";;;===",
    `wasl_session=${"%".repeat(2000)}`,
  ),
  latin1Value.map((value) => `wasl_session=${value.replace(/[\r\n]/g, "")}`),
  latin1Value,
);
// Any header name but those that announce a body we do not send (the server would wait for it).
const anyHeaderName = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/)
  .filter((name) => !/^(content-length|transfer-encoding|expect|host)$/i.test(name));
const knownHeaderName = fc.constantFrom(
  "x-request-id",
  "X-Request-Id",
  "accept-language",
  "authorization",
  "x-api-key",
  "content-type",
  "accept",
  "origin",
  csrfHeader,
  "x-forwarded-for",
  "access-control-request-method",
  "range",
  "if-none-match",
);
const headerValue = fc.oneof(
  latin1Value,
  fc.constantFrom(
    "",
    "Bearer ",
    "Bearer %E0%A4%A",
    "multipart/form-data; boundary=",
    "application/json; charset=utf-999",
    "text/html",
    "ar;q=abc, en;q=",
    "x".repeat(8000),
  ),
);
const headerName = fc.oneof(
  knownHeaderName,
  anyHeaderName,
  fc.constantFrom("upgrade", "connection"),
);
const randomHeaders = fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 });
const method = fc.constantFrom("GET", "HEAD", "POST", "OPTIONS", "PUT", "DELETE");
const body = fc.oneof(
  fc.constant(""),
  fc.constant('{"query":"{ __typename }"}'),
  fc.constant('{"query":"{ me { email } }"}'),
  fc.string({ maxLength: 200 }),
);

describe("a request cannot stop the server", () => {
  it("answers GET /%E0%A4%A with 400 and keeps serving", async () => {
    const response = await raw(httpRequest("GET", "/%E0%A4%A", []));
    expect(response.status).toBe(400);
    expect(await healthy()).toBe(true);
  });

  it("answers a malformed or NUL-carrying asset path with 400", async () => {
    expect((await raw(httpRequest("GET", "/assets/%E0%A4%A.js", []))).status).toBe(400);
    expect((await raw(httpRequest("GET", "/assets/app.js%00.html", []))).status).toBe(400);
    expect((await raw(httpRequest("GET", "/assets/app.js", []))).status).toBe(200);
    // Traversal stays inside the panel's directory: the SPA's page, not a file outside.
    const traversal = await raw(httpRequest("GET", "/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd", []));
    expect(traversal.status).toBe(200);
    expect(traversal.text).not.toContain("root:");
    expect(await healthy()).toBe(true);
  });

  it("answers a malformed document path with 400, not 500", async () => {
    const response = await raw(
      httpRequest("GET", "/documents/%E0%A4%A", [["authorization", `Bearer ${token}`]]),
    );
    expect(response.status).toBe(400);
  });

  it("treats a malformed session cookie on /graphql as no session (never 400/500)", async () => {
    const response = await raw(
      httpRequest(
        "POST",
        "/graphql",
        [
          ["content-type", "application/json"],
          [csrfHeader, "1"],
          ["cookie", "wasl_session=%E0%A4%A"],
        ],
        '{"query":"{ me { email } }"}',
      ),
    );
    expect(response.status).toBe(200);
    expect(response.text).toContain('"me":null');
  });

  it("treats a malformed session cookie on /documents as no session (401, never 500)", async () => {
    const response = await raw(
      httpRequest("GET", "/documents/00000000-0000-0000-0000-000000000000", [
        ["cookie", "wasl_session=%E0%A4%A"],
      ]),
    );
    expect(response.status).toBe(401);
    expect(await healthy()).toBe(true);
  });

  it("answers an export filter carrying a NUL byte with 400 before any CSV is sent", async () => {
    const response = await raw(
      httpRequest("GET", "/export/members.csv?search=a%00b", [
        ["authorization", `Bearer ${token}`],
        [csrfHeader, "1"],
      ]),
    );
    expect(response.status).toBe(400);
    const fine = await raw(
      httpRequest("GET", "/export/members.csv?search=%E0%A4%A", [
        ["authorization", `Bearer ${token}`],
        [csrfHeader, "1"],
      ]),
    );
    expect(fine.status).toBe(200);
  });

  it("echoes one usable request id when several x-request-id headers arrive", async () => {
    const response = await raw(
      httpRequest("GET", "/health", [
        ["x-request-id", "first"],
        ["x-request-id", "second"],
      ]),
    );
    expect(response.status).toBe(200);
    expect(response.text).toMatch(/\r\nx-request-id: [\w.:-]{1,100}\r\n/i);
  });

  it("survives random paths, cookies and headers, answering each below 500", async () => {
    await fc.assert(
      fc.asyncProperty(
        method,
        randomPath,
        fc.option(cookieValue, { nil: undefined }),
        randomHeaders,
        body,
        async (verb, path, cookie, headers, payload) => {
          const all: [string, string][] = cookie ? [["cookie", cookie], ...headers] : headers;
          const response = await raw(
            httpRequest(verb, path, all, verb === "POST" || verb === "PUT" ? payload : ""),
          );
          // Node's parser itself answers 400/431 to what it cannot parse; everything else is ours.
          expect(response.status, `${verb} ${path}\n${response.text.slice(0, 300)}`).toBeLessThan(
            500,
          );
        },
      ),
      { numRuns: 500 },
    );
    expect(await healthy()).toBe(true);
  });
});
