// @vitest-environment node
// What the panel relies on, checked at the API: the panel hides buttons, but the API refuses
// on its own. Dashboard figures, audited reveal, CSV export, and what each role may call.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ar } from "../../admin/src/i18n/ar.js";
import { en } from "../../admin/src/i18n/en.js";
import { canAccess as panelCanAccess } from "../../admin/src/providers/canAccess.js";
import { accessRules, canAccess } from "../../api/auth/permissions.js";
import { seedDemo } from "../../prisma/seed/index.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";

let t: TestApp;
let admin: string;
let staff: string;
let committee: string;
let maskedStaff: string; // STAFF without personal-data access
let ahmadId: string;

const revealMutation = `mutation($id: ID!) { revealMemberPersonalData(input: { id: $id }) {
  __typename ... on RevealMemberPersonalDataSuccess { personalData { nationalId mobile } } ... on Error { code message } } }`;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.database.prisma, { members: 40, requests: 120 });
  admin = await t.signIn("admin@wasl.demo", "Admin#2026");
  staff = await t.signIn("staff@wasl.demo", "Staff#2026");
  committee = await t.signIn("committee1@wasl.demo", "Committee#2026");
  maskedStaff = (
    await signInStaff(t, "masked@test.sa", ["STAFF"], {
      personalDataAccess: false,
    })
  ).token;
  const found = await t.gql<{ members: { edges: { node: { id: string; fullNameAr: string } }[] } }>(
    `query { members(first: 5, filter: { search: "احمد القحطاني" }) { edges { node { id fullNameAr } } } }`,
    {},
    { token: staff },
  );
  ahmadId = found.data!.members.edges.find(
    (e) => e.node.fullNameAr === "أحمد محمد عبدالله القحطاني",
  )!.node.id;
});
afterAll(() => t?.close());

describe("canAccess", () => {
  it("is the API's own table, imported as is by the panel", () => {
    expect(panelCanAccess).toBe(canAccess);
    expect(canAccess(["STAFF"], "members", "edit")).toBe(true);
    expect(canAccess(["COMMITTEE_MEMBER"], "members", "edit")).toBe(false);
    expect(canAccess(["COMMITTEE_MEMBER", "COMMITTEE_CHAIR"], "users", "list")).toBe(false);
    expect(canAccess(["ADMIN"], "users", "list")).toBe(true);
    expect(canAccess(["STAFF"], "members", "delete")).toBe(false);
    expect(canAccess(["ADMIN"], "nothing", "list")).toBe(false);
    expect(Object.keys(accessRules)).toContain("dashboard");
  });
});

describe("the API refuses what the panel hides", () => {
  it("refuses a committee member's member edit with a typed ForbiddenError in Arabic", async () => {
    const result = await t.gql(
      `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { __typename ... on Error { code message } } }`,
      { input: { id: ahmadId, version: 1, city: "جدة" } },
      { token: committee },
    );
    expect(result.data?.updateMember).toMatchObject({
      __typename: "ForbiddenError",
      code: "FORBIDDEN",
    });
    expect(result.data?.updateMember.message).toMatch(/صلاحية/);
  });

  it("refuses users and audit to non-admins", async () => {
    for (const query of [
      "{ users(first: 5) { totalCount } }",
      "{ auditEntries(first: 5) { totalCount } }",
    ]) {
      const result = await t.gql(query, {}, { token: staff });
      expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect(
      (await t.gql("{ users(first: 5) { totalCount } }", {}, { token: admin })).data?.users
        .totalCount,
    ).toBeGreaterThan(0);
  });

  it("masks personal fields for a committee member and refuses to reveal them", async () => {
    const result = await t.gql(
      `query($id: ID!) { member(id: $id) { nationalIdMasked mobileMasked nationalId personalDataMasked } }`,
      { id: ahmadId },
      { token: committee },
    );
    const member = result.data?.member;
    expect(member.personalDataMasked).toBe(true);
    // The full value is withheld (null), never replaced by a masked string in the same field.
    expect(member.nationalId).toBeNull();
    expect(member.nationalIdMasked).toMatch(/^\d\*+\d\d$/);
    const reveal = await t.gql(revealMutation, { id: ahmadId }, { token: committee });
    expect(reveal.data?.revealMemberPersonalData.__typename).toBe("ForbiddenError");
  });
});

describe("revealMemberPersonalData", () => {
  it("shows an admin the full values and writes the read to the audit log first", async () => {
    const before = await t.database.prisma.auditEntry.count({
      where: { action: "READ_PERSONAL_DATA" },
    });
    const reveal = await t.gql(revealMutation, { id: ahmadId }, { token: admin });
    expect(reveal.data?.revealMemberPersonalData.personalData.nationalId).toMatch(/^[12]\d{9}$/);
    expect(
      await t.database.prisma.auditEntry.count({ where: { action: "READ_PERSONAL_DATA" } }),
    ).toBe(before + 1);
  });

  it("is refused to staff without personal-data access", async () => {
    const reveal = await t.gql(revealMutation, { id: ahmadId }, { token: maskedStaff });
    expect(reveal.data?.revealMemberPersonalData).toMatchObject({
      __typename: "ForbiddenError",
      code: "FORBIDDEN",
    });
  });
});

describe("dashboard", () => {
  const query = `query($from: DateTime) { dashboard(from: $from) {
    openTotal openByStatus { key count } overdue decidedInPeriod decidedWithinDue decidedWithinDueShare
    medianHoursToDecision submittedInPeriod byChannel { key count } byType { key count } } }`;

  it("computes every figure in one query, consistent with the data", async () => {
    const from = new Date(Date.now() - 365 * 86_400_000).toISOString();
    const result = await t.gql(query, { from }, { token: staff });
    expect(result.errors).toBeUndefined();
    const d = result.data!.dashboard;
    const prisma = t.database.prisma;
    const open = await prisma.request.count({
      where: {
        status: {
          in: [
            "SUBMITTED",
            "NEEDS_INFO",
            "WITH_RESEARCHER",
            "IN_COMMITTEE",
            "IN_PROGRESS",
            "APPROVED",
          ],
        },
      },
    });
    expect(d.openTotal).toBe(open);
    expect(d.openByStatus.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(open);
    const overdue = await prisma.request.count({
      where: {
        status: {
          in: ["SUBMITTED", "NEEDS_INFO", "WITH_RESEARCHER", "IN_COMMITTEE", "IN_PROGRESS"],
        },
        decisionDueAt: { lt: new Date() },
      },
    });
    expect(d.overdue).toBe(overdue);
    const submitted = await prisma.request.count({
      where: { submittedAt: { gte: new Date(from) } },
    });
    expect(d.submittedInPeriod).toBe(submitted);
    expect(d.byChannel.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(submitted);
    expect(d.byType.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(submitted);
    expect(d.decidedInPeriod).toBeGreaterThan(0);
    expect(d.decidedWithinDueShare).toBeGreaterThanOrEqual(0);
    expect(d.decidedWithinDueShare).toBeLessThanOrEqual(1);
    expect(d.medianHoursToDecision).toBeGreaterThan(0);
  });

  it("needs a signed-in user", async () => {
    const result = await t.gql(query, {});
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("members CSV export", () => {
  const exportUrl = (query: string) => `${t.url}/export/members.csv?${query}`;

  it("exports every matching row with a BOM, Arabic labels and masked personal data", async () => {
    const response = await fetch(exportUrl("search=%D8%A7%D8%AD%D9%85%D8%AF&lang=ar"), {
      headers: { "x-wasl-csrf": "1", authorization: `Bearer ${maskedStaff}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toContain("الاسم الكامل");
    expect(text).toContain("أحمد محمد عبدالله القحطاني");
    expect(text).not.toMatch(/,[12]\d{9},/);
    const total = await t.gql(
      `{ members(first: 1, filter: { search: "احمد" }) { totalCount } }`,
      {},
      { token: staff },
    );
    expect(lines.length - 1).toBe(total.data!.members.totalCount);
  });

  it("exports all rows, beyond one page, and audits full values for admins", async () => {
    const before = await t.database.prisma.auditEntry.count({
      where: { action: "READ_PERSONAL_DATA" },
    });
    const response = await fetch(exportUrl("lang=en"), {
      headers: { "x-wasl-csrf": "1", authorization: `Bearer ${admin}` },
    });
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines.length - 1).toBe(await t.database.prisma.member.count());
    expect(lines[0]).toContain("Full name");
    expect(
      await t.database.prisma.auditEntry.count({ where: { action: "READ_PERSONAL_DATA" } }),
    ).toBe(before + lines.length - 1);
  });

  it("refuses without the CSRF header, without a session, and to committee members", async () => {
    expect(
      (await fetch(exportUrl(""), { headers: { authorization: `Bearer ${staff}` } })).status,
    ).toBe(403);
    expect((await fetch(exportUrl(""), { headers: { "x-wasl-csrf": "1" } })).status).toBe(401);
    expect(
      (
        await fetch(exportUrl(""), {
          headers: { "x-wasl-csrf": "1", authorization: `Bearer ${committee}` },
        })
      ).status,
    ).toBe(403);
  });
});

describe("requests CSV export", () => {
  const exportUrl = (query: string) => `${t.url}/export/requests.csv?${query}`;
  const csv = async (query: string, token: string) => {
    const response = await fetch(exportUrl(query), {
      headers: { "x-wasl-csrf": "1", authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return new TextDecoder().decode(bytes.slice(3)).trim().split("\r\n");
  };
  /** One CSV line's cells (quoted cells may hold commas and doubled quotes). */
  const cells = (line: string) =>
    [...line.matchAll(/("((?:[^"]|"")*)"|[^,]*)(,|$)/g)]
      .filter((m) => m.index < line.length || m[0] !== "")
      .map((m) => (m[2] === undefined ? (m[1] ?? "") : m[2].replaceAll('""', '"')));

  it("exports the filtered list's every row, in Arabic, national IDs masked without the grant", async () => {
    const lines = await csv("type=FINANCIAL_SUPPORT&lang=ar", maskedStaff);
    expect(lines[0]).toContain("الرقم المرجعي");
    expect(lines[0]).toContain("رقم الهوية");
    const total = await t.gql(
      `{ requests(first: 1, filter: { type: FINANCIAL_SUPPORT }) { totalCount } }`,
      {},
      { token: staff },
    );
    expect(lines.length - 1).toBe(total.data!.requests.totalCount);
    expect(lines.slice(1).every((l) => l.includes("دعم مالي"))).toBe(true);
    // Masked: the first digit and the last two, never a whole ten-digit ID.
    expect(lines.join("\n")).not.toMatch(/(^|,)[12]\d{9}(,|$)/m);
    expect(lines.slice(1).every((l) => /,[12]\*{7}\d{2},/.test(l))).toBe(true);
  });

  it("writes status, type and channel in the panel's words (one wording, contract/labels.ts)", async () => {
    const requests = new Map(
      (
        await t.database.prisma.request.findMany({
          where: { reference: { not: null } },
          select: { reference: true, status: true, typeCode: true, channel: true },
        })
      ).map((r) => [r.reference, r]),
    );
    for (const [lang, messages] of [
      ["ar", ar],
      ["en", en],
    ] as const) {
      const { enums } = messages.wasl;
      const rows = (await csv(`lang=${lang}`, admin)).slice(1).map(cells);
      const referenced = rows.filter((row) => requests.has(row[0] ?? ""));
      expect(referenced.length).toBe(requests.size);
      for (const row of referenced) {
        const request = requests.get(row[0] ?? "")!;
        expect(row.slice(1, 4)).toEqual([
          enums.request_status[request.status],
          enums.request_type[request.typeCode],
          enums.channel[request.channel],
        ]);
      }
    }
    // «معتمد» as the panel says, never the API's sentence word «مقبول».
    const approved = await csv("status=APPROVED&lang=ar", admin);
    expect(approved.length).toBeGreaterThan(1);
    expect(approved.slice(1).every((line) => cells(line)[1] === "معتمد")).toBe(true);
    expect(approved.join("\n")).not.toContain("مقبول");
  });

  it("searches by the member's name as the list does, and audits full IDs for admins", async () => {
    const before = await t.database.prisma.auditEntry.count({
      where: { action: "READ_PERSONAL_DATA" },
    });
    const lines = await csv(`search=${encodeURIComponent("احمد")}&lang=en`, admin);
    expect(lines[0]).toContain("National ID");
    const rows = lines.slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((l) => /(^|,)[12]\d{9},/.test(l))).toBe(true);
    const members = new Set(rows.map((l) => l.split(",")[4]));
    expect(
      await t.database.prisma.auditEntry.count({ where: { action: "READ_PERSONAL_DATA" } }),
    ).toBe(before + members.size);
    const all = await csv("lang=en", admin);
    expect(all.length - 1).toBe(await t.database.prisma.request.count());
  });

  it("defuses a cell a spreadsheet would run as a formula", async () => {
    const db = t.database.prisma;
    const request = await db.request.findFirstOrThrow({ where: { reference: { not: null } } });
    await db.request.update({ where: { id: request.id }, data: { subject: "=1+2" } });
    const lines = await csv(`reference=${request.reference}&lang=en`, staff);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",'=1+2,");
  });

  it("refuses without the CSRF header, a session or the export grant, and a malformed filter", async () => {
    const researcher = await t.signIn("researcher@wasl.demo", "Research#2026");
    expect(
      (await fetch(exportUrl(""), { headers: { authorization: `Bearer ${staff}` } })).status,
    ).toBe(403);
    expect((await fetch(exportUrl(""), { headers: { "x-wasl-csrf": "1" } })).status).toBe(401);
    for (const token of [committee, researcher])
      expect(
        (
          await fetch(exportUrl(""), {
            headers: { "x-wasl-csrf": "1", authorization: `Bearer ${token}` },
          })
        ).status,
      ).toBe(403);
    expect(
      (
        await fetch(exportUrl("assignee=not-an-id"), {
          headers: { "x-wasl-csrf": "1", authorization: `Bearer ${staff}` },
        })
      ).status,
    ).toBe(400);
  });
});
