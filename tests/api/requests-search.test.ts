// Requests found as the front desk asks for them (issue 13, item 5): by reference, or by the
// member's name (hamza-insensitive, as the member search), member number, or national ID —
// in part only for those who may read personal data, whole otherwise, and then audited as a
// read of the member's ID; and the "due this week" list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../api/db/client.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord, seedReferenceData } from "../helpers/fixtures.js";

let t: TestApp;
let db: PrismaClient;
let staff: string;
let trusted: string;
let member: Awaited<ReturnType<typeof createMemberRecord>>;

const list = `query($filter: RequestFilter) {
  requests(first: 20, filter: $filter) { totalCount edges { node { subject } } }
}`;

async function subjects(token: string, filter: Json): Promise<string[]> {
  const result = await t.gql(list, { filter }, { token });
  expect(result.errors).toBeUndefined();
  return result.data?.requests.edges.map((e: Json) => e.node.subject).sort();
}

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  db = t.database.prisma;
  await seedReferenceData(db);
  member = await createMemberRecord(db, { fullNameAr: "أحمد سالم الغامدي" });
  const other = await createMemberRecord(db, { fullNameAr: "خالد فهد العتيبي" });
  const now = Date.now();
  for (const [owner, subject, dueInDays] of [
    [member, "طلب أحمد الأول", 5],
    [member, "طلب أحمد الثاني", 20],
    [other, "طلب خالد", 2],
  ] as const) {
    await db.request.create({
      data: {
        memberId: owner.id,
        typeCode: "INQUIRY",
        channel: "PHONE",
        subject,
        status: "SUBMITTED",
        reference: `REQ-2026-${String(Math.floor(Math.random() * 900_000) + 100_000)}`,
        submittedAt: new Date(now),
        decisionDueAt: new Date(now + dueInDays * 86_400_000),
      },
    });
  }
  staff = (await signInStaff(t, "staff@test.sa", ["STAFF"])).token;
  trusted = (await signInStaff(t, "trusted@test.sa", ["STAFF"], { personalDataAccess: true }))
    .token;
});

afterAll(() => t?.close());

describe("searching requests", () => {
  it("by the member's name, whatever the hamza, and by member number", async () => {
    const ahmad = ["طلب أحمد الأول", "طلب أحمد الثاني"];
    expect(await subjects(staff, { search: "احمد الغامدي" })).toEqual(ahmad);
    expect(await subjects(staff, { search: "إحمد" })).toEqual(ahmad);
    expect(await subjects(staff, { search: member.memberNumber })).toEqual(ahmad);
  });

  it("by a whole national ID for anyone (audited), in part only for those who may read it", async () => {
    const id = member.nationalId;
    expect(await subjects(staff, { search: id.slice(0, 6) })).toEqual([]);
    expect(await subjects(trusted, { search: id.slice(0, 6) })).toHaveLength(2);
    expect(await subjects(staff, { search: id })).toHaveLength(2);
    const reads = await db.auditEntry.findMany({
      where: { action: "READ_PERSONAL_DATA", entityType: "Member", entityId: member.id },
    });
    expect(reads.map((r) => r.actorLabel)).toContain("staff@test.sa");
  });

  it("lists what is due within a week", async () => {
    expect(await subjects(staff, { dueWithinDays: 7 })).toEqual(["طلب أحمد الأول", "طلب خالد"]);
  });
});
