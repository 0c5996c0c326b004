// With REDIS_URL, the keys' hourly budgets are shared by every API instance: points spent
// through one instance are gone on the other, and a key throttled on one is throttled on
// both. Runs when TEST_REDIS_URL names a Redis server (.ci/run starts one).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../api/logger.js";
import { createWaslPubSub } from "../../api/pubsub.js";
import { type App, buildApp } from "../../api/server.js";
import { csrfHeader } from "../../api/yoga.js";
import { type Json, startTestApp, type TestApp, testConfig } from "../helpers/app.js";
import { createPartnerWithKey } from "../helpers/fixtures.js";

const redisUrl = process.env.TEST_REDIS_URL;

describe.runIf(!!redisUrl)("partner budgets shared through Redis", () => {
  // A database of its own per run: two runs on one Redis server never share a key's window.
  const env = { REDIS_URL: redisUrl ?? "", WASL_PARTNER_POINTS_PER_HOUR: "50" };
  let a: TestApp;
  let b: App;
  let bUrl: string;

  beforeAll(async () => {
    // Live events stay in this process (one bus for both): only the budgets go through Redis.
    const { pubsub } = await createWaslPubSub(undefined);
    a = await startTestApp({ env, pubsub });
    // A second instance on the same database and Redis.
    b = await buildApp(testConfig(env), {
      database: a.database,
      log: createLogger("silent"),
      pubsub,
    });
    bUrl = await b.start();
  });

  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  async function call(url: string, key: string): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", [csrfHeader]: "1", "x-api-key": key },
      body: JSON.stringify({ query: `{ requests(first: 10) { edges { node { id } } } }` }),
    });
    return { status: response.status, body: await response.json() };
  }

  it("charges one window whichever instance a call reaches", async () => {
    const { key } = await createPartnerWithKey(a.database.prisma, ["REQUESTS_READ"], randomUUID());
    expect((await call(a.url, key)).body.extensions.cost).toMatchObject({ remaining: 39 });
    const second = await call(bUrl, key);
    expect(second.body.extensions.cost).toMatchObject({ requested: 11, remaining: 28, limit: 50 });
    const resetAt = Date.parse(second.body.extensions.cost.resetAt);
    expect(resetAt).toBeGreaterThan(Date.now() + 3_590_000);
    await call(a.url, key);
    await call(bUrl, key);
    const refusedOnB = await call(bUrl, key);
    expect(refusedOnB.status).toBe(429);
    expect(refusedOnB.body.errors[0].extensions.code).toBe("THROTTLED");
    const refusedOnA = await call(a.url, key);
    expect(refusedOnA.status).toBe(429);
    expect(refusedOnA.body.extensions.cost.remaining).toBe(6);
  });
});
