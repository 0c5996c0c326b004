// An admin sets a key's own limits through `setPartnerKeyLimit`: its budget shows in the
// key's next answer, "registered operations only" applies at once, a change is audited, the
// input is checked field by field, and no one else may set them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfHeader } from "../../api/yoga.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { createPartnerWithKey, createStaffUser, password } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
let admin: Record<string, string>;
let staff: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ env: { WASL_PARTNER_POINTS_PER_HOUR: "50" } });
  await createStaffUser(t.database.prisma, "admin@test.sa", ["ADMIN"]);
  await createStaffUser(t.database.prisma, "staff@test.sa", ["STAFF"]);
  admin = { authorization: `Bearer ${await t.signIn("admin@test.sa", password)}` };
  staff = { authorization: `Bearer ${await t.signIn("staff@test.sa", password)}` };
});

afterAll(() => t?.close());

const mutation = `mutation ($input: SetPartnerKeyLimitInput!) {
  setPartnerKeyLimit(input: $input) {
    __typename
    ... on SetPartnerKeyLimitSuccess { limit { apiKey pointsPerHour persistedOnly } }
    ... on ValidationError { code fieldErrors { path message } }
    ... on NotFoundError { code }
  }
}`;

async function partnerCall(key: string, query: string): Promise<Json> {
  const response = await fetch(`${t.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", [csrfHeader]: "1", "x-api-key": key },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

async function newKey() {
  const { partner, key } = await createPartnerWithKey(t.database.prisma, ["REQUESTS_READ"]);
  const row = await t.database.prisma.apiKey.findFirstOrThrow({ where: { partnerId: partner.id } });
  return { key, id: row.id, global: gid("ApiKey", row.id) };
}

describe("setPartnerKeyLimit", () => {
  it("gives a key its own budget and holds it to registered operations, at once", async () => {
    const key = await newKey();
    expect((await partnerCall(key.key, "{ __typename }")).extensions.cost.limit).toBe(50);
    const set: Json = await t.gql(
      mutation,
      { input: { apiKey: key.global, pointsPerHour: 20000, persistedOnly: false } },
      { headers: admin },
    );
    expect(set.data.setPartnerKeyLimit).toEqual({
      __typename: "SetPartnerKeyLimitSuccess",
      limit: { apiKey: key.global, pointsPerHour: 20000, persistedOnly: false },
    });
    expect((await partnerCall(key.key, "{ __typename }")).extensions.cost.limit).toBe(20000);

    await t.gql(
      mutation,
      { input: { apiKey: key.global, persistedOnly: true } },
      { headers: admin },
    );
    const refused = await partnerCall(key.key, "{ __typename }");
    expect(refused.errors[0].extensions.code).toBe("PERSISTED_QUERY_REQUIRED");
    const entries = await t.database.prisma.auditEntry.findMany({
      where: { entityType: "PartnerKeyLimit", entityId: key.id },
      orderBy: { at: "asc" },
    });
    expect(entries.map((e) => [e.action, e.changes])).toEqual([
      ["CREATE", { pointsPerHour: { before: null, after: 20000 } }],
      [
        "UPDATE",
        {
          pointsPerHour: { before: 20000, after: null },
          persistedOnly: { before: false, after: true },
        },
      ],
    ]);
  });

  it("names the field that is wrong, and refuses a key that does not exist", async () => {
    const key = await newKey();
    const tooMany: Json = await t.gql(
      mutation,
      { input: { apiKey: key.global, pointsPerHour: 0, persistedOnly: false } },
      { headers: admin },
    );
    expect(tooMany.data.setPartnerKeyLimit.fieldErrors).toEqual([
      {
        path: ["input", "pointsPerHour"],
        message: "قيمة «النقاط في الساعة» خارج النطاق المسموح (1 – 10000000).",
      },
    ]);
    const notAKey: Json = await t.gql(
      mutation,
      { input: { apiKey: gid("Partner", key.id), persistedOnly: false } },
      { headers: admin },
    );
    expect(notAKey.data.setPartnerKeyLimit.fieldErrors[0].path).toEqual(["input", "apiKey"]);
    const missing: Json = await t.gql(
      mutation,
      {
        input: {
          apiKey: gid("ApiKey", "0190f0e0-0000-7000-8000-000000000000"),
          persistedOnly: true,
        },
      },
      { headers: admin },
    );
    expect(missing.data.setPartnerKeyLimit.code).toBe("NOT_FOUND");
    expect(await t.database.prisma.partnerKeyLimit.count({ where: { apiKeyId: key.id } })).toBe(0);
  });

  it("is for admins only", async () => {
    const key = await newKey();
    const refused: Json = await t.gql(
      mutation,
      { input: { apiKey: key.global, persistedOnly: true } },
      { headers: staff },
    );
    expect(refused.data?.setPartnerKeyLimit ?? null).toBeNull();
    expect(JSON.stringify(refused)).toMatch(/FORBIDDEN/);
    expect(await t.database.prisma.partnerKeyLimit.count({ where: { apiKeyId: key.id } })).toBe(0);
  });
});
