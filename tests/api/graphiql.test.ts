// GraphiQL works on an air-gapped network: its page loads nothing from another host, and what
// it loads is served by Wasl itself.
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;

/** The package with GraphiQL's built files (a dependency; without it the page says so). */
const assetsInstalled = (() => {
  try {
    createRequire(import.meta.url).resolve("@graphql-yoga/render-graphiql/package.json");
    return true;
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t?.close();
});

/** Every URL the page names in an attribute or a script string (src, href, fetch targets). */
function urlsIn(html: string): string[] {
  const attributes = [...html.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map(
    (m) => m[1]!,
  );
  const quoted = [
    ...html.matchAll(/["'`]((?:https?:)?\/\/[^"'`\s]+|\/[\w./-]+\.(?:js|css|ico))["'`]/g),
  ].map((m) => m[1]!);
  return [...new Set([...attributes, ...quoted])];
}

describe("GraphiQL", () => {
  it("loads no script, style or worker from another host", async () => {
    const response = await fetch(`${t.url}/graphql`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toContain("__TITLE__");
    const external = urlsIn(html).filter((url) => /^(https?:)?\/\//i.test(url));
    expect(external).toEqual([]);
    expect(html).not.toMatch(/unpkg|jsdelivr|githubusercontent|cdn\./i);
  });

  it("serves every asset the page names", async () => {
    const html = await (
      await fetch(`${t.url}/graphql`, { headers: { accept: "text/html" } })
    ).text();
    const local = urlsIn(html).filter((url) => url.startsWith("/") && !url.startsWith("//"));
    for (const path of local) {
      const asset = await fetch(new URL(path, t.url));
      expect(asset.status, path).toBe(200);
      expect(asset.headers.get("x-content-type-options"), path).toBe("nosniff");
      await asset.arrayBuffer();
    }
  });

  it.runIf(assetsInstalled)(
    "names GraphiQL's script, styles and workers under /graphiql/",
    async () => {
      const html = await (
        await fetch(`${t.url}/graphql`, { headers: { accept: "text/html" } })
      ).text();
      for (const file of [
        "yoga-graphiql.js",
        "graphiql.css",
        "editor.worker.js",
        "json.worker.js",
        "graphql.worker.js",
      ]) {
        expect(html).toContain(`/graphiql/${file}`);
        const response = await fetch(`${t.url}/graphiql/${file}`);
        expect(response.status).toBe(200);
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
      }
    },
  );
});
