// Each query limit (graphql-armor) answers its own stable code and a message in the caller's
// language, without telling the limit; no error suggests names of the hidden schema.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfHeader } from "../../api/yoga.js";
import { type Json, socketClient, startTestApp, type TestApp } from "../helpers/app.js";
import { createStaffUser, password } from "../helpers/fixtures.js";

let t: TestApp;
let production: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await createStaffUser(t.database.prisma, "staff@test.sa", ["STAFF"]);
  production = await startTestApp({ env: { NODE_ENV: "production" } });
});

afterAll(async () => {
  await t?.close();
  await production?.close();
});

async function post(
  app: TestApp,
  query: string,
  options: { language?: string; variables?: Record<string, unknown> } = {},
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      // GraphQL over HTTP: with this media type a refused query is a 400 (200 with plain JSON).
      accept: "application/graphql-response+json",
      [csrfHeader]: "1",
      ...(options.language ? { "accept-language": options.language } : {}),
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: response.status, body: await response.json() };
}

/** members → requests → member → requests … : `levels` connections deep. */
function nested(levels: number, leaf = "id"): string {
  let selection = leaf;
  for (let i = 0; i < levels; i++)
    selection = `requests(first: 1) { edges { node { member { ${selection} } } } }`;
  return `{ members(first: 1) { edges { node { ${selection} } } } }`;
}

const limits: {
  code: string;
  query: string;
  ar: RegExp;
  en: RegExp;
}[] = [
  { code: "QUERY_TOO_DEEP", query: nested(4), ar: /متداخل/, en: /nested too deeply/ },
  {
    code: "TOO_MANY_ALIASES",
    query: `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: me { email }`).join(" ")} }`,
    ar: /أسماء بديلة/,
    en: /too many aliases/,
  },
  {
    code: "QUERY_TOO_COSTLY",
    query: `{ members(first: 100) { edges { node { requests(first: 100) { edges { node { id status createdAt member { id fullNameAr } } } } } } } }`,
    ar: /بيانات أكثر/,
    en: /more data/,
  },
  {
    code: "TOO_MANY_TOKENS",
    query: `{ ${"__typename ".repeat(3100)} }`,
    ar: /أطول من المسموح/,
    en: /too long/,
  },
  {
    code: "TOO_MANY_DIRECTIVES",
    query: `{ ${"__typename @skip(if: false) ".repeat(30)} }`,
    ar: /توجيهات/,
    en: /too many directives/,
  },
];

describe("query limits", () => {
  it("lets an ordinary panel query through", async () => {
    const token = await t.signIn("staff@test.sa", password);
    const response = await fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [csrfHeader]: "1",
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query: nested(1) }),
    });
    expect(await response.json()).toEqual({ data: { members: { edges: [] } } });
  });

  for (const limit of limits) {
    it(`answers ${limit.code} with an Arabic message by default and English on request`, async () => {
      const arabic = await post(t, limit.query);
      expect(arabic.body.data).toBeUndefined();
      const error = arabic.body.errors.find((e: Json) => e.extensions?.code === limit.code);
      expect(error, JSON.stringify(arabic.body)).toBeDefined();
      expect(error.message).toMatch(limit.ar);
      expect(error.message).not.toMatch(/Syntax Error|validation error/i);
      // The limit itself is not told (it would help to tune an attack).
      expect(JSON.stringify(arabic.body)).not.toMatch(/\b(12|20|25|3000|150000|150,000)\b/);
      expect(arabic.status).toBe(400);

      const english = await post(t, limit.query, { language: "en-GB,en;q=0.9" });
      const englishError = english.body.errors.find((e: Json) => e.extensions?.code === limit.code);
      expect(englishError.message).toMatch(limit.en);
    });
  }

  it("answers the same code over WebSocket, in the socket's language", async () => {
    const client = socketClient(t.url, {
      connectionParams: { language: "en" },
    });
    try {
      const outcome = await new Promise<Json>((resolve) => {
        client.subscribe(
          { query: limits[0]!.query },
          { next: resolve, error: (errors) => resolve({ errors }), complete: () => {} },
        );
      });
      expect(outcome.errors[0].extensions.code).toBe("QUERY_TOO_DEEP");
      expect(outcome.errors[0].message).toMatch(/nested too deeply/);
    } finally {
      await client.dispose();
    }
  });
});

describe("a query that cannot be parsed, over WebSocket", () => {
  it("answers its error and keeps the socket and its other operations open", async () => {
    let closed: number | undefined;
    const client = socketClient(t.url, {
      connectionParams: { language: "en" },
      on: { closed: (event) => (closed = (event as { code: number }).code) },
    });
    const run = (query: string) =>
      new Promise<Json>((resolve) => {
        client.subscribe(
          { query },
          { next: resolve, error: (errors) => resolve({ errors }), complete: () => {} },
        );
      });
    try {
      const syntax = await run("{ me { ");
      expect(syntax.errors[0].message).toMatch(/Syntax Error/);
      const tooLong = await run(limits.find((l) => l.code === "TOO_MANY_TOKENS")!.query);
      expect(tooLong.errors[0].extensions.code).toBe("TOO_MANY_TOKENS");
      expect(tooLong.errors[0].message).toMatch(/too long/);
      // The same socket still answers.
      expect(await run("{ __typename }")).toEqual({ data: { __typename: "Query" } });
      expect(closed).toBeUndefined();
    } finally {
      await client.dispose();
    }
  });
});

describe("no suggestions in production", () => {
  const cases: { what: string; query: string; variables?: Record<string, unknown> }[] = [
    { what: "field", query: "{ membr }" },
    { what: "argument", query: "{ members(frist: 5) { totalCount } }" },
    {
      what: "enum value",
      query: "{ members(first: 5, filter: { status: ACTIV }) { totalCount } }",
    },
    {
      what: "input field",
      query: "{ members(first: 5, filter: { statsu: ACTIVE }) { totalCount } }",
    },
    { what: "type", query: '{ node(id: "x") { ... on Membr { id } } }' },
    {
      what: "enum value in a variable",
      query:
        "query($s: MembershipStatus) { members(first: 5, filter: { status: $s }) { totalCount } }",
      variables: { s: "ACTIV" },
    },
    {
      what: "input field in a variable",
      query: "query($f: MemberFilter) { members(first: 5, filter: $f) { totalCount } }",
      variables: { f: { statsu: "ACTIVE" } },
    },
  ];
  for (const { what, query, variables } of cases) {
    it(`suggests no ${what}`, async () => {
      const { body } = await post(production, query, { variables });
      expect(body.errors?.length, JSON.stringify(body)).toBeGreaterThan(0);
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/Did you mean/i);
      expect(text).not.toMatch(/"(members|first|ACTIVE|status|Member)"\?/);
    });
  }
});
