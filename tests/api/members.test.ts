import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countCap } from "../../api/db/page-count.js";
import {
  formatMemberNumber,
  memberSearchText,
  withCheckDigit,
} from "../../api/modules/members/rules.js";
import {
  countMembersUpTo,
  type MemberFilter,
  memberSearch,
} from "../../api/modules/members/search.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord, memberInput } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
let staff: string; // STAFF with personal-data access
let staffMasked: string; // STAFF without it
let committee: string;
let queries: string[] = [];

const createMutation = `mutation($input: CreateMemberInput!) {
  createMember(input: $input) {
    __typename
    ... on CreateMemberSuccess { member { id memberNumber nationalId mobile status consentAt version } }
    ... on ValidationError { code message fieldErrors { path message } }
    ... on Error { code message }
  }
}`;

const updateMutation = `mutation($input: UpdateMemberInput!) {
  updateMember(input: $input) {
    __typename
    ... on UpdateMemberSuccess { member { id fullNameAr city version } }
    ... on ConflictError { code message currentVersion }
    ... on ValidationError { fieldErrors { path message } }
  }
}`;

beforeAll(async () => {
  t = await startTestApp({ listen: false, onQuery: (sql) => queries.push(sql) });
  const db = t.database.prisma;
  staff = (await signInStaff(t, "staff@test.sa", ["STAFF"], { personalDataAccess: true })).token;
  staffMasked = (await signInStaff(t, "masked@test.sa", ["STAFF"])).token;
  committee = (await signInStaff(t, "committee@test.sa", ["COMMITTEE_MEMBER"])).token;
  const ahmad = await createMemberRecord(db, { fullNameAr: "أحمد محمد القحطاني", city: "الرياض" });
  await createMemberRecord(db, { fullNameAr: "فاطمة سعد الغامدي", city: "جدة" });
  await createMemberRecord(db, { fullNameAr: "آمنة ياسر العتيبي", city: "جدة", status: "ACTIVE" });
  await db.requestType.create({ data: { code: "INQUIRY", nameAr: "استفسار", nameEn: "Inquiry" } });
  await db.request.createMany({
    data: Array.from({ length: 3 }, (_, i) => ({
      memberId: ahmad.id,
      typeCode: "INQUIRY" as const,
      channel: "PHONE" as const,
      status: "SUBMITTED" as const,
      subject: `استفسار ${i + 1}`,
    })),
  });
});

afterAll(() => t?.close());

describe("listing and searching members", () => {
  const search = `query($search: String) { members(first: 20, filter: { search: $search }) { totalCount edges { node { fullNameAr } } } }`;

  it("finds «أحمد» when searching «احمد», and «آمنة» as «امنه»", async () => {
    const plain = await t.gql(search, { search: "احمد" }, { token: staff });
    expect(plain.data?.members.edges.map((e: Json) => e.node.fullNameAr)).toEqual([
      "أحمد محمد القحطاني",
    ]);
    const folded = await t.gql(search, { search: "امنه" }, { token: staff });
    expect(folded.data?.members.totalCount).toBe(1);
  });

  it("filters by city and status and counts the matches", async () => {
    const result = await t.gql(
      `{ members(first: 10, filter: { city: "جدة", status: ACTIVE }) { totalCount edges { node { fullNameAr status } } } }`,
      {},
      { token: staff },
    );
    expect(result.data?.members.totalCount).toBe(1);
    expect(result.data?.members.edges[0].node.fullNameAr).toBe("آمنة ياسر العتيبي");
  });

  it("requires a page size and caps it at 100", async () => {
    const missing = await t.gql(`{ members { totalCount } }`, {}, { token: staff });
    expect(missing.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");
    expect(missing.errors?.[0]?.message).toContain("100");
    const tooMany = await t.gql(
      `{ members(first: 101) { totalCount } }`,
      {},
      { token: staff, language: "en" },
    );
    expect(tooMany.errors?.[0]?.message).toBe("A page holds at most 100 records.");
  });

  it("loads a page of members with their requests in at most 3 SQL statements", async () => {
    queries = [];
    const result = await t.gql(
      `{ members(first: 50) { totalCount edges { node { fullNameAr memberNumber requests(first: 10) { totalCount edges { node { subject status } } } } } } }`,
      {},
      { token: staffMasked },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.members.edges).toHaveLength(3);
    const ahmad = result.data?.members.edges.find((e: Json) =>
      e.node.fullNameAr.startsWith("أحمد"),
    );
    expect(ahmad.node.requests.totalCount).toBe(3);
    const statements = queries.filter((q) => !/^(BEGIN|COMMIT)/i.test(q) && !q.includes('"User"'));
    expect(statements.length).toBeLessThanOrEqual(3);
  });

  it("gives an unauthenticated caller nothing", async () => {
    const result = await t.gql(`{ members(first: 5) { edges { node { fullNameAr } } } }`);
    // The gated root field is nullable: the refusal nulls it, not the whole answer.
    expect(result.data).toEqual({ members: null });
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(result.errors?.[0]?.message).toBe("يلزم تسجيل الدخول أولاً.");
  });
});

describe("personal data", () => {
  const detail = `{ members(first: 1, filter: { search: "احمد" }) { edges { node { id nationalId mobile monthlyIncome hasMonthlyIncome nationalIdMasked mobileMasked personalDataMasked } } } }`;

  it("is withheld (null, never a masked string) from staff without the personal-data permission and from committee members", async () => {
    for (const token of [staffMasked, committee]) {
      const node = (await t.gql(detail, {}, { token })).data?.members.edges[0].node;
      expect(node.nationalId).toBeNull();
      expect(node.mobile).toBeNull();
      expect(node.monthlyIncome).toBeNull();
      expect(node.nationalIdMasked).toMatch(/^1\*{7}\d{2}$/);
      expect(node.mobileMasked).toMatch(/^\+966\*+\d{2}$/);
      expect(node.personalDataMasked).toBe(true);
    }
  });

  it("is shown in full to staff with the permission, and each read is audited", async () => {
    const node = (await t.gql(detail, {}, { token: staff })).data?.members.edges[0].node;
    expect(node.nationalId).toMatch(/^1\d{9}$/);
    expect(node.personalDataMasked).toBe(false);
    const entries = await t.database.prisma.auditEntry.findMany({
      where: { action: "READ_PERSONAL_DATA", actorLabel: "staff@test.sa" },
    });
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(entries.some((e) => (e.changes as string[]).includes("nationalId"))).toBe(true);
  });
});

describe("registering a member", () => {
  it("creates an APPLICANT with a member number, a normalised mobile and consent time, audited", async () => {
    const result = await t.gql(createMutation, { input: memberInput() }, { token: staff });
    const member = result.data?.createMember.member;
    expect(result.data?.createMember.__typename).toBe("CreateMemberSuccess");
    expect(member.memberNumber).toMatch(/^M-\d{6}$/);
    expect(member.mobile).toBe("+966551112233");
    expect(member.status).toBe("APPLICANT");
    expect(member.consentAt).toBeTruthy();
    const audit = await t.database.prisma.auditEntry.findFirst({
      where: { action: "CREATE", entityType: "Member" },
    });
    expect(audit?.actorLabel).toBe("staff@test.sa");
  });

  it("refuses a duplicate national ID with an Arabic message naming the field, writing nothing", async () => {
    const before = await t.database.prisma.member.count();
    const result = await t.gql(
      createMutation,
      { input: memberInput({ mobile: "0559998877" }) },
      { token: staff },
    );
    expect(result.data?.createMember).toMatchObject({
      __typename: "ValidationError",
      code: "VALIDATION_FAILED",
      fieldErrors: [
        { path: ["input", "nationalId"], message: "رقم الهوية الوطنية مسجّل لعضو آخر." },
      ],
    });
    expect(await t.database.prisma.member.count()).toBe(before);
  });

  it("lists every invalid field at once, in English when asked", async () => {
    const result = await t.gql(
      createMutation,
      {
        input: memberInput({
          nationalId: "1234567890",
          mobile: "0112345678",
          fullNameAr: " ",
          consentGiven: false,
        }),
      },
      { token: staff, language: "en-GB,en;q=0.9" },
    );
    const fields = result.data?.createMember.fieldErrors.map((e: Json) => e.path[1]);
    expect(fields).toEqual(
      expect.arrayContaining(["nationalId", "mobile", "fullNameAr", "consentGiven"]),
    );
    expect(result.data?.createMember.message).toMatch(/^Not saved/);
  });

  it("is refused to a committee member as a typed ForbiddenError", async () => {
    const result = await t.gql(
      createMutation,
      { input: memberInput({ nationalId: withCheckDigit("109999999") }) },
      { token: committee },
    );
    expect(result.data?.createMember).toMatchObject({
      __typename: "ForbiddenError",
      code: "FORBIDDEN",
    });
  });
});

describe("changing a member", () => {
  it("applies a change with the version read, and refuses a stale version without writing", async () => {
    const member = await createMemberRecord(t.database.prisma, { fullNameAr: "خالد سالم الشهري" });
    const ok = await t.gql(
      updateMutation,
      { input: { id: gid("Member", member.id), version: 1, city: "أبها" } },
      { token: staff },
    );
    expect(ok.data?.updateMember).toMatchObject({
      __typename: "UpdateMemberSuccess",
      member: { city: "أبها", version: 2 },
    });

    const stale = await t.gql(
      updateMutation,
      { input: { id: gid("Member", member.id), version: 1, city: "تبوك" } },
      { token: staff },
    );
    expect(stale.data?.updateMember).toMatchObject({
      __typename: "ConflictError",
      code: "CONFLICT",
      currentVersion: 2,
    });
    const stored = await t.database.prisma.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(stored.city).toBe("أبها");
  });

  it("lets exactly one of two concurrent updates with the same version win", async () => {
    const member = await createMemberRecord(t.database.prisma, { fullNameAr: "نورة فهد الزهراني" });
    const results = await Promise.all(
      ["بريدة", "حائل"].map((city) =>
        t.gql(
          updateMutation,
          { input: { id: gid("Member", member.id), version: 1, city } },
          { token: staff },
        ),
      ),
    );
    const outcomes = results.map((r) => r.data?.updateMember.__typename).sort();
    expect(outcomes).toEqual(["ConflictError", "UpdateMemberSuccess"]);
    const stored = await t.database.prisma.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(stored.version).toBe(2);
  });

  it("records before and after of changed fields in the audit log", async () => {
    const member = await createMemberRecord(t.database.prisma, { fullNameAr: "ريم عادل القرني" });
    await t.gql(
      updateMutation,
      { input: { id: gid("Member", member.id), version: 1, fullNameAr: "ريم عادل القرنيّ" } },
      { token: staff },
    );
    const entry = await t.database.prisma.auditEntry.findFirst({
      where: { action: "UPDATE", entityId: member.id },
    });
    expect(entry?.changes).toEqual({
      fullNameAr: { before: "ريم عادل القرني", after: "ريم عادل القرنيّ" },
    });
  });
});

describe("the capped count", () => {
  // 1,001 members of one name in a city no other test uses: one past the cap; one of them
  // ACTIVE, so that the others are exactly the cap.
  const name = "يوسف سالم المطيري";
  beforeAll(async () => {
    await t.database.prisma.member.createMany({
      data: Array.from({ length: countCap + 1 }, (_, i) => {
        const identity = {
          memberNumber: formatMemberNumber(700_000 + i),
          nationalId: withCheckDigit(`2${String(30_000_000 + i).padStart(8, "0")}`),
          fullNameAr: name,
          fullNameEn: null,
          mobile: `+9665${String(60_000_000 + i)}`,
        };
        return {
          ...identity,
          city: "تبوك",
          status: i === 0 ? ("ACTIVE" as const) : ("APPLICANT" as const),
          consentGiven: true,
          consentAt: new Date(),
          searchText: memberSearchText(identity),
        };
      }),
    });
  });

  const counts = `query($filter: MemberFilter) { members(first: 5, filter: $filter) { totalCount cappedCount { count more } edges { node { id } } } }`;

  it("is exact up to the cap, and says «more» past it while totalCount stays exact", async () => {
    const few = await t.gql(
      counts,
      { filter: { city: "جدة", status: "ACTIVE" } },
      { token: staff },
    );
    expect(few.data?.members).toMatchObject({
      totalCount: 1,
      cappedCount: { count: 1, more: false },
    });
    const many = await t.gql(counts, { filter: { search: "يوسف المطيري" } }, { token: staff });
    expect(many.errors).toBeUndefined();
    expect(many.data?.members.totalCount).toBe(countCap + 1);
    expect(many.data?.members.cappedCount).toEqual({ count: countCap, more: true });
    expect(many.data?.members.edges).toHaveLength(5);
  });

  it("is exact at the cap itself", async () => {
    const exactly = await t.gql(
      counts,
      { filter: { city: "تبوك", status: "APPLICANT" } },
      { token: staff },
    );
    expect(exactly.data?.members.totalCount).toBe(countCap);
    expect(exactly.data?.members.cappedCount).toEqual({ count: countCap, more: false });
  });

  it("counts alone without reading the page, and through a fragment as well", async () => {
    queries = [];
    const alone = await t.gql(
      `{ members(first: 5, filter: { city: "تبوك" }) { cappedCount { count more } } }`,
      {},
      { token: staffMasked },
    );
    expect(alone.data?.members.cappedCount).toEqual({ count: countCap, more: true });
    // One statement: the count, no page.
    const read = queries.filter((q) => /^\s*SELECT/i.test(q) && q.includes('"Member"'));
    expect(read, read.join("\n")).toHaveLength(1);
    const fragment = await t.gql(
      `{ members(first: 5, filter: { city: "تبوك" }) { ...Counted edges { node { id } } } }
       fragment Counted on MemberConnection { cappedCount { count more } }`,
      {},
      { token: staffMasked },
    );
    expect(fragment.data?.members.cappedCount).toEqual({ count: countCap, more: true });
  });

  it("counts in its own statement exactly what the list's where matches (equivalence with Prisma)", async () => {
    const db = t.database.prisma;
    const someone = await db.member.findFirstOrThrow({ where: { city: "تبوك" } });
    const filters: MemberFilter[] = [
      {},
      { search: "يوسف" },
      { search: "يوسف المطيري", status: "APPLICANT" },
      { search: "احمد" },
      { search: "امنه", city: "جدة" },
      { search: "M-700010" },
      { search: "700010" },
      { search: someone.nationalId },
      { search: someone.nationalId.slice(0, 6) },
      { search: `0${someone.mobile.slice(4)}` },
      { search: someone.mobile.slice(-6) },
      { search: "100%" },
      { search: "a_b" },
      { city: "تبوك", channel: "PHONE" },
      { status: "ACTIVE", channel: "WEBSITE" },
    ];
    for (const filter of filters)
      for (const personalData of [true, false]) {
        const { where } = memberSearch(filter, { personalData });
        const exact = await db.member.count({ where });
        for (const cap of [1, 5, countCap + 1])
          expect(
            await countMembersUpTo(db, where, cap),
            `${JSON.stringify(filter)} ${personalData} ${cap}`,
          ).toBe(Math.min(exact, cap));
      }
  });

  it("requires a page size, as the list does", async () => {
    const missing = await t.gql(`{ members { cappedCount { count } } }`, {}, { token: staff });
    expect(missing.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");
  });
});
