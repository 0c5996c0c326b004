// Registered (persisted) operations for partners, over real HTTP: a registered hash stands for
// its text (Apollo's `extensions.persistedQuery.sha256Hash`), an unknown hash or one that does
// not match the text sent is refused with its own code, and a key set to "persisted only"
// runs registered operations only — by hash or by their exact text — while other keys and
// staff still send any text. A file whose hash is wrong stops the server at start.
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PersistedOperations } from "../../api/modules/partners/persisted.js";
import { csrfHeader } from "../../api/yoga.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { createPartnerWithKey, createStaffUser, password } from "../helpers/fixtures.js";

const registered = "query Health { __typename }";
const hashOf = (text: string) => createHash("sha256").update(text).digest("hex");
const file = join(mkdtempSync(join(tmpdir(), "wasl-persisted-")), "operations.json");
writeFileSync(file, JSON.stringify({ [hashOf(registered)]: registered }));

let t: TestApp;
let staff: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ env: { WASL_PARTNER_PERSISTED_OPERATIONS: file } });
  await createStaffUser(t.database.prisma, "admin@test.sa", ["ADMIN"]);
  staff = { authorization: `Bearer ${await t.signIn("admin@test.sa", password)}` };
});

afterAll(() => t?.close());

async function call(
  headers: Record<string, string>,
  body: { query?: string; extensions?: Record<string, unknown> },
  language?: string,
): Promise<Json> {
  const response = await fetch(`${t.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      [csrfHeader]: "1",
      ...(language ? { "accept-language": language } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return response.json();
}

const byHash = (hash: string) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
});
const codes = (body: Json): string[] => (body.errors ?? []).map((e: Json) => e.extensions?.code);

async function partner(persistedOnly: boolean) {
  const { partner: row, key } = await createPartnerWithKey(t.database.prisma, ["REQUESTS_READ"]);
  const apiKey = await t.database.prisma.apiKey.findFirstOrThrow({ where: { partnerId: row.id } });
  if (persistedOnly)
    await t.database.prisma.partnerKeyLimit.create({
      data: { apiKeyId: apiKey.id, persistedOnly: true },
    });
  return { headers: { "x-api-key": key }, apiKeyId: apiKey.id };
}

describe("registered operations", () => {
  it("runs a registered operation from its hash alone", async () => {
    const answer = await call((await partner(false)).headers, byHash(hashOf(registered)));
    expect(answer.data).toEqual({ __typename: "Query" });
    expect(answer.extensions.cost.requested).toBe(1);
  });

  it("refuses an unknown hash, and a hash that is not the text's, in Arabic and English", async () => {
    const { apiKeyId, headers } = await partner(false);
    const unknown = await call(headers, byHash(hashOf("{ me { email } }")));
    expect(codes(unknown)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
    expect(unknown.errors[0].message).toMatch(/غير معروفة/);
    const english = await call(headers, byHash(hashOf("{ me { email } }")), "en");
    expect(english.errors[0].message).toMatch(/^No registered operation has this sha256 hash/);
    const mismatch = await call(headers, {
      query: "{ __typename }",
      ...byHash(hashOf(registered)),
    });
    expect(codes(mismatch)).toEqual(["PERSISTED_QUERY_HASH_MISMATCH"]);
    // Each refusal is in the call log.
    await t.app.services.partnerLimits.calls.flush();
    const logged = await t.database.prisma.partnerCall.findMany({
      where: { apiKeyId },
      orderBy: { at: "asc" },
    });
    expect(logged.map((c) => [c.result, c.errorCode, c.cost])).toEqual([
      ["ERROR", "PERSISTED_QUERY_NOT_FOUND", null],
      ["ERROR", "PERSISTED_QUERY_NOT_FOUND", null],
      ["ERROR", "PERSISTED_QUERY_HASH_MISMATCH", null],
    ]);
  });

  it("holds a persisted-only key to registered operations, by hash or exact text", async () => {
    const { headers } = await partner(true);
    const free = await call(headers, { query: "{ __typename }" });
    expect(codes(free)).toEqual(["PERSISTED_QUERY_REQUIRED"]);
    expect(free.data).toBeUndefined();
    expect(free.errors[0].message).toMatch(/العمليات المسجلة/);
    expect((await call(headers, byHash(hashOf(registered)))).data).toEqual({ __typename: "Query" });
    expect((await call(headers, { query: registered })).data).toEqual({ __typename: "Query" });
    // Other keys and staff are not held to it.
    expect(
      (await call((await partner(false)).headers, { query: "{ __typename }" })).data,
    ).toBeDefined();
    expect((await call(staff, { query: "{ __typename }" })).data).toBeDefined();
  });

  it("refuses a file whose hash is not its text's", () => {
    expect(() => new PersistedOperations(new Map([[hashOf("{ a }"), "{ b }"]]))).toThrow(
      /not the sha256 of its text/,
    );
  });
});
