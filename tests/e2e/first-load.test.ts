// @vitest-environment node
// The first load is lighter (issue 13, item 4): the panel's scripts and styles are built with
// Brotli and gzip copies (scripts/build-admin.mjs) and sent as the browser accepts them, with
// Vary: Accept-Encoding. Measured from Chromium's own network events (the encoded bytes it
// received). The sign-in page's weight is printed; the 300 kB goal is NOT met yet
// (react-admin and MUI load before the sign-in form, and three font weights).
import { describe, expect, it } from "vitest";
import { browserAvailable, browserSuite } from "./helpers.js";

const available = browserAvailable();

describe.skipIf(!available)("the sign-in page's weight (Chromium)", () => {
  const { app, openPage, step } = browserSuite("first-load-");

  it("sends scripts and styles Brotli-compressed, at most 40% of their size", async () => {
    const page = await openPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    const urls = new Map<string, string>();
    const encodings = new Map<string, string>();
    const decoded = new Map<string, number>();
    const encoded = new Map<string, number>();
    cdp.on("Network.requestWillBeSent", (event) => urls.set(event.requestId, event.request.url));
    cdp.on("Network.responseReceived", (event) => {
      const headers = Object.entries(event.response.headers as Record<string, string>);
      const header = (name: string) => headers.find(([k]) => k.toLowerCase() === name)?.[1] ?? "";
      encodings.set(event.requestId, header("content-encoding"));
    });
    cdp.on("Network.dataReceived", (event) => {
      decoded.set(event.requestId, (decoded.get(event.requestId) ?? 0) + event.dataLength);
    });
    cdp.on("Network.loadingFinished", (event) => {
      encoded.set(event.requestId, event.encodedDataLength);
    });
    await step("load-sign-in", async () => {
      await page.goto(`${app().url}/#/login`, { waitUntil: "networkidle" });
      await page.locator('input[name="email"]').waitFor();
    });
    const sum = (ids: string[], sizes: Map<string, number>) =>
      ids.reduce((total, id) => total + (sizes.get(id) ?? 0), 0);
    const all = [...encoded.keys()];
    const text = all.filter((id) => /\.(js|css)$/.test(urls.get(id) ?? ""));
    console.log(
      `bench first-load sign-in page: ${(sum(all, encoded) / 1024).toFixed(0)} kB over the wire (${(sum(text, encoded) / 1024).toFixed(0)} kB of scripts and styles, ${(sum(text, decoded) / 1024).toFixed(0)} kB decoded), ${all.length} responses`,
    );
    expect(text.length).toBeGreaterThan(0);
    for (const id of text) expect([urls.get(id), encodings.get(id)]).toEqual([urls.get(id), "br"]);
    expect(sum(text, encoded)).toBeLessThan(0.4 * sum(text, decoded));

    // A client without Brotli gets gzip; one without either, the file as it is; all vary.
    const script = urls.get(text[0] ?? "") ?? "";
    for (const [accept, coding] of [
      ["gzip, deflate", "gzip"],
      ["identity", null],
    ] as const) {
      const response = await fetch(script, { headers: { "accept-encoding": accept } });
      await response.arrayBuffer();
      expect(response.headers.get("content-encoding")).toBe(coding);
      expect(response.headers.get("vary")).toBe("Accept-Encoding");
    }
  });
});
