// The partner call log over the real server: every partner call — answered, refused, throttled,
// a subscription started over graphql-ws — lands in the log (written in batches, off the
// request's path), admins read it through `partnerCalls` filtered by partner, key, result and
// period, nobody else does, staff calls are not in it, and old calls are pruned.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfHeader } from "../../api/yoga.js";
import { type Json, socketClient, startTestApp, type TestApp } from "../helpers/app.js";
import { createPartnerWithKey, createStaffUser, password } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
let admin: Record<string, string>;
let staff: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ env: { WASL_PARTNER_POINTS_PER_HOUR: "20" } });
  await createStaffUser(t.database.prisma, "admin@test.sa", ["ADMIN"]);
  await createStaffUser(t.database.prisma, "staff@test.sa", ["STAFF"]);
  admin = { authorization: `Bearer ${await t.signIn("admin@test.sa", password)}` };
  staff = { authorization: `Bearer ${await t.signIn("staff@test.sa", password)}` };
});

afterAll(() => t?.close());

async function call(headers: Record<string, string>, query: string): Promise<Json> {
  const response = await fetch(`${t.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", [csrfHeader]: "1", ...headers },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

const log = `query ($filter: PartnerCallFilter) {
  partnerCalls(first: 50, filter: $filter) {
    totalCount
    edges { node { id partner partnerName apiKey apiKeyLabel operationName operationType transport cost result errorCode durationMs at } }
  }
}`;

async function calls(filter: Record<string, unknown> = {}, headers = admin): Promise<Json> {
  return t.gql(log, { filter }, { headers });
}

async function partnerWithKey() {
  const { partner, key } = await createPartnerWithKey(t.database.prisma, ["REQUESTS_READ"]);
  const apiKey = await t.database.prisma.apiKey.findFirstOrThrow({
    where: { partnerId: partner.id },
  });
  return { partner, key, apiKey, headers: { "x-api-key": key } };
}

async function subscriptionStarted(key: string): Promise<void> {
  const client = socketClient(t.url, {
    connectionParams: { apiKey: key },
  });
  try {
    // Its start is logged when the server has subscribed it; the log is flushed after.
    await new Promise<void>((resolve, reject) => {
      client.subscribe(
        { query: `subscription Watch { requestChanged { requestId status } }` },
        { next: () => {}, error: reject, complete: resolve },
      );
      const wait = setInterval(async () => {
        await t.app.services.partnerLimits.calls.flush();
        const found = await t.database.prisma.partnerCall.count({
          where: { transport: "WEBSOCKET", operationName: "Watch" },
        });
        if (found) {
          clearInterval(wait);
          resolve();
        }
      }, 50);
    });
  } finally {
    await client.dispose();
  }
}

describe("the partner call log", () => {
  it("logs every partner call with its key, operation, cost, result and duration", async () => {
    // An entry older than the retention (90 days) goes when the log is next written.
    const old = await partnerWithKey();
    await t.database.prisma.partnerCall.create({
      data: {
        apiKeyId: old.apiKey.id,
        partnerId: old.partner.id,
        operationType: "QUERY",
        transport: "HTTP",
        result: "OK",
        durationMs: 1,
        at: new Date(Date.now() - 91 * 86_400_000),
      },
    });
    const bank = await partnerWithKey();
    const before = new Date();
    await call(bank.headers, `query Verify { __typename }`);
    await call(bank.headers, `query NoPage { requests { totalCount } }`);
    // 11 points (refused by the key's scopes: an error, but costed), then 11 more than the 20
    // of the hour: throttled.
    await call(bank.headers, `query Ten { requests(first: 10) { edges { node { id } } } }`);
    await call(bank.headers, `query Ten { requests(first: 10) { edges { node { id } } } }`);
    await subscriptionStarted(bank.key);
    // Staff calls are not partner calls.
    await call(staff, `query Staff { requests(first: 5) { totalCount } }`);
    await t.app.services.partnerLimits.calls.flush();

    const answer = await calls({ partner: gid("Partner", bank.partner.id) });
    expect(answer.errors).toBeUndefined();
    const entries = answer.data.partnerCalls.edges.map((e: Json) => e.node);
    expect(answer.data.partnerCalls.totalCount).toBe(5);
    // Newest first.
    expect(
      entries.map((e: Json) => [
        e.operationName,
        e.operationType,
        e.transport,
        e.result,
        e.errorCode,
        e.cost,
      ]),
    ).toEqual([
      ["Watch", "SUBSCRIPTION", "WEBSOCKET", "OK", null, 1],
      ["Ten", "QUERY", "HTTP", "THROTTLED", "THROTTLED", 11],
      ["Ten", "QUERY", "HTTP", "ERROR", "FORBIDDEN", 11],
      ["NoPage", "QUERY", "HTTP", "ERROR", "PAGE_SIZE_REQUIRED", null],
      ["Verify", "QUERY", "HTTP", "OK", null, 1],
    ]);
    for (const entry of entries) {
      expect(entry.partner).toBe(gid("Partner", bank.partner.id));
      expect(entry.apiKey).toBe(gid("ApiKey", bank.apiKey.id));
      expect(entry.partnerName).toBe("جهة شريكة");
      expect(entry.apiKeyLabel).toBe(`test (wasl_${bank.apiKey.prefix})`);
      expect(entry.durationMs).toBeGreaterThanOrEqual(0);
      expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(before.getTime() - 1000);
    }
    expect(
      await t.database.prisma.partnerCall.count({ where: { partnerId: old.partner.id } }),
    ).toBe(0);
  });

  it("filters by key, result and period", async () => {
    const a = await partnerWithKey();
    const b = await partnerWithKey();
    await call(a.headers, `query A { requests(first: 1) { totalCount } }`);
    await call(b.headers, `query B { requests { totalCount } }`);
    await t.app.services.partnerLimits.calls.flush();

    const byKey = await calls({ apiKey: gid("ApiKey", b.apiKey.id) });
    expect(byKey.data.partnerCalls.edges.map((e: Json) => e.node.operationName)).toEqual(["B"]);
    const errors = await calls({ apiKey: gid("ApiKey", b.apiKey.id), result: "ERROR" });
    expect(errors.data.partnerCalls.totalCount).toBe(1);
    const ok = await calls({ apiKey: gid("ApiKey", b.apiKey.id), result: "OK" });
    expect(ok.data.partnerCalls.totalCount).toBe(0);
    const past = await calls({
      partner: gid("Partner", a.partner.id),
      to: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.data.partnerCalls.totalCount).toBe(0);
    const recent = await calls({
      partner: gid("Partner", a.partner.id),
      from: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(recent.data.partnerCalls.totalCount).toBe(1);
    // A global ID of another kind matches nothing.
    const wrongKind = await calls({ partner: gid("ApiKey", a.apiKey.id) });
    expect(wrongKind.data.partnerCalls.totalCount).toBe(0);
  });

  it("logs a call refused before it ran (syntax, schema validation) once, with its code", async () => {
    const p = await partnerWithKey();
    await call(p.headers, `query Unknown { noSuchField }`);
    await call(p.headers, `mutation Broken {`);
    await call(p.headers, `query Fine { __typename }`);
    await t.app.services.partnerLimits.calls.flush();
    const answer = await calls({ apiKey: gid("ApiKey", p.apiKey.id) });
    expect(
      answer.data.partnerCalls.edges.map((e: Json) => [
        e.node.operationName,
        e.node.operationType,
        e.node.result,
        e.node.errorCode,
        e.node.cost,
      ]),
    ).toEqual([
      ["Fine", "QUERY", "OK", null, 1],
      [null, "QUERY", "ERROR", "GRAPHQL_PARSE_FAILED", null],
      ["Unknown", "QUERY", "ERROR", "GRAPHQL_VALIDATION_FAILED", null],
    ]);
  });

  it("logs a socket operation that does not parse or validate, with its code", async () => {
    const p = await partnerWithKey();
    const client = socketClient(t.url, {
      connectionParams: { apiKey: p.key },
    });
    const refused = (query: string) =>
      new Promise<unknown>((resolve) => {
        client.subscribe(
          { query },
          { next: () => {}, error: resolve, complete: () => resolve(null) },
        );
      });
    try {
      expect(await refused(`subscription Unknown { noSuchField }`)).toBeTruthy();
      expect(await refused(`subscription Broken {`)).toBeTruthy();
    } finally {
      await client.dispose();
    }
    let logged: Json[] = [];
    for (let i = 0; i < 40 && logged.length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await t.app.services.partnerLimits.calls.flush();
      logged = (await calls({ apiKey: gid("ApiKey", p.apiKey.id) })).data.partnerCalls.edges;
    }
    expect(
      logged.map((e: Json) => [
        e.node.operationName,
        e.node.operationType,
        e.node.transport,
        e.node.result,
        e.node.errorCode,
        e.node.cost,
      ]),
    ).toEqual([
      [null, "SUBSCRIPTION", "WEBSOCKET", "ERROR", "GRAPHQL_PARSE_FAILED", null],
      ["Unknown", "SUBSCRIPTION", "WEBSOCKET", "ERROR", "GRAPHQL_VALIDATION_FAILED", null],
    ]);
  });

  it("is for admins only", async () => {
    const refused = await calls({}, staff);
    expect(refused.data.partnerCalls).toBeNull();
    expect(refused.errors[0].extensions.code).toBe("FORBIDDEN");
    const anonymous: Json = await t.gql(log, {});
    expect(anonymous.data.partnerCalls).toBeNull();
  });
});
