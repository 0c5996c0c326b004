// A command run with a given clock writes that moment, and only that one: a committee case
// taken from the member's registration to its completion, command by command, each step at a
// moment months ago (as a history replayed through the API's commands would be), leaves no
// row of the case dated today. Also prints what each kind of command costs on this engine,
// the figure that decides whether the demo's whole history (prisma/seed) can be replayed at
// every first start. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffCaller } from "../../api/auth/caller.js";
import type { PrismaClient } from "../../api/db/client.js";
import { type Command, run } from "../../api/db/commands.js";
import { recordCommunication } from "../../api/modules/communications/service.js";
import { createMember } from "../../api/modules/members/service.js";
import { signAttestation } from "../../api/modules/requests/attestation/service.js";
import { attachDocument, verifyDocument } from "../../api/modules/requests/documents/service.js";
import { createRequest } from "../../api/modules/requests/intake.js";
import {
  saveResearchReport,
  submitResearchReport,
} from "../../api/modules/requests/research/service.js";
import { transitionRequest } from "../../api/modules/requests/transition.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { staffCaller } from "../helpers/callers.js";
import { createStaffUser, memberInput, seedReferenceData } from "../helpers/fixtures.js";

let t: TestApp;
let db: PrismaClient;
let staff: StaffCaller;
let researcher: StaffCaller;
let chair: StaffCaller;

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  db = t.database.prisma;
  await seedReferenceData(db, { templates: true, attestation: true });
  const user = async (email: string, roles: StaffCaller["roles"]) =>
    staffCaller({
      ...(await createStaffUser(db, email, roles, { personalDataAccess: true })),
      personalDataAccess: true,
    });
  staff = await user("staff@test.sa", ["STAFF"]);
  researcher = await user("researcher@test.sa", ["RESEARCHER"]);
  chair = await user("chair@test.sa", ["COMMITTEE_MEMBER", "COMMITTEE_CHAIR"]);
});
afterAll(() => t.close());

const dayMs = 86_400_000;

describe("a command's clock", () => {
  it("dates every row of a case replayed command by command at its step's moment", async () => {
    const startedAt = Date.now();
    // Office hours 200 days ago, then a step every day or two.
    let clock = new Date(Math.floor((startedAt - 200 * dayMs) / dayMs) * dayMs + 7 * 3_600_000);
    const moments = new Set<number>();
    const costs = new Map<string, number[]>();
    const step = async <Input, Result>(
      name: string,
      caller: StaffCaller,
      command: Command<Input, Result>,
      input: Input,
    ): Promise<Result> => {
      clock = new Date(clock.getTime() + 1.5 * dayMs);
      moments.add(clock.getTime());
      const began = performance.now();
      const result = await run(t.app.services, caller, command, input, { now: clock });
      costs.set(name, [...(costs.get(name) ?? []), performance.now() - began]);
      return result;
    };

    const member = await step("createMember", staff, createMember, {
      ...memberInput(),
      email: "member@example.com",
      familySize: 5,
      monthlyIncome: "3200.00",
      birthDate: new Date("1985-03-01"),
    });
    const created = await step("createRequest", staff, createRequest, {
      memberId: member.id,
      type: "FINANCIAL_SUPPORT",
      channel: "IN_PERSON",
      subject: "دعم إيجار",
      description: "الأسرة تحتاج إلى مساعدة في الإيجار",
      amountRequested: "2500.00",
    });
    const type = await db.requestType.findUniqueOrThrow({ where: { code: "FINANCIAL_SUPPORT" } });
    const documents = [];
    for (const kind of type.requiredDocumentKinds)
      documents.push(
        await step("attachDocument", staff, attachDocument, {
          request: { id: created.id, memberId: member.id },
          kind,
          fileName: `${kind}.pdf`,
          contentType: "application/pdf",
          size: 1000,
          sha256: "0".repeat(64),
          storageKey: `test/${created.id}/${kind}`,
        }),
      );
    await step("signAttestation", staff, signAttestation, {
      requestId: created.id,
      method: "IN_PERSON",
    });
    for (const document of documents)
      await step("verifyDocument", staff, verifyDocument, {
        id: document.id,
        version: document.version,
        decision: "ACCEPTED",
      });
    const move = async (caller: StaffCaller, action: string, params: object = {}) => {
      const { version } = await db.request.findUniqueOrThrow({ where: { id: created.id } });
      return step("transitionRequest", caller, transitionRequest, {
        id: created.id,
        version,
        action: action as never,
        ...params,
      });
    };
    await move(staff, "SUBMIT");
    await move(staff, "REFER_TO_RESEARCHER", { researcherId: researcher.id });
    const draft = await step("saveResearchReport", researcher, saveResearchReport, {
      requestId: created.id,
      visitKind: "HOME_VISIT",
      visitDate: new Date(clock.getTime() - dayMs),
      findings: "زرتُ الأسرة وتحققتُ من الوضع المعيشي؛ الحاجة قائمة.",
      recommendation: "APPROVE",
    });
    await step("submitResearchReport", researcher, submitResearchReport, {
      id: draft.id,
      version: draft.version,
    });
    await move(staff, "RAISE_TO_COMMITTEE");
    await move(chair, "RECORD_DECISION", {
      decision: "APPROVED",
      reason: "استوفى الشروط",
      meetingDate: new Date(clock.getTime() - 3_600_000),
      votesFor: 3,
      votesAgainst: 0,
      abstentions: 0,
    });
    await move(staff, "COMPLETE");
    await step("recordCommunication", staff, recordCommunication, {
      requestId: created.id,
      channel: "PHONE",
      direction: "OUTBOUND",
      subject: "إبلاغ بالصرف",
      body: "أُبلغ العضو بصرف الدعم",
    });

    // Every time written on the case: each is one of the steps' moments, none is today's.
    const where = { memberId: member.id };
    const rows: Record<string, Record<string, unknown>[]> = {
      Member: await db.member.findMany({ where: { id: member.id } }),
      Request: await db.request.findMany({ where }),
      Document: await db.document.findMany({ where }),
      Attestation: await db.attestation.findMany({ where }),
      ResearchReport: await db.researchReport.findMany({ where: { requestId: created.id } }),
      TimelineEvent: await db.timelineEvent.findMany({ where }),
      AuditEntry: await db.auditEntry.findMany({
        where: { OR: [{ requestId: created.id }, { entityId: member.id }] },
      }),
      Notification: await db.notification.findMany({ where: { requestId: created.id } }),
      Communication: await db.communication.findMany({ where }),
    };
    const written: string[] = [];
    for (const [table, list] of Object.entries(rows)) {
      expect(list.length, table).toBeGreaterThan(0);
      for (const row of list)
        for (const [column, value] of Object.entries(row)) {
          // Dates the input gave (a birth date, a visit, a meeting) are not write moments.
          if (!(value instanceof Date) || ["birthDate", "visitDate"].includes(column)) continue;
          if (table === "Request" && column === "decisionDueAt") continue;
          written.push(`${table}.${column}`);
          expect(moments.has(value.getTime()), `${table}.${column} ${value.toISOString()}`).toBe(
            true,
          );
          expect(value.getTime(), `${table}.${column}`).toBeLessThan(startedAt);
        }
    }
    for (const column of [
      "Member.createdAt",
      "Member.updatedAt",
      "Request.updatedAt",
      "Request.submittedAt",
      "Request.completedAt",
      "Document.verifiedAt",
      "Attestation.signedAt",
      "ResearchReport.submittedAt",
      "TimelineEvent.at",
      "AuditEntry.at",
      "Notification.createdAt",
      "Notification.nextAttemptAt",
      "Communication.createdAt",
    ])
      expect(written, column).toContain(column);

    const figures = [...costs].map(([name, ms]) => {
      const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
      return `${name} ${mean.toFixed(1)} ms ×${ms.length}`;
    });
    console.log(`command costs (${process.env.WASL_TEST_ENGINE}): ${figures.join(", ")}`);
  });
});
