// The schema's conventions as an integrator meets them at run time: every connection refuses
// a page without a size, or out of 1–100, with a typed error naming the argument; a refused
// root field nulls itself, not the whole answer; money has two decimals.
import { getNamedType, isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../../api/graphql/schema.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord, createPartnerWithKey } from "../helpers/fixtures.js";

let t: TestApp;
let admin: string;
let partnerKey: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await signInStaff(t, "admin@test.sa", ["ADMIN"])).token;
  partnerKey = (await createPartnerWithKey(t.database.prisma, ["REQUESTS_READ"])).key;
});

/** Who may call a root connection: a partner its own requests, an administrator the rest. */
const callerOf = (field: string) =>
  field === "partnerRequests" ? { headers: { "x-api-key": partnerKey } } : { token: admin };
/**
 * A partner's query is refused before it runs (its cost needs the page sizes: partners'
 * limits, docs/partners.md) with a code of its own; everyone else's at the field.
 */
const pageSizeCode = (field: string) =>
  field === "partnerRequests" ? "PAGE_SIZE_REQUIRED" : "VALIDATION_FAILED";

afterAll(() => t?.close());

/** Every root query field that is a connection, with its required arguments, if any. */
const rootConnections = Object.values(schema.getQueryType()!.getFields()).filter((field) => {
  const type = getNamedType(field.type);
  return isObjectType(type) && type.name.endsWith("Connection");
});

describe("every connection checks its page size", () => {
  it("finds the connections to check", () => {
    expect(rootConnections.map((f) => f.name)).toEqual(
      expect.arrayContaining(["members", "requests", "users", "auditEntries", "articles"]),
    );
  });

  for (const field of rootConnections) {
    it(`${field.name}: first or last required, 1 to 100`, async () => {
      for (const [args, path] of [
        ["", "first"],
        ["(first: 0)", "first"],
        ["(first: 101)", "first"],
        ["(last: 0)", "last"],
      ] as const) {
        const result = await t.gql<Json>(
          `{ ${field.name}${args} { totalCount } }`,
          {},
          { ...callerOf(field.name), language: "en" },
        );
        // A nullable connection is null beside the others; a non-null one (public) nulls data.
        expect(result.data?.[field.name] ?? null, `${field.name}${args}`).toBeNull();
        const error = result.errors?.[0];
        expect(error?.extensions?.code, `${field.name}${args}`).toBe(pageSizeCode(field.name));
        expect(error?.message, `${field.name}${args}`).toMatch(/first|last|records/);
        if (pageSizeCode(field.name) === "VALIDATION_FAILED")
          expect(JSON.stringify(error?.extensions), `${field.name}${args}`).toContain(path);
      }
      const page = await t.gql<Json>(
        `{ ${field.name}(first: 100) { totalCount } }`,
        {},
        callerOf(field.name),
      );
      expect(page.errors, field.name).toBeUndefined();
    });
  }

  it("a related connection too (a member's requests)", async () => {
    await createMemberRecord(t.database.prisma, { fullNameAr: "سارة محمد القحطاني" });
    const result = await t.gql<Json>(
      `{ members(first: 1) { edges { node { fullNameAr requests(first: 500) { totalCount } } } } }`,
      {},
      { token: admin },
    );
    // The member's requests are read with the page (plugin-prisma), so the refusal is the page's.
    expect(result.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");
    expect((result.errors as Json)?.[0]?.extensions?.fieldErrors?.[0]?.path).toEqual(["first"]);
  });
});

describe("nullable gated root fields", () => {
  it("a refused field is null with its error; the fields beside it still answer", async () => {
    const result = await t.gql<Json>(
      `{ articles(first: 1) { totalCount } members(first: 1) { totalCount } }`,
    );
    expect(result.data?.members).toBeNull();
    expect(result.data?.articles.totalCount).toBeGreaterThanOrEqual(0);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("money", () => {
  it("is written with two decimals", async () => {
    const member = await createMemberRecord(t.database.prisma, {
      fullNameAr: "نورة علي الشهري",
      monthlyIncome: "4500",
    });
    const result = await t.gql<Json>(
      `mutation($input: RevealMemberPersonalDataInput!) { revealMemberPersonalData(input: $input) {
        __typename ... on RevealMemberPersonalDataSuccess { personalData { monthlyIncome } } } }`,
      { input: { id: Buffer.from(`Member:${member.id}`).toString("base64") } },
      { token: admin },
    );
    expect(result.data?.revealMemberPersonalData.personalData.monthlyIncome).toBe("4500.00");
  });
});
