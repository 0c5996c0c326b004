// Searching members must not be a way to read personal data: a caller who may not read
// national IDs and mobiles finds a member only by a complete one (and that lookup is
// audited like a reveal), never digit by digit; staff who may read them keep substring search.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord } from "../helpers/fixtures.js";

let t: TestApp;
let withAccess: string; // STAFF with personal-data access
let staffMasked: string; // STAFF without it
let committee: string;
let researcher: string;
let member: { id: string; nationalId: string; mobile: string; memberNumber: string };

const search = `query($search: String) { members(first: 20, filter: { search: $search }) { totalCount edges { node { id fullNameAr } } } }`;

async function found(token: string, term: string): Promise<{ count: number; ids: string[] }> {
  const result = await t.gql(search, { search: term }, { token });
  expect(result.errors).toBeUndefined();
  return {
    count: result.data?.members.totalCount,
    ids: result.data?.members.edges.map((e: Json) => e.node.id),
  };
}

/** A request id per role, in the plain-token form the server keeps (no spaces). */
const requestIdOf = (role = "") => `lookup-${role.replace(/[^\w.:-]+/g, "-")}`;

function lookupAudits() {
  return t.database.prisma.auditEntry.findMany({
    where: { action: "READ_PERSONAL_DATA", entityType: "Member", entityId: member.id },
  });
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.prisma;
  member = await createMemberRecord(db, { fullNameAr: "نورة عبدالله الشهري" });
  await createMemberRecord(db, { fullNameAr: "ريم فهد السبيعي" });
  withAccess = (await signInStaff(t, "staff@test.sa", ["STAFF"], { personalDataAccess: true }))
    .token;
  staffMasked = (await signInStaff(t, "masked@test.sa", ["STAFF"])).token;
  committee = (await signInStaff(t, "committee@test.sa", ["COMMITTEE_MEMBER"])).token;
  researcher = (await signInStaff(t, "researcher@test.sa", ["RESEARCHER"])).token;
});

afterAll(() => t?.close());

const withoutAccess = () => [
  ["STAFF without personal-data access", staffMasked],
  ["COMMITTEE_MEMBER", committee],
  ["RESEARCHER", researcher],
];

describe("searching by number without personal-data access", () => {
  it("finds nothing with a partial national ID or mobile, in any spelling", async () => {
    const local = `0${member.mobile.slice(4)}`;
    const partials = [
      member.nationalId.slice(0, 4),
      member.nationalId.slice(0, 9),
      member.nationalId.slice(3),
      `${member.nationalId.slice(0, 5)} ${member.nationalId.slice(5, 8)}`,
      `نورة ${member.nationalId.slice(0, 6)}`,
      local.slice(0, 7),
      member.mobile.slice(0, 9),
      member.mobile.slice(-6),
    ];
    for (const [, token] of withoutAccess())
      for (const partial of partials)
        expect(await found(token!, partial), `${partial}`).toEqual({ count: 0, ids: [] });
    expect(await lookupAudits()).toEqual([]);
  });

  it("finds the member by the whole national ID, and the lookup is audited", async () => {
    for (const [role, token] of withoutAccess()) {
      const before = (await lookupAudits()).length;
      const result = await t.gql(
        search,
        { search: member.nationalId },
        { token, headers: { "x-request-id": requestIdOf(role) } },
      );
      expect(result.data?.members.totalCount, role).toBe(1);
      expect(result.data?.members.edges[0].node.fullNameAr).toBe("نورة عبدالله الشهري");
      const audits = await lookupAudits();
      expect(audits.length, role).toBe(before + 1);
      expect(audits.at(-1)).toMatchObject({
        actorKind: "USER",
        requestId: requestIdOf(role),
        changes: ["nationalId"],
      });
    }
  });

  it("finds the member by the whole mobile as staff type it (05…, +9665…, 9665…, with spaces)", async () => {
    const digits = member.mobile.slice(4); // 5XXXXXXXX
    for (const form of [
      `0${digits}`,
      member.mobile,
      `966${digits}`,
      `0${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5)}`,
    ]) {
      const before = (await lookupAudits()).length;
      expect(await found(committee, form), form).toEqual({ count: 1, ids: [expect.any(String)] });
      const audits = await lookupAudits();
      expect(audits.length, form).toBe(before + 1);
      expect(audits.at(-1)?.changes).toEqual(["mobile"]);
    }
  });

  it("finds the member by the whole member number, which is not personal data (no audit)", async () => {
    const before = (await lookupAudits()).length;
    expect((await found(researcher, member.memberNumber)).count).toBe(1);
    expect((await found(researcher, member.memberNumber.toLowerCase())).count).toBe(1);
    expect((await found(researcher, member.memberNumber.slice(0, 6))).count).toBe(0);
    expect((await lookupAudits()).length).toBe(before);
  });

  it("still finds by name, hamza-insensitively", async () => {
    expect((await found(committee, "نوره الشهري")).count).toBe(1);
    expect((await found(staffMasked, "ريم")).count).toBe(1);
  });

  it("audits a count-only lookup too: totalCount alone confirms that the ID exists", async () => {
    const before = (await lookupAudits()).length;
    const result = await t.gql(
      `query($s: String) { members(first: 1, filter: { search: $s }) { totalCount } }`,
      { s: member.nationalId },
      { token: committee },
    );
    expect(result.data?.members.totalCount).toBe(1);
    expect((await lookupAudits()).length).toBe(before + 1);
  });
});

describe("the capped count obeys the same rules", () => {
  const capped = `query($s: String) { members(first: 1, filter: { search: $s }) { cappedCount { count more } } }`;

  it("counts nothing for a partial national ID or mobile without personal-data access", async () => {
    const before = (await lookupAudits()).length;
    for (const [role, token] of withoutAccess())
      for (const partial of [member.nationalId.slice(0, 6), member.mobile.slice(-6)]) {
        const result = await t.gql(capped, { s: partial }, { token });
        expect(result.data?.members.cappedCount, `${role} ${partial}`).toEqual({
          count: 0,
          more: false,
        });
      }
    expect((await lookupAudits()).length).toBe(before);
  });

  it("audits a lookup by a whole national ID that asks only for the capped count", async () => {
    const before = (await lookupAudits()).length;
    const result = await t.gql(capped, { s: member.nationalId }, { token: committee });
    expect(result.data?.members.cappedCount).toEqual({ count: 1, more: false });
    expect((await lookupAudits()).length).toBe(before + 1);
  });

  it("is refused, like the list, to a caller without members.list", async () => {
    const result = await t.gql(capped, { s: "نورة" });
    expect(result.data).toEqual({ members: null });
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("searching with personal-data access", () => {
  it("keeps substring search on national IDs and mobiles", async () => {
    expect((await found(withAccess, member.nationalId.slice(0, 7))).ids).toContain(
      (await found(withAccess, member.nationalId)).ids[0],
    );
    expect((await found(withAccess, member.mobile.slice(-6))).count).toBeGreaterThanOrEqual(1);
  });
});

describe("sorting", () => {
  it("offers no sort by a personal field: national ID, mobile or income are refused", async () => {
    for (const field of ["NATIONAL_ID", "MOBILE", "MONTHLY_INCOME"]) {
      const result = await t.gql(
        `{ members(first: 5, orderBy: { field: ${field}, direction: ASC }) { totalCount } }`,
        {},
        { token: committee },
      );
      expect(result.errors?.[0]?.message, field).toMatch(/MemberOrderField/);
    }
    const schema = await t.gql(
      `{ __type(name: "MemberOrderField") { enumValues { name } } }`,
      {},
      { token: withAccess },
    );
    const names = schema.data?.__type?.enumValues.map((v: Json) => v.name) ?? [];
    expect(names).not.toContain("NATIONAL_ID");
    expect(names.join(" ")).not.toMatch(/MOBILE|INCOME|NATIONAL/);
    // Requests neither: no order by the member's personal data or by amounts.
    const requestOrder = await t.gql(
      `{ __type(name: "RequestOrderField") { enumValues { name } } }`,
      {},
      { token: withAccess },
    );
    const requestNames = requestOrder.data?.__type?.enumValues.map((v: Json) => v.name) ?? [];
    expect(requestNames.length).toBeGreaterThan(0);
    expect(requestNames.join(" ")).not.toMatch(/MOBILE|INCOME|NATIONAL|MEMBER|AMOUNT/);
  });
});

describe("the CSV export", () => {
  async function exported(token: string, term: string): Promise<string[]> {
    const response = await fetch(
      `${t.url}/export/members.csv?lang=en&search=${encodeURIComponent(term)}&sort=nationalId`,
      { headers: { authorization: `Bearer ${token}`, "x-wasl-csrf": "1" } },
    );
    expect(response.status).toBe(200);
    return (await response.text()).trim().split("\r\n").slice(1);
  }

  it("applies the same rule: a partial ID finds nothing, a whole one finds the member and is audited", async () => {
    expect(await exported(staffMasked, member.nationalId.slice(0, 6))).toEqual([]);
    const before = (await lookupAudits()).length;
    const rows = await exported(staffMasked, member.nationalId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(member.memberNumber);
    expect(rows[0]).not.toContain(member.nationalId);
    expect((await lookupAudits()).length).toBe(before + 1);
    expect(
      (await exported(withAccess, member.nationalId.slice(0, 6))).length,
    ).toBeGreaterThanOrEqual(1);
  });
});
