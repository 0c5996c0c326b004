// @vitest-environment node
// The first load is light (issue 13, item 4): the sign-in page is plain React with a few MUI
// pieces (admin/src/main.tsx), react-admin, Apollo and the screens load once signed in; the
// panel's scripts and styles are built with Brotli and gzip copies (scripts/build-admin.mjs)
// and sent as the browser accepts them, with Vary: Accept-Encoding. Measured from Chromium's
// own network events (the encoded bytes it received): under 300 kB, printed with its parts.
import { expect, it } from "vitest";
import { browserSuite, describeInChromium, screenSizes } from "./helpers.js";

describeInChromium("the sign-in page (Chromium)", () => {
  const { app, openPage, step } = browserSuite("first-load-");

  it("weighs under 300 kB on the wire, scripts and styles Brotli-compressed to 40% at most", async () => {
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
    const kinds: [string, RegExp][] = [
      ["scripts", /\.js$/],
      ["styles", /\.css$/],
      ["fonts", /\.woff2?$/],
      ["other", /./],
    ];
    const byKind = new Map<string, string[]>();
    for (const id of all) {
      const [kind] = kinds.find(([, pattern]) => pattern.test(urls.get(id) ?? "")) ?? ["other"];
      byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
    }
    console.log(
      [...byKind]
        .map(([kind, ids]) => `${kind} ${(sum(ids, encoded) / 1024).toFixed(0)} kB (${ids.length})`)
        .join(", "),
    );
    expect(sum(all, encoded)).toBeLessThan(300 * 1024);
    // Nothing of react-admin, Apollo or the screens before the user is signed in.
    expect(text.length).toBeLessThan(6);
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

  it.each(screenSizes)(
    "signs in at $name size: Arabic first, English on demand, the API's words, then where the user was going",
    async (size) => {
      const page = await openPage(size);
      await step(`${size.name}-arabic`, async () => {
        // A deep link without a session: the sign-in page, then that page once signed in.
        await page.goto(`${app().url}/#/members`);
        await page.locator('input[name="email"]').waitFor();
        expect(page.url()).toMatch(/#\/login$/);
        expect(await page.evaluate(() => [document.documentElement.lang, document.dir])).toEqual([
          "ar",
          "rtl",
        ]);
        await expect(page.title()).resolves.toBe("تسجيل الدخول إلى وصل");
        await page.getByRole("heading", { level: 1, name: "تسجيل الدخول إلى وصل" }).waitFor();
        // The labels name the fields; the keyboard starts in the e-mail field.
        await page.getByLabel("البريد الإلكتروني").waitFor();
        expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe(
          "email",
        );
        await page.getByLabel("البريد الإلكتروني").fill("staff@wasl.demo");
        await page.getByLabel("كلمة المرور").fill("wrong password");
        await page.locator('button[type="submit"]').click();
        await page
          .getByRole("alert")
          .filter({ hasText: "البريد الإلكتروني أو كلمة المرور غير صحيحة" })
          .waitFor();
      });
      await step(`${size.name}-english`, async () => {
        await page.getByTestId("language-switch").click();
        await page.getByRole("heading", { level: 1, name: "Sign in to Wasl" }).waitFor();
        expect(await page.evaluate(() => [document.documentElement.lang, document.dir])).toEqual([
          "en",
          "ltr",
        ]);
        await expect(page.title()).resolves.toBe("Sign in to Wasl");
        await page.locator('button[type="submit"]').click();
        await page.getByRole("alert").filter({ hasText: "Wrong e-mail or password" }).waitFor();
        await page.getByTestId("language-switch").click();
        await page.getByRole("heading", { level: 1, name: "تسجيل الدخول إلى وصل" }).waitFor();
      });
      await step(`${size.name}-signed-in`, async () => {
        await page.getByLabel("كلمة المرور").fill("Staff#2026");
        await page.locator('button[type="submit"]').click();
        await page.waitForSelector('[data-testid="live-indicator"]', { timeout: 30_000 });
        await page.waitForURL(/#\/members$/);
        // The panel is in the language the sign-in page was left in.
        expect(await page.evaluate(() => document.documentElement.lang)).toBe("ar");
      });
      await step(`${size.name}-reload-signed-in`, async () => {
        // Signed in, any page opens the panel at once.
        await page.goto(`${app().url}/#/requests`);
        await page.waitForSelector('[data-testid="live-indicator"]', { timeout: 30_000 });
        expect(page.url()).toMatch(/#\/requests$/);
      });
      await step(`${size.name}-sign-out-and-in`, async () => {
        // Signed out inside the panel: the same form, now through react-admin.
        await page.getByRole("button", { name: "الملف الشخصي" }).click();
        await page.getByRole("menuitem", { name: "تسجيل الخروج" }).click();
        await page.getByRole("heading", { level: 1, name: "تسجيل الدخول إلى وصل" }).waitFor();
        await page.getByLabel("البريد الإلكتروني").fill("staff@wasl.demo");
        await page.getByLabel("كلمة المرور").fill("Staff#2026");
        await page.keyboard.press("Enter");
        await page.waitForSelector('[data-testid="live-indicator"]', { timeout: 30_000 });
      });
    },
  );
});
