// Input no field of ours can hold, checked once for every argument of every field: a NUL byte
// or a lone surrogate in a string, a global ID that is not ours (bad base64, a type that does
// not exist or is not a Node) or is of the wrong type. Each answers VALIDATION_FAILED naming
// the field, as a typed result where the mutation has one, never "Unexpected error.".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord, memberInput } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
let staff: string;
let memberId: string;
let requestId: string;

const createMember = `mutation($input: CreateMemberInput!) {
  createMember(input: $input) {
    __typename
    ... on ValidationError { code fieldErrors { path message } }
  }
}`;
const updateMember = `mutation($input: UpdateMemberInput!) {
  updateMember(input: $input) {
    __typename
    ... on UpdateMemberSuccess { member { id } }
    ... on Error { code }
    ... on ValidationError { code fieldErrors { path message } }
  }
}`;
const createRequest = `mutation($input: CreateRequestInput!) {
  createRequest(input: $input) {
    __typename
    ... on ValidationError { code fieldErrors { path message } }
  }
}`;
const withdrawRequest = `mutation($input: WithdrawRequestInput!) {
  withdrawRequest(input: $input) {
    __typename
    ... on ValidationError { code fieldErrors { path message } }
  }
}`;

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  const db = t.database.prisma;
  const access = { personalDataAccess: true };
  staff = (await signInStaff(t, "staff@test.sa", ["STAFF", "ADMIN"], access)).token;
  const member = await createMemberRecord(db);
  await db.requestType.create({ data: { code: "INQUIRY", nameAr: "استفسار", nameEn: "Inquiry" } });
  const request = await db.request.create({
    data: {
      memberId: member.id,
      typeCode: "INQUIRY",
      channel: "PHONE",
      status: "SUBMITTED",
      subject: "استفسار",
    },
  });
  memberId = gid("Member", member.id);
  requestId = gid("Request", request.id);
});

afterAll(() => t?.close());

/** The single field error of a typed ValidationError result. */
function fieldError(result: Json, mutation: string) {
  expect(result.errors).toBeUndefined();
  const payload = result.data?.[mutation];
  expect(payload.__typename).toBe("ValidationError");
  expect(payload.code).toBe("VALIDATION_FAILED");
  expect(payload.fieldErrors).toHaveLength(1);
  return payload.fieldErrors[0] as { path: string[]; message: string };
}

describe("strings no record can hold", () => {
  for (const [name, bad] of [
    ["a NUL byte", "أحمد\u0000"],
    ["a lone surrogate", "أحمد\uD800"],
  ] as const) {
    it(`${name} in createMember's name → VALIDATION_FAILED naming fullNameAr`, async () => {
      const result = await t.gql(
        createMember,
        { input: memberInput({ fullNameAr: bad }) },
        { token: staff, language: "en" },
      );
      const error = fieldError(result, "createMember");
      expect(error.path).toEqual(["input", "fullNameAr"]);
      expect(error.message).toContain("Full name (Arabic)");
    });

    it(`${name} in updateMember's city → VALIDATION_FAILED naming city, in Arabic`, async () => {
      const result = await t.gql(
        updateMember,
        { input: { id: memberId, version: 1, city: bad } },
        { token: staff },
      );
      const error = fieldError(result, "updateMember");
      expect(error.path).toEqual(["input", "city"]);
      expect(error.message).toContain("المدينة");
    });

    it(`${name} in a request's subject and a withdrawal's note`, async () => {
      const created = await t.gql(
        createRequest,
        { input: { member: memberId, type: "INQUIRY", channel: "PHONE", subject: bad } },
        { token: staff },
      );
      expect(fieldError(created, "createRequest").path).toEqual(["input", "subject"]);
      const withdrawn = await t.gql(
        withdrawRequest,
        { input: { id: requestId, version: 1, note: bad } },
        { token: staff },
      );
      expect(fieldError(withdrawn, "withdrawRequest").path).toEqual(["input", "note"]);
    });

    it(`${name} in a query's filter → a VALIDATION_FAILED error naming it`, async () => {
      const result = await t.gql(
        `query($search: String) { members(first: 5, filter: { search: $search }) { totalCount } }`,
        { search: bad },
        { token: staff, language: "en" },
      );
      expect(result.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");
      expect(result.errors?.[0]?.extensions?.fieldErrors).toEqual([
        { path: ["filter", "search"], message: expect.stringContaining("search") },
      ]);
    });
  }

  it("a well-formed pair (an emoji) and Arabic text are accepted", async () => {
    const result = await t.gql(
      updateMember,
      { input: { id: memberId, version: 1, city: "الخبر 🌴" } },
      { token: staff },
    );
    expect(result.data?.updateMember.__typename).toBe("UpdateMemberSuccess");
  });
});

describe("global IDs that are not ours", () => {
  const notOurs = {
    "bad base64": "%%%not-base64%%%",
    "no type": Buffer.from("just-an-id").toString("base64"),
    "an unknown type": gid("Spaceship", "1"),
    "a type that is not a Node": gid("PageInfo", "1"),
    "an ID that no record of the type can have": gid("Member", "1; drop"),
  };

  for (const [name, id] of Object.entries(notOurs)) {
    it(`${name} as updateMember's id → VALIDATION_FAILED naming id`, async () => {
      const result = await t.gql(
        updateMember,
        { input: { id, version: 1, city: "جدة" } },
        { token: staff, language: "en" },
      );
      const error = fieldError(result, "updateMember");
      expect(error.path).toEqual(["input", "id"]);
      expect(error.message).toMatch(/identifier/i);
    });

    it(`${name} in node(id:) → a VALIDATION_FAILED error naming id`, async () => {
      const result = await t.gql(
        `query($id: ID!) { node(id: $id) { id } }`,
        { id },
        { token: staff },
      );
      expect(result.errors?.[0]?.message).not.toMatch(/Unexpected error/);
      expect(result.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");
      expect(result.errors?.[0]?.extensions?.fieldErrors).toMatchObject([{ path: ["id"] }]);
    });
  }

  it("an ID of the wrong type names the field and the type it must be", async () => {
    const updated = await t.gql(
      updateMember,
      { input: { id: requestId, version: 1, city: "جدة" } },
      { token: staff, language: "en" },
    );
    const error = fieldError(updated, "updateMember");
    expect(error.path).toEqual(["input", "id"]);
    expect(error.message).toMatch(/Member/);

    const created = await t.gql(
      createRequest,
      { input: { member: requestId, type: "INQUIRY", channel: "PHONE", subject: "استفسار" } },
      { token: staff },
    );
    expect(fieldError(created, "createRequest").path).toEqual(["input", "member"]);

    const withdrawn = await t.gql(
      withdrawRequest,
      { input: { id: memberId, version: 1, note: "بناءً على رغبة العضو" } },
      { token: staff },
    );
    expect(fieldError(withdrawn, "withdrawRequest").path).toEqual(["input", "id"]);
  });

  it("a caller who may not call the field (here: not signed in) is refused as such, before any input check", async () => {
    const result = await t.gql(updateMember, {
      input: { id: "%%%", version: 1, city: "\u0000" },
    });
    expect(result.data?.updateMember).toMatchObject({ __typename: "UnauthenticatedError" });
  });

  it("an ID of one of our Node types still reads through node(id:)", async () => {
    const result = await t.gql(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: memberId },
      {
        token: staff,
      },
    );
    expect(result.data?.node?.id).toBe(memberId);
  });
});
