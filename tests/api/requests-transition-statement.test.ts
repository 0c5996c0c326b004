// The transition's one statement (api/modules/requests/transition-statement.ts) against
// Prisma's calls (the reference, built here from the calls the life cycle made before the
// statement replaced them): every transition of both flows runs twice from the same state,
// each in a transaction rolled back after its rows are read, and every row written (the
// request, its timeline events, audit entries and outbox rows, the member) must be the same
// but for ids and the moment of writing; the returned request must be the same, of the same
// types. Then the walk moves on through the API's command. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffCaller } from "../../api/auth/caller.js";
import { type Db, Prisma, type PrismaClient } from "../../api/db/client.js";
import { type CommandContext, run } from "../../api/db/commands.js";
import type { Request } from "../../api/db/generated/client.js";
import type { RequestTypeCode } from "../../api/db/generated/enums.js";
import { recordAudit } from "../../api/modules/audit/service.js";
import { enqueueNotification } from "../../api/modules/notifications/outbox.js";
import { signAttestation } from "../../api/modules/requests/attestation/service.js";
import { createRequest } from "../../api/modules/requests/intake.js";
import type { RequestAction } from "../../api/modules/requests/lifecycle.js";
import { loadRequest } from "../../api/modules/requests/request-fields.js";
import {
  afterTransition,
  applyTransition,
  auditOf,
  notificationOf,
  planTransition,
  type TransitionParams,
  type TransitionPlan,
  timelineOf,
} from "../../api/modules/requests/transition.js";
import { recordTimelineEvents } from "../../api/modules/timeline/service.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff, staffCaller } from "../helpers/callers.js";
import { createMemberRecord, outsideMeeting, seedReferenceData } from "../helpers/fixtures.js";

let t: TestApp;
let db: PrismaClient;
let caller: StaffCaller;
let researcherId: string;

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  db = t.database.prisma;
  await seedReferenceData(db, { templates: true, attestation: true });
  const roles = ["ADMIN", "STAFF", "COMMITTEE_CHAIR"] as const;
  const { user } = await signInStaff(t, "all@test.sa", [...roles], { personalDataAccess: true });
  caller = staffCaller({ ...user, roles: [...roles], personalDataAccess: true });
  researcherId = (await signInStaff(t, "researcher@test.sa", ["RESEARCHER"])).user.id;
});
afterAll(() => t.close());

/** The writes of the life cycle before the statement: Prisma's calls, in their order. */
async function prismaWrites(context: CommandContext, plan: TransitionPlan) {
  const { tx } = context;
  const [written] = await tx.request.updateManyAndReturn({
    where: { id: plan.before.id, version: plan.before.version },
    data: { ...plan.data, status: plan.after.status, version: { increment: 1 } },
  });
  if (written) {
    await recordTimelineEvents(context, timelineOf(plan, written));
    await recordAudit(context, auditOf(plan, written));
  }
  const request = await afterTransition(context, plan, written);
  // The notification went out after the member's changes, read from the database.
  const notification = notificationOf(plan, request);
  if (notification) await enqueueNotification(context, notification);
  return request;
}

/** Rows of the tables a transition writes, by table, as a map id → row. */
async function rowsOf(tx: Db, requestId: string, memberId: string) {
  const byId = <Row extends { id: string }>(rows: Row[]) => new Map(rows.map((r) => [r.id, r]));
  return {
    request: byId(await tx.request.findMany({ where: { id: requestId } })),
    member: byId(await tx.member.findMany({ where: { id: memberId } })),
    timeline: byId(await tx.timelineEvent.findMany({ where: { memberId } })),
    audit: byId(
      await tx.auditEntry.findMany({
        where: { OR: [{ requestId }, { entityId: { in: [requestId, memberId] } }] },
      }),
    ),
    outbox: byId(await tx.notification.findMany({ where: { memberId } })),
  };
}

const writeTimes = new Set(["id", "at", "createdAt", "updatedAt"]);

/**
 * A row as compared: without its id and write times (the notification's due time as "at
 * once" when it is its creation time), values in a plain form that keeps their type.
 */
function comparable(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (writeTimes.has(key)) continue;
    if (key === "nextAttemptAt" && value instanceof Date && row.createdAt instanceof Date)
      out[key] = value.getTime() === row.createdAt.getTime() ? "at once" : value.toISOString();
    else if (value instanceof Prisma.Decimal) out[key] = `Decimal ${value.toString()}`;
    else if (value instanceof Date) out[key] = `Date ${value.toISOString()}`;
    else out[key] = value;
  }
  return out;
}

/** What one path wrote: the new or changed rows of each table, comparable, in a stable order. */
function written(
  before: Awaited<ReturnType<typeof rowsOf>>,
  after: Awaited<ReturnType<typeof rowsOf>>,
) {
  const changes = Object.fromEntries(
    Object.entries(after).map(([table, rows]) => {
      const old = before[table as keyof typeof before];
      const changed = [...rows.values()].filter(
        (row) => JSON.stringify(row) !== JSON.stringify(old.get(row.id)),
      );
      const sorted = changed
        .map((row) => comparable(row as Record<string, unknown>))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      return [table, sorted];
    }),
  );
  return changes as Record<keyof typeof before, Record<string, unknown>[]>;
}

const timeColumns = ["at", "createdAt", "updatedAt", "nextAttemptAt"] as const;

/**
 * The moments written by one path: every time column of a new row, and the `updatedAt` of a
 * changed one (a changed row keeps its creation time).
 */
function writtenMoments(
  before: Awaited<ReturnType<typeof rowsOf>>,
  after: Awaited<ReturnType<typeof rowsOf>>,
): Set<string> {
  const moments = new Set<string>();
  for (const [table, rows] of Object.entries(after)) {
    const old = before[table as keyof typeof before];
    for (const row of rows.values() as Iterable<Record<string, unknown>>) {
      const was = old.get(row.id as string);
      if (JSON.stringify(row) === JSON.stringify(was)) continue;
      for (const column of was ? (["updatedAt"] as const) : timeColumns) {
        const value = row[column];
        if (value instanceof Date) moments.add(`${table}.${column} ${value.toISOString()}`);
      }
    }
  }
  return moments;
}

class RolledBack extends Error {
  constructor(readonly result: unknown) {
    super("rolled back on purpose");
  }
}

/** Runs one path of a transition in a transaction rolled back after reading what it wrote. */
async function tryPath(
  path: "statement" | "prisma",
  request: { id: string; memberId: string },
  action: RequestAction,
  params: TransitionParams,
  now: Date,
) {
  try {
    await db.$transaction(async (tx) => {
      const context: CommandContext = { tx, caller, now, publicUrl: "", emit: () => {} };
      const rowsBefore = await rowsOf(tx, request.id, request.memberId);
      const before = await loadRequest(tx, caller, request.id);
      const input = { request: before, action, params };
      const returned =
        path === "statement"
          ? await applyTransition(context, input)
          : await prismaWrites(context, await planTransition(context, input));
      const rowsAfter = await rowsOf(tx, request.id, request.memberId);
      throw new RolledBack({
        returned,
        rows: written(rowsBefore, rowsAfter),
        moments: writtenMoments(rowsBefore, rowsAfter),
      });
    });
  } catch (error) {
    if (error instanceof RolledBack)
      return error.result as {
        returned: Request;
        rows: ReturnType<typeof written>;
        moments: Set<string>;
      };
    throw error;
  }
  throw new Error("unreachable");
}

/** Both paths from the same state must write the same; then the request moves on for real. */
async function step(
  request: { id: string; memberId: string },
  action: RequestAction,
  params: TransitionParams = {},
) {
  // A clock an hour behind the wall's: the statement must write the command's moment, not
  // the moment it runs (the seed replays a history that way).
  const now = new Date(Date.now() - 3_600_000);
  const statement = await tryPath("statement", request, action, params, now);
  const prisma = await tryPath("prisma", request, action, params, now);
  expect(statement.rows, action).toEqual(prisma.rows);
  const moments = [...statement.moments];
  expect(moments.length, action).toBeGreaterThan(0);
  for (const moment of moments)
    expect(moment.split(" ")[1], `${action}: ${moment}`).toBe(now.toISOString());
  expect(statement.returned.updatedAt.getTime(), action).toBe(now.getTime());
  // One row of the request, one audit entry for it, a timeline event at least.
  expect(statement.rows.request, action).toHaveLength(1);
  expect(statement.rows.timeline.length, action).toBeGreaterThan(0);
  // The returned request: the same fields, values and types as Prisma's.
  const { updatedAt: _s, ...fromStatement } = statement.returned;
  const { updatedAt: _p, ...fromPrisma } = prisma.returned;
  expect(Object.keys(fromStatement).sort()).toEqual(Object.keys(fromPrisma).sort());
  expect(comparable(fromStatement)).toEqual(comparable(fromPrisma));
  expect(statement.returned.updatedAt).toBeInstanceOf(Date);
  for (const [key, value] of Object.entries(fromPrisma))
    expect((fromStatement as Record<string, unknown>)[key]?.constructor, `${action}: ${key}`).toBe(
      value?.constructor,
    );
  const moved = await run(
    t.app.services,
    caller,
    async (context, id: string) =>
      applyTransition(context, {
        request: await loadRequest(context.tx, caller, id),
        action,
        params,
      }),
    request.id,
    { now },
  );
  expect(moved.version).toBe(
    (await db.request.findUniqueOrThrow({ where: { id: request.id } })).version,
  );
  return { statement, prisma };
}

let serial = 0;
async function member(overrides: Partial<Prisma.MemberCreateInput> = {}) {
  serial += 1;
  return createMemberRecord(db, {
    familySize: 5,
    monthlyIncome: "3200.00",
    email: `member${serial}@example.com`,
    birthDate: new Date("1985-03-01"),
    ...overrides,
  });
}

async function newRequest(
  type: RequestTypeCode,
  extra: { details?: string; amountRequested?: string; memberOverrides?: object } = {},
) {
  const owner = await member(extra.memberOverrides);
  const created = await run(t.app.services, caller, createRequest, {
    memberId: owner.id,
    type,
    channel: "IN_PERSON",
    subject: "طلب",
    description: "الأسرة تحتاج إلى مساعدة في الإيجار",
    details: extra.details,
    amountRequested: extra.amountRequested,
  });
  return { id: created.id, memberId: owner.id };
}

/** Every required document (verified) and the signed attestation, as intake completes them. */
async function completeFile(request: { id: string; memberId: string }) {
  const stored = await db.request.findUniqueOrThrow({
    where: { id: request.id },
    include: { type: true },
  });
  for (const kind of stored.type.requiredDocumentKinds)
    await db.document.create({
      data: {
        memberId: request.memberId,
        requestId: request.id,
        kind,
        fileName: `${kind}.pdf`,
        contentType: "application/pdf",
        size: 1000,
        sha256: "0".repeat(64),
        storageKey: `test/${request.id}/${kind}`,
        uploadedByActor: "USER",
        verification: "ACCEPTED",
      },
    });
  if (stored.type.attestationRequired)
    await run(t.app.services, caller, signAttestation, {
      requestId: request.id,
      method: "IN_PERSON",
    });
}

const decision = {
  reason: "استوفى الشروط",
  ...outsideMeeting,
  meetingDate: new Date("2026-01-15"),
};

describe("the committee flow", () => {
  it("submit, more information and back, referral to a researcher, withdrawal", async () => {
    const request = await newRequest("IN_KIND_SUPPORT");
    await completeFile(request);
    const submitted = await step(request, "SUBMIT");
    expect(submitted.statement.rows.outbox.length).toBeGreaterThan(0);
    expect(submitted.statement.rows.request[0]).toMatchObject({ status: "SUBMITTED" });
    const paused = await step(request, "REQUEST_MORE_INFORMATION", { note: "صورة سجل الأسرة" });
    expect(paused.statement.rows.request[0]!.clockPausedAt).not.toBeNull();
    await step(request, "RESUBMIT");
    const referred = await step(request, "REFER_TO_RESEARCHER", { researcherId });
    // The researcher's notice (in-app and e-mail) and the member's notification.
    expect(referred.statement.rows.timeline.map((e) => e.kind)).toContain("RESEARCHER_ASSIGNED");
    await step(request, "WITHDRAW", { note: "بناءً على رغبة العضو" });
  });

  it("a decision with an amount, then completion", async () => {
    const request = await newRequest("FINANCIAL_SUPPORT", { amountRequested: "2500.00" });
    await completeFile(request);
    await step(request, "SUBMIT");
    await step(request, "RAISE_TO_COMMITTEE");
    const decided = await step(request, "RECORD_DECISION", {
      ...decision,
      decision: "APPROVED",
      amountApproved: "1500.50",
    });
    expect(decided.statement.returned.amountApproved).toBeInstanceOf(Prisma.Decimal);
    expect(decided.statement.rows.request[0]).toMatchObject({
      status: "APPROVED",
      amountApproved: "Decimal 1500.5",
    });
    await step(request, "COMPLETE");
  });

  it("a decision by a committee session, without an amount: the amount requested", async () => {
    const request = await newRequest("FINANCIAL_SUPPORT", { amountRequested: "2000.00" });
    await completeFile(request);
    await step(request, "SUBMIT");
    await step(request, "RAISE_TO_COMMITTEE");
    await step(request, "RECORD_DECISION", {
      decision: "APPROVED",
      reason: "قرار الجلسة",
      decisionRecord: {
        via: "SESSION",
        sessionId: "0190f5e2-0000-7000-8000-000000000000",
        session: "3/2026",
        approve: 3,
        reject: 1,
        abstain: 0,
        chairBrokeTie: false,
      },
    });
  });

  it("a registration approved, then completed: the member becomes active", async () => {
    const request = await newRequest("MEMBERSHIP_REGISTRATION", {
      memberOverrides: { status: "APPLICANT" },
    });
    await completeFile(request);
    await step(request, "SUBMIT");
    await step(request, "RAISE_TO_COMMITTEE");
    await step(request, "RECORD_DECISION", { ...decision, decision: "APPROVED" });
    const completed = await step(request, "COMPLETE");
    expect(completed.statement.rows.member[0]).toMatchObject({ status: "ACTIVE" });
  });

  it("a rejection, then completion", async () => {
    const request = await newRequest("IN_KIND_SUPPORT");
    await completeFile(request);
    await step(request, "SUBMIT");
    await step(request, "RAISE_TO_COMMITTEE");
    await step(request, "RECORD_DECISION", { ...decision, decision: "REJECTED" });
    await step(request, "COMPLETE");
  });
});

describe("the service flow", () => {
  it("an inquiry: work started, resolved at first contact, closed", async () => {
    const request = await newRequest("INQUIRY");
    await step(request, "START_WORK");
    await step(request, "RESOLVE", { answer: "تمت الإجابة", firstContactResolution: true });
    await step(request, "CLOSE");
  });

  it("a data update resolved: the member changed, told at their new address and language", async () => {
    const request = await newRequest("DATA_UPDATE", {
      details: JSON.stringify({
        changes: { email: "new.address@example.com", preferredLanguage: "EN", district: "النرجس" },
      }),
    });
    await step(request, "START_WORK");
    const resolved = await step(request, "RESOLVE", { answer: "حُدّثت البيانات" });
    expect(resolved.statement.rows.member[0]).toMatchObject({
      email: "new.address@example.com",
    });
    expect(resolved.statement.rows.outbox.map((n) => n.address)).toContain(
      "new.address@example.com",
    );
  });

  it("a data update declined, and a complaint withdrawn", async () => {
    const update = await newRequest("DATA_UPDATE", {
      details: JSON.stringify({ changes: { district: "الملقا" } }),
    });
    await step(update, "START_WORK");
    await step(update, "RESOLVE", { answer: "لا يلزم التغيير", dataUpdateDeclined: true });
    const complaint = await newRequest("COMPLAINT");
    await step(complaint, "WITHDRAW");
  });
});
