// The limits that protect the service from partner callers, through the real server over
// real HTTP: the cost of each call and the key's hourly budget in `extensions.cost`, 429 with
// Retry-After and the reset time, the budget whole again after the window (the budget's clock
// moved, no sleeping), the node limit, page sizes required of partners, graphql-armor's
// stricter partner settings — and staff callers untouched by all of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfHeader } from "../../api/yoga.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { createPartnerWithKey, createStaffUser, password } from "../helpers/fixtures.js";

let t: TestApp;
let staffToken: string;

beforeAll(async () => {
  t = await startTestApp({ env: { WASL_PARTNER_POINTS_PER_HOUR: "50" } });
  await createStaffUser(t.database.prisma, "admin@test.sa", ["ADMIN"]);
  staffToken = await t.signIn("admin@test.sa", password);
});

afterAll(() => t?.close());

type Call = { status: number; headers: Headers; body: Json };

async function call(
  headers: Record<string, string>,
  query: string,
  options: { variables?: Record<string, unknown>; language?: string } = {},
): Promise<Call> {
  const response = await fetch(`${t.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      [csrfHeader]: "1",
      ...(options.language ? { "accept-language": options.language } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function newPartner(): Promise<{ headers: Record<string, string>; apiKeyId: string }> {
  const { partner, key } = await createPartnerWithKey(t.database.prisma, ["REQUESTS_READ"]);
  const row = await t.database.prisma.apiKey.findFirstOrThrow({ where: { partnerId: partner.id } });
  return { headers: { "x-api-key": key }, apiKeyId: row.id };
}

const staff = () => ({ authorization: `Bearer ${staffToken}` });
const codes = (body: Json): string[] => (body.errors ?? []).map((e: Json) => e.extensions?.code);

// 1 for the page, 1 per potential request node: 11 points.
const tenRequests = `query TenRequests { requests(first: 10) { totalCount edges { node { id status } } } }`;

describe("the cost of a partner call and the key's hourly budget", () => {
  it("charges each call its cost and reports it with what remains and when it resets", async () => {
    const partner = await newPartner();
    const first = await call(partner.headers, tenRequests);
    expect(first.status).toBe(200);
    const cost = first.body.extensions.cost;
    expect(cost).toMatchObject({ requested: 11, remaining: 39, limit: 50 });
    const resetAt = Date.parse(cost.resetAt);
    expect(resetAt).toBeGreaterThan(Date.now() + 3_590_000);
    expect(resetAt).toBeLessThanOrEqual(Date.now() + 3_600_000);

    const second = await call(partner.headers, tenRequests);
    expect(second.body.extensions.cost).toEqual({ ...cost, remaining: 28 });
    // A call without any connection costs the minimum, 1.
    const typename = await call(partner.headers, `{ __typename }`);
    expect(typename.body.extensions.cost).toEqual({ ...cost, requested: 1, remaining: 27 });
    // Nested connections multiply: 1 + 2 requests × (1 + their page of 3 communications) + 6.
    const nested = await call(
      partner.headers,
      `{ requests(first: 2) { edges { node { communications(first: 3) { edges { node { id } } } } } } }`,
    );
    expect(nested.body.extensions.cost).toMatchObject({ requested: 11, remaining: 16 });
  });

  it("refuses a call the budget cannot pay with 429, Retry-After and the reset time, in Arabic and English", async () => {
    const partner = await newPartner();
    for (const remaining of [39, 28, 17, 6]) {
      const paid = await call(partner.headers, tenRequests);
      expect(paid.body.extensions.cost.remaining).toBe(remaining);
    }
    const refused = await call(partner.headers, tenRequests);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.body.data).toBeUndefined();
    const [error] = refused.body.errors;
    expect(error.extensions.code).toBe("THROTTLED");
    expect(error.extensions.http).toBeUndefined();
    expect(error.extensions.resetAt).toBe(refused.body.extensions.cost.resetAt);
    expect(refused.body.extensions.cost).toMatchObject({ requested: 11, remaining: 6, limit: 50 });
    expect(error.message).toMatch(/استُنفد رصيد هذا المفتاح/);
    expect(error.message).toMatch(/50/);

    const english = await call(partner.headers, tenRequests, { language: "en" });
    expect(english.status).toBe(429);
    expect(english.body.errors[0].message).toMatch(/spent its budget.*50 points.*whole again at/);
    // What the remaining points can pay still runs.
    const small = await call(partner.headers, `{ requests(first: 5) { totalCount } }`);
    expect(small.status).toBe(200);
    expect(small.body.extensions.cost).toMatchObject({ requested: 1, remaining: 5 });
  });

  it("is whole again once the hour has passed", async () => {
    const partner = await newPartner();
    const budgets = t.app.services.partnerLimits.budgets;
    const start = Date.now();
    budgets.now = () => start;
    try {
      for (let i = 0; i < 4; i++) await call(partner.headers, tenRequests);
      expect((await call(partner.headers, tenRequests)).status).toBe(429);
      budgets.now = () => start + 3_599_999;
      expect((await call(partner.headers, tenRequests)).status).toBe(429);
      budgets.now = () => start + 3_600_000;
      const renewed = await call(partner.headers, tenRequests);
      expect(renewed.status).toBe(200);
      expect(renewed.body.extensions.cost).toEqual({
        requested: 11,
        remaining: 39,
        limit: 50,
        resetAt: new Date(start + 2 * 3_600_000).toISOString(),
      });
    } finally {
      budgets.now = Date.now;
    }
  });

  it("takes a key's own budget when it has one, and keeps keys apart", async () => {
    const generous = await newPartner();
    await t.database.prisma.partnerKeyLimit.create({
      data: { apiKeyId: generous.apiKeyId, pointsPerHour: 1000 },
    });
    const other = await newPartner();
    const a = await call(generous.headers, tenRequests);
    expect(a.body.extensions.cost).toMatchObject({ requested: 11, remaining: 989, limit: 1000 });
    const b = await call(other.headers, tenRequests);
    expect(b.body.extensions.cost).toMatchObject({ remaining: 39, limit: 50 });
  });

  it("charges a mutation's root field 10 more than a read", async () => {
    const partner = await newPartner();
    const answer = await call(partner.headers, `mutation { __typename }`);
    // A mutation's root field costs 10 more than a read.
    expect(answer.body.extensions.cost.requested).toBe(10);
  });
});

describe("the shape of a partner's query", () => {
  it("requires first or last from 1 to 100 on every connection, naming it", async () => {
    const partner = await newPartner();
    const missing = await call(partner.headers, `{ requests { totalCount } }`);
    expect(codes(missing.body)).toEqual(["PAGE_SIZE_REQUIRED"]);
    expect(missing.body.errors[0].message).toMatch(/«requests».*first أو last.*100/);
    expect(missing.body.extensions).toBeUndefined();
    const nested = await call(
      partner.headers,
      `{ requests(first: 1) { edges { node { communications { totalCount } } } } }`,
      { language: "en" },
    );
    expect(codes(nested.body)).toEqual(["PAGE_SIZE_REQUIRED"]);
    expect(nested.body.errors[0].message).toBe(
      "“communications” is a paged list: give first or last, from 1 to 100.",
    );
    for (const size of [0, 101]) {
      const wrong = await call(partner.headers, `{ requests(first: ${size}) { totalCount } }`);
      expect(codes(wrong.body)).toEqual(["PAGE_SIZE_REQUIRED"]);
    }
    // A variable's value counts, and so does its default.
    const byVariable = `query ($n: Int = 3) { requests(last: $n) { totalCount } }`;
    expect((await call(partner.headers, byVariable)).body.extensions.cost.requested).toBe(1);
    const tooMany = await call(partner.headers, byVariable, { variables: { n: 500 } });
    expect(codes(tooMany.body)).toEqual(["PAGE_SIZE_REQUIRED"]);
  });

  it("refuses more than 10,000 potential nodes, saying how many", async () => {
    const partner = await newPartner();
    const query = (n: number) =>
      `{ requests(first: 100) { edges { node { communications(first: ${n}) { totalCount } } } } }`;
    // 100 + 100 × 100 = 10,100 potential nodes.
    const refused = await call(partner.headers, query(100), { language: "en" });
    expect(codes(refused.body)).toEqual(["TOO_MANY_NODES"]);
    expect(refused.body.errors[0].message).toMatch(/could return 10100 nodes.*at most 10000/);
    // 100 + 100 × 99 = 10,000: allowed, and charged 1 + 100 requests + their 100 pages of
    // communications, over this key's budget.
    const allowed = await call(partner.headers, query(99));
    expect(codes(allowed.body)).toEqual(["THROTTLED"]);
    expect(allowed.body.extensions.cost.requested).toBe(201);
  });

  const stricter: { code: string; query: string }[] = [
    {
      code: "QUERY_TOO_DEEP",
      query: `{ requests(first: 1) { edges { node { member { requests(first: 1) { edges { node { member { id } } } } } } } } }`,
    },
    {
      code: "TOO_MANY_ALIASES",
      query: `{ ${Array.from({ length: 8 }, (_, i) => `a${i}: requests(first: 1) { totalCount }`).join(" ")} }`,
    },
    // 6 tokens a fragment: 1,203 tokens.
    {
      code: "TOO_MANY_TOKENS",
      query: `{ __typename ${"... on Query { __typename } ".repeat(200)} }`,
    },
    { code: "TOO_MANY_DIRECTIVES", query: `{ ${"__typename @skip(if: false) ".repeat(8)} }` },
  ];
  for (const limit of stricter) {
    it(`refuses for a partner (${limit.code}) what it lets staff ask`, async () => {
      const partner = await newPartner();
      const refused = await call(partner.headers, limit.query);
      expect(codes(refused.body)).toEqual([limit.code]);
      expect(refused.body.errors[0].message).not.toMatch(/\d/);
      const english = await call(partner.headers, limit.query, { language: "en" });
      expect(english.body.errors[0].message).toMatch(/^The query/);
      const forStaff = await call(staff(), limit.query);
      expect(codes(forStaff.body).filter(Boolean), JSON.stringify(forStaff.body)).toEqual([]);
      expect(forStaff.body.data).toBeDefined();
    });
  }
});

describe("staff callers", () => {
  it("are neither costed, budgeted, nor held to the partners' page-size rule", async () => {
    // More than the 50 points a partner key has, many times over.
    for (let i = 0; i < 8; i++) {
      const answer = await call(staff(), tenRequests);
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.extensions).toBeUndefined();
    }
    const noPage = await call(staff(), `{ __typename }`);
    expect(noPage.body).toEqual({ data: { __typename: "Query" } });
    const huge = await call(
      staff(),
      `{ requests(first: 100) { edges { node { communications(first: 100) { totalCount } } } } }`,
    );
    expect(codes(huge.body)).not.toContain("TOO_MANY_NODES");
    expect(huge.body.data.requests.edges).toEqual([]);
  });
});
