import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../api/auth/passwords.js";
import { type Database, openDatabase } from "../../api/db/client.js";
import {
  NotificationEvent,
  type RequestStatus,
  type RequestTypeCode,
} from "../../api/db/generated/enums.js";
import { isValidNationalId, memberSearchText } from "../../api/modules/members/rules.js";
import { hashApiKey, parseApiKey } from "../../api/modules/partners/keys.js";
import { attestationStatus } from "../../api/modules/requests/attestation/service.js";
import { findGaps } from "../../api/modules/requests/completeness.js";
import { isOverdue } from "../../api/modules/requests/decision-clock.js";
import { unverifiedDocumentKinds } from "../../api/modules/requests/documents/service.js";
import { documentStorage } from "../../api/modules/requests/documents/storage.js";
import { flowOf, lifecycles } from "../../api/modules/requests/lifecycle.js";
import { hasSubmittedResearchReport } from "../../api/modules/requests/research/service.js";
import { rulesOf } from "../../api/modules/requests/rules.js";
import { normaliseArabic, searchWords } from "../../api/shared/arabic.js";
import {
  demoAccounts,
  demoPartner,
  disabledDemoAccount,
  isDatabaseEmpty,
  requestTypeCatalogue,
  type SeedSummary,
  seedDemo,
  seedLarge,
  statusesForType,
} from "../../prisma/seed/index.js";
import { seedArticles } from "../../prisma/seed/knowledge.js";
import { surveyedRequestTypes } from "../../prisma/seed/survey-responses.js";
import { isWorkingTime, staffWrittenMoments } from "./working-hours.js";

// A fixed reference date: the same seed and date must give the same data.
const now = new Date("2026-11-20T09:00:00Z");
const dayMs = 86_400_000;

type RequestRow = {
  id: string;
  reference: string | null;
  typeCode: RequestTypeCode;
  status: RequestStatus;
  submittedAt: Date | null;
  decisionDueAt: Date | null;
};

/** Checks references are REQ-<year of submission>-<6 digits>, gapless per year in submission order. */
function expectGaplessReferences(requests: RequestRow[]) {
  const byYear = new Map<number, RequestRow[]>();
  for (const r of requests) {
    if (r.status === "DRAFT") {
      expect(r.reference).toBeNull();
      continue;
    }
    expect(r.reference).toMatch(/^REQ-\d{4}-\d{6}$/);
    expect(r.submittedAt).not.toBeNull();
    const year = r.submittedAt!.getUTCFullYear();
    expect(r.reference!.slice(4, 8)).toBe(String(year));
    byYear.set(year, [...(byYear.get(year) ?? []), r]);
  }
  const serials = new Map<number, number>();
  for (const [year, rows] of byYear) {
    rows.sort(
      (a, b) =>
        a.submittedAt!.getTime() - b.submittedAt!.getTime() ||
        a.reference!.localeCompare(b.reference!),
    );
    expect(rows.map((r) => r.reference)).toEqual(
      rows.map((_, i) => `REQ-${year}-${String(i + 1).padStart(6, "0")}`),
    );
    serials.set(year, rows.length);
  }
  return serials;
}

describe("seedDemo", () => {
  let db: Database;
  let summary: SeedSummary;
  // The documents' bytes go to a real directory, as the server's uploads do.
  const dataDir = mkdtempSync(join(tmpdir(), "wasl-seed-"));

  beforeAll(async () => {
    db = await openDatabase({ dataDir: "memory://" });
    expect(await isDatabaseEmpty(db.prisma)).toBe(true);
    summary = await seedDemo(db.prisma, {
      now,
      storage: documentStorage({ dataDir }),
      outbox: true,
    });
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Speed is measured by benchmarks, not asserted here: a busy CI machine would fail a timer.
  it("creates 300 members and 1,000 requests", async () => {
    expect(summary.members).toBe(300);
    expect(summary.requests).toBe(1000);
    expect(await db.prisma.member.count()).toBe(300);
    expect(await db.prisma.request.count()).toBe(1000);
    expect(await isDatabaseEmpty(db.prisma)).toBe(false);
  });

  it("gives every member a valid unique national ID, a Saudi mobile and the right searchText", async () => {
    const members = await db.prisma.member.findMany({ orderBy: { memberNumber: "asc" } });
    expect(new Set(members.map((m) => m.nationalId)).size).toBe(members.length);
    expect(new Set(members.map((m) => m.mobile)).size).toBe(members.length);
    for (const m of members) {
      expect(isValidNationalId(m.nationalId), m.nationalId).toBe(true);
      expect(m.mobile).toMatch(/^\+9665\d{8}$/);
      expect(m.searchText).toBe(memberSearchText(m));
      expect(m.consentGiven).toBe(true);
      expect(m.consentAt).not.toBeNull();
      expect(m.registeredAt === null).toBe(m.status === "APPLICANT");
    }
    expect(members.map((m) => m.memberNumber)).toEqual(
      members.map((_, i) => `M-${String(i + 1).padStart(6, "0")}`),
    );
    expect(members.some((m) => m.nationalId.startsWith("2"))).toBe(true);
    expect(new Set(members.map((m) => m.status))).toEqual(
      new Set(["ACTIVE", "APPLICANT", "SUSPENDED", "ENDED"]),
    );
    const counter = await db.prisma.counter.findUnique({
      where: { scope_year: { scope: "member", year: 0 } },
    });
    expect(counter?.value).toBe(300);
  });

  it("has «أحمد محمد عبدالله القحطاني» as the first member, found by «احمد»", async () => {
    const first = await db.prisma.member.findUnique({ where: { memberNumber: "M-000001" } });
    expect(first?.fullNameAr).toBe("أحمد محمد عبدالله القحطاني");
    const found = await db.prisma.member.findMany({
      where: { searchText: { contains: normaliseArabic("احمد محمد عبدالله") } },
    });
    expect(found.map((m) => m.id)).toContain(first!.id);
  });

  it("keeps every request in a status of its type's life cycle, with consistent dates", async () => {
    const requests = await db.prisma.request.findMany();
    for (const r of requests) {
      expect(statusesForType(r.typeCode), `${r.typeCode} ${r.status}`).toContain(r.status);
      if (r.submittedAt) {
        // Two weeks from submission, moved on by any time the clock stood still waiting for
        // information (RESUME_CLOCK; the replay test checks the exact moment).
        expect(r.decisionDueAt!.getTime() - r.submittedAt.getTime()).toBeGreaterThanOrEqual(
          14 * dayMs,
        );
        expect(r.submittedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      }
      if (["APPROVED", "REJECTED", "COMPLETED"].includes(r.status)) {
        expect(r.decidedAt).not.toBeNull();
        expect(r.decisionReason).toBeTruthy();
        expect(r.decision).toBe(r.status === "REJECTED" ? "REJECTED" : "APPROVED");
      }
      if (r.status === "COMPLETED") expect(r.completedAt).not.toBeNull();
      if (r.status === "RESOLVED" || r.status === "CLOSED") {
        expect(r.resolvedAt).not.toBeNull();
        expect(r.answer).toBeTruthy();
      }
      if (r.typeCode === "FINANCIAL_SUPPORT") expect(r.amountRequested).not.toBeNull();
      if (r.channel === "LETTER") expect(r.incomingLetterNumber).toMatch(/^و-14\d\d-\d{6}$/);
      expect(r.partnerId !== null).toBe(r.channel === "PARTNER");
      if (r.status === "WITH_RESEARCHER") expect(r.researcherId).not.toBeNull();
    }
    expect(new Set(requests.map((r) => r.typeCode)).size).toBe(7);
    expect(new Set(requests.map((r) => r.channel)).size).toBe(6);
    const open = ["SUBMITTED", "NEEDS_INFO", "WITH_RESEARCHER", "IN_COMMITTEE", "IN_PROGRESS"];
    const overdueNow = requests.filter((r) => open.includes(r.status) && r.decisionDueAt! < now);
    const decidedLate = requests.filter((r) => r.decidedAt && r.decidedAt > r.decisionDueAt!);
    expect(overdueNow.length).toBeGreaterThan(0);
    expect(decidedLate.length).toBeGreaterThan(0);
    expect(requests.some((r) => r.firstContactResolution)).toBe(true);
  });

  it("numbers references gaplessly per year in submission order, matching the counters", async () => {
    const requests = await db.prisma.request.findMany();
    const references = requests.flatMap((r) => (r.reference ? [r.reference] : []));
    expect(new Set(references).size).toBe(references.length);
    const serials = expectGaplessReferences(requests);
    const counters = await db.prisma.counter.findMany({ where: { scope: "request" } });
    expect(new Map(counters.map((c) => [c.year, c.value]))).toEqual(serials);
  });

  it("records a timeline that walks each request to its current status", async () => {
    const requests = await db.prisma.request.findMany({
      // As the API lists it: by moment, then id (a service request is created and submitted
      // by one command, at one moment).
      include: { timelineEvents: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
    });
    for (const r of requests) {
      const events = r.timelineEvents.filter(
        (e) => e.kind === "REQUEST_CREATED" || e.kind === "STATUS_CHANGED",
      );
      expect(events[0]?.kind).toBe("REQUEST_CREATED");
      let status = events[0]!.toStatus;
      for (const e of events.slice(1)) {
        expect(e.fromStatus).toBe(status);
        status = e.toStatus;
      }
      expect(status).toBe(r.status);
      if (r.decision)
        expect(r.timelineEvents.some((e) => e.kind === "DECISION_RECORDED")).toBe(true);
    }
  });

  it("moves every request only by transitions of its life cycle", async () => {
    const requests = await db.prisma.request.findMany({
      include: { type: true, timelineEvents: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
    });
    for (const r of requests) {
      const table = lifecycles[flowOf(r.type.committeeDecides)];
      const moves = r.timelineEvents.filter((e) => e.kind === "STATUS_CHANGED");
      for (const e of moves) {
        const legal = table.some(
          (t) =>
            t.from.includes(e.fromStatus!) &&
            (t.to === e.toStatus ||
              (t.to === "DECISION" && ["APPROVED", "REJECTED"].includes(e.toStatus!))),
        );
        expect(legal, `${r.reference} ${e.fromStatus} → ${e.toStatus}`).toBe(true);
      }
    }
  });

  it("gives each committee request the file its guards need at every step it took", async () => {
    const requests = await db.prisma.request.findMany({
      where: { type: { committeeDecides: true }, status: { not: "DRAFT" } },
      include: { member: true, type: true, timelineEvents: true },
    });
    expect(requests.length).toBeGreaterThan(300);
    for (const r of requests) {
      const rules = rulesOf(r.type);
      // Submitted and raised only complete (COMPLETE_BY_CURRENT_RULES, COMPLETE_BY_SNAPSHOT);
      // an approved registration made the applicant a member since, as it should.
      const gaps = (await findGaps(db.prisma, r, rules)).filter(
        (g) => !(r.decision === "APPROVED" && g.messageKey === "requests.gap.alreadyMember"),
      );
      expect(gaps, r.reference!).toEqual([]);
      expect(await attestationStatus(db.prisma, r.id)).toBe("SIGNED");
      const moved = (status: string) => r.timelineEvents.some((e) => e.toStatus === status);
      // RESEARCH_REPORT_IF_REFERRED
      if (r.researcherId && moved("IN_COMMITTEE"))
        expect(await hasSubmittedResearchReport(db.prisma, r.id), r.reference!).toBe(true);
      // DOCUMENTS_VERIFIED_IF_APPROVED
      if (r.status === "COMPLETED")
        expect(await unverifiedDocumentKinds(db.prisma, r.id, rules.requiredDocumentKinds)).toEqual(
          [],
        );
    }
    // Every document's bytes are where the download reads them.
    const storage = documentStorage({ dataDir });
    const documents = await db.prisma.document.findMany({ take: 20 });
    expect(documents.length).toBe(20);
    for (const d of documents) expect((await storage.get(d.storageKey))?.size).toBe(d.size);
  });

  // A staff member typing at 03:00 or on a Friday is not what an association sees: whatever a
  // user wrote (the audit log's user entries, the timeline's events with a user, documents,
  // signatures recorded at the desk, research reports, communications, letters, members,
  // requests taken in at the desk) falls in working hours. Members' and partners' own acts
  // (an online signature, a partner's submission) may fall at any hour.
  it("dates everything a staff member wrote within working hours, Sunday to Thursday in Riyadh", async () => {
    const written = await staffWrittenMoments(db.prisma);
    expect(written.length).toBeGreaterThan(20_000);
    const outside = written
      .filter((row) => !isWorkingTime(row.at))
      .map((row) => `${row.what} ${row.at.toISOString()} ${row.label}`);
    expect(outside).toEqual([]);
  });

  it("has the four spellings of «أحمد», all found by searching one of them", async () => {
    const found = await db.prisma.member.findMany({
      where: { searchText: { contains: normaliseArabic("إحمد") } },
      select: { fullNameAr: true },
    });
    const firstNames = new Set(found.map((m) => m.fullNameAr.split(" ")[0]));
    for (const spelling of ["أحمد", "إحمد", "آحمد", "احمد"]) expect(firstNames).toContain(spelling);
  });

  it("creates the demo accounts with working argon2 passwords", async () => {
    for (const account of [...demoAccounts, disabledDemoAccount]) {
      const user = await db.prisma.user.findUnique({ where: { email: account.email } });
      expect(user, account.email).not.toBeNull();
      expect(user!.roles).toEqual(account.roles);
      expect(user!.disabled).toBe(account.disabled ?? false);
      expect(await verifyPassword(user!.passwordHash, account.password)).toBe(true);
    }
  });

  it("creates the rules, templates, survey, articles, settings and partner key", async () => {
    const types = await db.prisma.requestType.findMany();
    expect(types.map((t) => t.code).sort()).toEqual(requestTypeCatalogue.map((t) => t.code).sort());
    const financial = types.find((t) => t.code === "FINANCIAL_SUPPORT")!;
    expect(financial.involvesMoney).toBe(true);
    expect(financial.requiredDocumentKinds).toEqual([
      "NATIONAL_ID_COPY",
      "FAMILY_CARD",
      "INCOME_PROOF",
      "BANK_IBAN_LETTER",
    ]);
    expect(
      types
        .filter((t) => t.committeeDecides)
        .map((t) => t.code)
        .sort(),
    ).toEqual(["FINANCIAL_SUPPORT", "IN_KIND_SUPPORT", "MEMBERSHIP_REGISTRATION"]);
    expect(await db.prisma.attestationText.count({ where: { textVersion: 1 } })).toBe(1);
    // Every event by e-mail, and by SMS (members) or in the panel (staff reminders); a
    // partner's webhook has no template (its payload is JSON).
    expect(await db.prisma.notificationTemplate.count()).toBe(
      (Object.keys(NotificationEvent).length - 1) * 2,
    );
    const survey = await db.prisma.survey.findFirstOrThrow({ include: { questions: true } });
    expect(survey.anonymous).toBe(true);
    expect(survey.questions.map((q) => q.type).sort()).toEqual([
      "FREE_TEXT",
      "NPS",
      "RATING",
      "RATING",
    ]);
    // Written through the knowledge commands: searchable, revised, published but for drafts.
    for (const a of await db.prisma.article.findMany({ include: { revisions: true } })) {
      expect(a.searchTitle).toBe(searchWords(`${a.titleAr} ${a.titleEn ?? ""}`).join(" "));
      expect(a.status).toBe(
        seedArticles.find((s) => s.slug === a.slug)?.draft ? "DRAFT" : "PUBLISHED",
      );
      expect(a.revisions.map((r) => r.version).sort()).toEqual(a.status === "DRAFT" ? [1] : [1, 2]);
    }
    const rule = await db.prisma.setting.findUniqueOrThrow({ where: { key: "decisionRule" } });
    expect(rule.value).toEqual({
      quorum: "MAJORITY_OF_COMMITTEE_PRESENT",
      outcome: "MAJORITY_OF_NON_ABSTAINING",
      tieBreak: "CHAIR",
    });
    expect(parseApiKey(demoPartner.apiKey)).toEqual({ prefix: "demo0001" });
    const key = await db.prisma.apiKey.findUniqueOrThrow({ where: { prefix: "demo0001" } });
    expect(key.keyHash).toBe(hashApiKey(demoPartner.apiKey));
    expect(key.scopes.sort()).toEqual(["MEMBERSHIP_VERIFY", "REQUESTS_READ", "STATS_READ"]);
    // Numbered as the register numbers them, on the counters the API goes on from.
    const letters = await db.prisma.letter.findMany({
      orderBy: [{ year: "desc" }, { serial: "desc" }],
    });
    expect(letters.some((l) => /^ص-14\d\d-\d{6}$/.test(l.registerNumber))).toBe(true);
    expect(letters.some((l) => /^و-14\d\d-\d{6}$/.test(l.registerNumber))).toBe(true);
    const latestOut = letters.find((l) => l.direction === "OUTGOING")!;
    const counter = await db.prisma.counter.findUniqueOrThrow({
      where: { scope_year: { scope: "LETTER_OUTGOING", year: latestOut.year } },
    });
    expect(counter.value).toBe(latestOut.serial);
    expect(await db.prisma.communication.count()).toBeGreaterThan(10);
  });

  it("schedules the demo committee session through the commands, with requests on its agenda", async () => {
    const sessions = await db.prisma.committeeSession.findMany({
      include: {
        chair: true,
        attendance: { include: { user: true } },
        agenda: { include: { request: true }, orderBy: { position: "asc" } },
      },
    });
    expect(sessions).toHaveLength(1);
    const [session] = sessions;
    expect(session!.status).toBe("SCHEDULED");
    expect(session!.chair.email).toBe("chair@wasl.demo");
    expect(session!.attendance.map((a) => a.user.email).sort()).toEqual([
      "chair@wasl.demo",
      "committee1@wasl.demo",
      "committee2@wasl.demo",
    ]);
    // Two working days after the seed's "now" (a Friday): Sunday and Monday, at 10:00 Riyadh.
    expect(session!.scheduledAt.toISOString()).toBe("2026-11-23T07:00:00.000Z");
    const waiting = await db.prisma.request.findMany({
      where: { status: "IN_COMMITTEE" },
      orderBy: { reference: "asc" },
      take: 3,
    });
    expect(waiting.length).toBeGreaterThan(0);
    expect(session!.agenda.map((i) => [i.position, i.status, i.request.reference])).toEqual(
      waiting.map((r, i) => [i + 1, "PENDING", r.reference]),
    );
    // As the commands write it: the requests' timelines and the audit log say so.
    for (const item of session!.agenda) {
      expect(
        await db.prisma.timelineEvent.count({
          where: { requestId: item.requestId, kind: "ADDED_TO_AGENDA" },
        }),
      ).toBe(1);
    }
    expect(
      await db.prisma.auditEntry.count({
        where: { entityType: "CommitteeSession", entityId: session!.id, action: "CREATE" },
      }),
    ).toBe(1);
  });

  it("gives the CSAT survey its service types and anonymous responses to show figures", async () => {
    const survey = await db.prisma.survey.findFirstOrThrow();
    expect([...survey.requestTypeCodes].sort()).toEqual([...surveyedRequestTypes].sort());
    expect(survey.requestTypeCodes).not.toContain("MEMBERSHIP_REGISTRATION");
    const responses = await db.prisma.surveyResponse.findMany({ include: { answers: true } });
    expect(responses.length).toBe(summary.surveyResponses);
    expect(responses.length).toBeGreaterThanOrEqual(30);
    // Anonymous: nothing that names a person or a request, nor the moment.
    for (const r of responses) {
      expect(r).toMatchObject({ memberId: null, requestId: null, followUp: null });
      expect(r.month.getUTCDate()).toBe(1);
      expect(r.answers.filter((a) => a.rating !== null).length).toBe(3);
    }
    expect(new Set(responses.map((r) => r.month.toISOString())).size).toBeGreaterThanOrEqual(3);
    expect(new Set(responses.map((r) => r.channel)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(responses.map((r) => r.requestTypeCode)).size).toBeGreaterThanOrEqual(3);
    expect(responses.every((r) => surveyedRequestTypes.includes(r.requestTypeCode!))).toBe(true);
    // Every response answers an invitation sent for a finished request of the survey's types.
    const invitations = await db.prisma.surveyInvitation.findMany({ include: { request: true } });
    expect(invitations.filter((i) => i.status === "ANSWERED").length).toBe(responses.length);
    for (const i of invitations) {
      expect(["COMPLETED", "RESOLVED", "CLOSED"]).toContain(i.request?.status);
      expect(i.answeredAt).toBeNull();
    }
  });

  it("refuses to seed a database that already has data", async () => {
    await expect(seedDemo(db.prisma, { now })).rejects.toThrow(/empty database/);
  });

  it("gives the same data for the same seed, whatever the hour of the day it runs", async () => {
    const other = await openDatabase({ dataDir: "memory://" });
    const otherDir = mkdtempSync(join(tmpdir(), "wasl-seed-"));
    try {
      // 22:45 in Riyadh on the same day as `now` (12:00 there): the same demo, state by state.
      await seedDemo(other.prisma, {
        now: new Date("2026-11-20T19:45:00Z"),
        storage: documentStorage({ dataDir: otherDir }),
        outbox: true,
      });
      const pick = (d: Database) =>
        d.prisma.member.findMany({
          orderBy: { memberNumber: "asc" },
          select: {
            memberNumber: true,
            fullNameAr: true,
            nationalId: true,
            mobile: true,
            status: true,
          },
        });
      expect(await pick(other)).toEqual(await pick(db));
      const requests = (d: Database) =>
        d.prisma.request.findMany({
          where: { reference: { not: null } },
          orderBy: { reference: "asc" },
          select: {
            reference: true,
            status: true,
            typeCode: true,
            subject: true,
            submittedAt: true,
          },
        });
      expect(await requests(other)).toEqual(await requests(db));
      const agenda = (d: Database) =>
        d.prisma.agendaItem.findMany({
          orderBy: { position: "asc" },
          select: { position: true, request: { select: { reference: true } } },
        });
      expect(await agenda(other)).toEqual(await agenda(db));
      const responses = (d: Database) =>
        d.prisma.surveyResponse.findMany({
          orderBy: { id: "asc" },
          select: {
            id: true,
            requestTypeCode: true,
            channel: true,
            month: true,
            answers: { orderBy: { id: "asc" }, select: { rating: true, text: true } },
          },
        });
      expect(await responses(other)).toEqual(await responses(db));
      // What the seed's commands wrote is dated by the seed's clock, not by the hour it ran.
      const commandRows = async (d: Database) => ({
        audit: await d.prisma.auditEntry.findMany({
          orderBy: [{ at: "asc" }, { entityType: "asc" }, { action: "asc" }],
          select: { action: true, entityType: true, at: true },
        }),
        sessions: await d.prisma.committeeSession.findMany({
          select: { createdAt: true, updatedAt: true },
        }),
        articles: await d.prisma.article.findMany({
          orderBy: { slug: "asc" },
          select: { slug: true, createdAt: true, updatedAt: true },
        }),
        outbox: await d.prisma.notification.findMany({
          orderBy: [{ createdAt: "asc" }, { event: "asc" }, { channel: "asc" }, { address: "asc" }],
          select: { event: true, channel: true, createdAt: true, sentAt: true, readAt: true },
        }),
        agendaEvents: await d.prisma.timelineEvent.findMany({
          where: { kind: "ADDED_TO_AGENDA" },
          orderBy: { requestId: "asc" },
          select: { at: true },
        }),
      });
      const written = await commandRows(db);
      expect(written.audit.length).toBeGreaterThan(0);
      expect(await commandRows(other)).toEqual(written);
    } finally {
      await other.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  // The desk's overdue list must show something whatever day the demo is opened, in the browser
  // tests' small demo too (their overdue filter found none on a Friday before this).
  it("leaves requests past their decision date on any day of the week", async () => {
    for (let day = 0; day < 7; day++) {
      const at = new Date(now.getTime() + day * dayMs);
      const small = await openDatabase({ dataDir: "memory://" });
      try {
        await seedDemo(small.prisma, { now: at, members: 60, requests: 150 });
        const open = await small.prisma.request.findMany({
          select: { status: true, decisionDueAt: true, clockPausedAt: true },
        });
        const overdue = open.filter((r) => isOverdue(r, at));
        expect(overdue.length, at.toISOString()).toBeGreaterThanOrEqual(2);
      } finally {
        await small.close();
      }
    }
  });
});

describe("seedLarge", () => {
  let db: Database;

  beforeAll(async () => {
    db = await openDatabase({ dataDir: "memory://" });
  });
  afterAll(async () => {
    await db?.close();
  });

  it("seeds the demo first, then adds valid members and requests", async () => {
    const result = await seedLarge(db.prisma, { members: 2000, requests: 20_000, now });
    expect(result.demoSeeded).toBe(true);
    expect(await db.prisma.member.count()).toBe(2300);
    expect(await db.prisma.request.count()).toBe(21_000);

    const members = await db.prisma.member.findMany();
    expect(new Set(members.map((m) => m.nationalId)).size).toBe(members.length);
    expect(new Set(members.map((m) => m.mobile)).size).toBe(members.length);
    expect(new Set(members.map((m) => m.memberNumber)).size).toBe(members.length);
    for (const m of members) {
      expect(isValidNationalId(m.nationalId), m.nationalId).toBe(true);
      expect(m.mobile).toMatch(/^\+9665\d{8}$/);
      expect(m.searchText).toBe(memberSearchText(m));
    }
    const memberCounter = await db.prisma.counter.findUniqueOrThrow({
      where: { scope_year: { scope: "member", year: 0 } },
    });
    expect(memberCounter.value).toBe(2300);

    const requests = await db.prisma.request.findMany({
      select: {
        id: true,
        reference: true,
        typeCode: true,
        status: true,
        submittedAt: true,
        decisionDueAt: true,
      },
    });
    for (const r of requests) {
      expect(statusesForType(r.typeCode), `${r.typeCode} ${r.status}`).toContain(r.status);
      // Two weeks, or more where the demo's clock stood still waiting for information.
      if (r.submittedAt)
        expect(r.decisionDueAt!.getTime() - r.submittedAt.getTime()).toBeGreaterThanOrEqual(
          14 * dayMs,
        );
    }
    const references = requests.flatMap((r) => (r.reference ? [r.reference] : []));
    expect(new Set(references).size).toBe(references.length);
    const counters = await db.prisma.counter.findMany({ where: { scope: "request" } });
    for (const c of counters) {
      const max = references
        .filter((ref) => ref.startsWith(`REQ-${c.year}-`))
        .reduce((m, ref) => Math.max(m, Number(ref.slice(9))), 0);
      expect(c.value).toBe(max);
      expect(references.filter((ref) => ref.startsWith(`REQ-${c.year}-`)).length).toBe(max); // no gaps
    }
    const [inconsistent] = await db.prisma.$queryRawUnsafe<{ n: number }[]>(`
      SELECT count(*)::int AS n FROM "Request"
      WHERE ("decidedAt" IS NOT NULL AND "decidedAt" > '${now.toISOString()}')
         OR ("completedAt" IS NOT NULL AND "completedAt" < "decidedAt")
         OR ("status" IN ('RESOLVED', 'CLOSED') AND "answer" IS NULL)
         OR ("channel" = 'PARTNER' AND "partnerId" IS NULL)`);
    expect(inconsistent?.n).toBe(0);
  });

  it("continues numbering when run again", async () => {
    await seedLarge(db.prisma, { members: 300, requests: 1000, now });
    const members = await db.prisma.member.findMany({ select: { nationalId: true, mobile: true } });
    expect(members.length).toBe(2600);
    expect(new Set(members.map((m) => m.nationalId)).size).toBe(2600);
    expect(new Set(members.map((m) => m.mobile)).size).toBe(2600);
    const references = await db.prisma.request.findMany({
      where: { reference: { not: null } },
      select: { reference: true },
    });
    expect(new Set(references.map((r) => r.reference)).size).toBe(references.length);
  });
});
