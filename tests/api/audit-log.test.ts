// The audit log is filtered by the global IDs every other field uses (a record's `id`, a
// user's `id`), not by raw database IDs; each entry gives its record's global ID.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withCheckDigit } from "../../api/modules/members/rules.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createStaffUser } from "../helpers/fixtures.js";
import { gid, rawId } from "../helpers/ids.js";

let t: TestApp;
let admin: string;
let adminId: string;
let memberId: string;

const log = `query($filter: AuditFilter) {
  auditEntries(first: 20, filter: $filter) {
    totalCount
    edges { node { action entityType entity actorLabel } }
  }
}`;

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  const db = t.database.prisma;
  const access = { personalDataAccess: true };
  const signedIn = await signInStaff(t, "admin@test.sa", ["ADMIN", "STAFF"], access);
  await createStaffUser(db, "staff@test.sa", ["STAFF"]);
  adminId = gid("User", signedIn.user.id);
  admin = signedIn.token;
  const created = await t.gql(
    `mutation($input: CreateMemberInput!) { createMember(input: $input) { ... on CreateMemberSuccess { member { id } } } }`,
    {
      input: {
        nationalId: withCheckDigit("108765432"),
        fullNameAr: "إبراهيم عبدالعزيز الدوسري",
        mobile: "0551112233",
        city: "الدمام",
        consentGiven: true,
      },
    },
    { token: admin },
  );
  memberId = created.data?.createMember.member.id;
});

afterAll(() => t?.close());

describe("filtering the audit log", () => {
  it("by a record's global ID, as its `id` field gives it", async () => {
    const result = await t.gql(log, { filter: { entity: memberId } }, { token: admin });
    expect(result.errors).toBeUndefined();
    const entries = result.data?.auditEntries.edges.map((e: Json) => e.node);
    expect(entries).toEqual([
      { action: "CREATE", entityType: "Member", entity: memberId, actorLabel: "admin@test.sa" },
    ]);
  });

  it("names the actor (name, roles) and the record (member's name and number)", async () => {
    const result = await t.gql(
      `query($filter: AuditFilter) { auditEntries(first: 5, filter: $filter) {
        edges { node { actorName actorRoles entityLabel } } } }`,
      { filter: { entity: memberId } },
      { token: admin },
    );
    expect(result.errors).toBeUndefined();
    const [entry] = result.data?.auditEntries.edges.map((e: Json) => e.node) ?? [];
    expect(entry.actorName).toBe("موظف admin");
    expect([...entry.actorRoles].sort()).toEqual(["ADMIN", "STAFF"]);
    expect(entry.entityLabel).toMatch(/^إبراهيم عبدالعزيز الدوسري \(M-\d+\)$/);
  });

  it("by the actor's global ID", async () => {
    const result = await t.gql(log, { filter: { actor: adminId } }, { token: admin });
    const actions = result.data?.auditEntries.edges.map((e: Json) => e.node.action);
    expect(actions).toContain("CREATE");
    expect(actions).toContain("SIGN_IN");
  });

  it("a raw database ID is refused as not one of our IDs, naming the field", async () => {
    const raw = rawId(memberId);
    const result = await t.gql(log, { filter: { entity: raw } }, { token: admin });
    expect(result.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");
    expect(result.errors?.[0]?.extensions?.fieldErrors).toMatchObject([
      { path: ["filter", "entity"] },
    ]);
  });

  it("an entity type that contradicts the record's global ID finds nothing", async () => {
    const result = await t.gql(
      log,
      { filter: { entity: memberId, entityType: "User" } },
      {
        token: admin,
      },
    );
    expect(result.data?.auditEntries.totalCount).toBe(0);
  });
});
