// The letters register: numbers per direction and Hijri year with no gap under 50
// concurrent registrations (and none left by a failed one), a letter about a member on their
// communications log, an outgoing letter written from a template, printable Arabic HTML, the
// register's filters, and who may register.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../api/db/commands.js";
import { hijriYearOf, registerLetter } from "../../api/modules/communications/letters.js";
import type { StoredUpload } from "../../api/modules/requests/documents/service.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff, staffCaller } from "../helpers/callers.js";
import { createMemberRecord, seedReferenceData, takeInInquiry } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
const tokens: Record<string, string> = {};
let staff: ReturnType<typeof staffCaller>;

const registerMutation = `mutation($input: RegisterLetterInput!) { registerLetter(input: $input) {
  __typename
  ... on RegisterLetterSuccess { letter { id registerNumber direction year serial body printableHtml
    member { id } request { id } } }
  ... on ValidationError { fieldErrors { path message } }
  ... on Error { code message } } }`;

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  const db = t.database.prisma;
  await seedReferenceData(db, { templates: true });
  const desk = await signInStaff(t, "desk@letters.sa", ["STAFF"]);
  tokens.staff = desk.token;
  staff = staffCaller(desk.user);
  tokens.researcher = (await signInStaff(t, "r@letters.sa", ["RESEARCHER"])).token;
});

afterAll(() => t?.close());

describe("numbering", () => {
  it("numbers 50 concurrent registrations 1 to 50 with no gap, a failed one giving its number back", async () => {
    const member = await createMemberRecord(t.database.prisma);
    const letterDate = new Date("2026-12-03T00:00:00Z");
    const year = hijriYearOf(letterDate);
    expect(year).toBe(1448);
    const register = (
      n: number,
      scan?: StoredUpload,
      direction: "OUTGOING" | "INCOMING" = "OUTGOING",
    ) =>
      run(t.app.services, staff, registerLetter, {
        direction,
        letterDate,
        correspondent: `جهة ${n}`,
        subject: `خطاب ${n}`,
        memberId: n % 2 ? member.id : undefined,
        scan,
        publicUrl: "http://wasl.test",
      });
    // A scan already filed on an incoming letter: filing its key again fails at the letter's
    // own insert, after the member's log was written and the number taken.
    const scan: StoredUpload = {
      fileName: "scan.pdf",
      contentType: "application/pdf",
      size: 1,
      sha256: "0".repeat(64),
      storageKey: "2026-12/0190a000-0000-7000-8000-000000000000",
    };
    await register(98, scan, "INCOMING");
    const results = await Promise.allSettled([
      ...Array.from({ length: 25 }, (_, i) => register(i)),
      // Fails last of all its writes: the whole registration rolls back, its number with it.
      register(99, scan),
      ...Array.from({ length: 25 }, (_, i) => register(25 + i)),
    ]);
    const failed = results.filter((r) => r.status === "rejected");
    expect(
      failed,
      failed
        .map((f) => String((f as PromiseRejectedResult).reason))
        .join("\n")
        .slice(0, 1500),
    ).toHaveLength(1);
    expect(String((failed[0] as PromiseRejectedResult).reason)).toMatch(/scanStorageKey/);
    const letters = await t.database.prisma.letter.findMany({
      where: { direction: "OUTGOING", year },
      orderBy: { serial: "asc" },
    });
    expect(letters.map((l) => l.serial)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(letters[0]!.registerNumber).toBe("ص-1448-000001");
    expect(letters[49]!.registerNumber).toBe("ص-1448-000050");
    // The failed one left no communication behind either.
    expect(await t.database.prisma.communication.count({ where: { subject: "خطاب 99" } })).toBe(0);
  });
});

describe("registering through the API", () => {
  it("logs an incoming letter about a member on their communications and prints it", async () => {
    const member = await createMemberRecord(t.database.prisma, { fullNameAr: "سلمان العتيبي" });
    const result = await t.gql<Json>(
      registerMutation,
      {
        input: {
          direction: "INCOMING",
          letterDate: "2026-12-01",
          correspondent: "الضمان الاجتماعي",
          subject: "إفادة بحالة العضو",
          member: gid("Member", member.id),
        },
      },
      { token: tokens.staff },
    );
    const letter = result.data?.registerLetter.letter;
    expect(letter.registerNumber).toMatch(/^و-1448-\d{6}$/);
    const logged = await t.database.prisma.communication.findFirstOrThrow({
      where: { memberId: member.id },
      include: { letter: true },
    });
    expect(logged).toMatchObject({ channel: "LETTER", direction: "INBOUND" });
    expect(logged.letter?.registerNumber).toBe(letter.registerNumber);
    expect(letter.printableHtml).toContain('dir="rtl"');
    expect(letter.printableHtml).toContain(letter.registerNumber);
    expect(letter.printableHtml).toContain("جمادى الآخرة 1448 هـ");
    expect(letter.printableHtml).toContain("ديسمبر 2026 م");
    expect(letter.printableHtml).toContain("سلمان العتيبي");
  });

  it("writes an outgoing letter from a template for the request's member", async () => {
    const member = await createMemberRecord(t.database.prisma, { fullNameAr: "ريم الدوسري" });
    const request = await takeInInquiry(t, tokens.staff!, member.id);
    const result = await t.gql<Json>(
      registerMutation,
      {
        input: {
          direction: "OUTGOING",
          correspondent: "ريم الدوسري",
          subject: "إفادة باستلام الطلب",
          request: request.id,
          template: "REQUEST_SUBMITTED",
        },
      },
      { token: tokens.staff },
    );
    const letter = result.data?.registerLetter.letter;
    expect(letter, JSON.stringify(result)).toBeDefined();
    expect(letter.body).toContain(request.reference);
    expect(letter.body).toContain("ريم الدوسري");
    expect(letter.printableHtml).toContain("التوقيع");
    expect(letter.request.id).toBe(request.id);
  });

  it("refuses a template for an incoming letter, naming the field", async () => {
    const result = await t.gql<Json>(
      registerMutation,
      {
        input: {
          direction: "INCOMING",
          correspondent: "جهة",
          subject: "موضوع",
          template: "DECIDED",
        },
      },
      { token: tokens.staff, language: "en" },
    );
    expect(result.data?.registerLetter.fieldErrors).toEqual([
      { path: ["input", "template"], message: expect.stringContaining("outgoing") },
    ]);
  });

  it("searches and filters the register", async () => {
    const query = `query($filter: LetterFilter) { letters(first: 100, filter: $filter) {
      totalCount edges { node { registerNumber subject } } } }`;
    const incoming = await t.gql<Json>(
      query,
      { filter: { direction: "INCOMING" } },
      { token: tokens.staff },
    );
    // The one about a member, and the one whose scan another could not file again.
    expect(incoming.data?.letters.totalCount).toBe(2);
    const bySubject = await t.gql<Json>(
      query,
      { filter: { search: "خطاب 7" } },
      { token: tokens.staff },
    );
    expect(bySubject.data?.letters.edges.map((e: Json) => e.node.subject)).toEqual(["خطاب 7"]);
    const byNumber = await t.gql<Json>(
      query,
      { filter: { search: "ص-1448-000050" } },
      { token: tokens.staff },
    );
    expect(byNumber.data?.letters.totalCount).toBe(1);
  });

  it("is not for a researcher", async () => {
    const result = await t.gql<Json>(
      registerMutation,
      { input: { direction: "INCOMING", correspondent: "جهة", subject: "موضوع" } },
      { token: tokens.researcher },
    );
    expect(result.data?.registerLetter ?? result.errors?.[0]?.extensions).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await t.database.prisma.letter.count({ where: { direction: "INCOMING" } })).toBe(2);
  });
});
