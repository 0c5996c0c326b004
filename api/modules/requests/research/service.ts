// The social research report (تقرير البحث الاجتماعي, policy step 3): written as a draft and
// submitted by the researcher the request was referred to, and by no one else. Drafts are the
// researcher's own; staff and the committee read submitted reports.
import type { Caller } from "../../../auth/caller.js";
import type { Db } from "../../../db/client.js";
import type { CommandContext } from "../../../db/commands.js";
import type { Recommendation, ResearchVisitKind } from "../../../db/generated/enums.js";
import { FieldErrors, ForbiddenError, NotFoundError, refusal } from "../../../errors.js";
import {
  changedFields,
  expectVersion,
  recordAudit,
  staleWrite,
  versionConflict,
} from "../../audit/service.js";
import { recordTimelineEvent } from "../../timeline/service.js";
import { ResearchReportTransitionError, type ResearchStep } from "../errors.js";
import { flowOf, refusedTransition } from "../lifecycle.js";
import { isResearcherOnly } from "../policy.js";
import { snapshotRules } from "../rules.js";

/** Whether the request has at least one submitted research report. */
export async function hasSubmittedResearchReport(db: Db, requestId: string): Promise<boolean> {
  const report = await db.researchReport.findFirst({
    where: { requestId, submittedAt: { not: null } },
    select: { id: true },
  });
  return !!report;
}

export type SaveResearchReportInput = {
  requestId: string;
  /** The draft's version when changing an existing draft; omitted for a new one. */
  version?: number | null | undefined;
  visitKind: ResearchVisitKind;
  visitDate: Date;
  findings: string;
  recommendation: Recommendation;
};

const maxFindingsLength = 20_000;

/** Today's date in Riyadh, as a UTC midnight Date (how @db.Date values come back). */
function todayInRiyadh(now: Date): Date {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Riyadh" }).format(now);
  return new Date(`${day}T00:00:00Z`);
}

function validateReport(input: SaveResearchReportInput, now: Date): string {
  const errors = new FieldErrors();
  const findings = errors.text("findings", input.findings, maxFindingsLength, true) ?? "";
  if (input.visitDate.getTime() > todayInRiyadh(now).getTime())
    errors.add("visitDate", "research.visitDateInFuture");
  errors.throwIfAny();
  return findings;
}

/** The request, refusing anyone but its assigned researcher and any state but WITH_RESEARCHER. */
async function requestForResearcher(db: Db, caller: Caller, requestId: string, step: ResearchStep) {
  if (caller.kind !== "user") throw refusal(caller.kind !== "anonymous");
  const request = await db.request.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      memberId: true,
      status: true,
      researcherId: true,
      rulesSnapshot: true,
      type: { select: { committeeDecides: true } },
    },
  });
  if (!request) throw new NotFoundError("Request", requestId);
  // Only the researcher the request was referred to: not another researcher, not an admin.
  if (request.researcherId !== caller.id) throw new ForbiddenError();
  if (request.status !== "WITH_RESEARCHER") {
    const rules = snapshotRules(request.rulesSnapshot) ?? request.type;
    throw refusedTransition(flowOf(rules.committeeDecides), request.status, step);
  }
  return { id: request.id, memberId: request.memberId, researcherId: caller.id };
}

/**
 * Creates the researcher's draft report for the request, or changes it (version-checked).
 * One open draft per researcher and request; a submitted report is never changed.
 */
export async function saveResearchReport(
  context: CommandContext,

  input: SaveResearchReportInput,
) {
  const { tx, caller, now } = context;
  const findings = validateReport(input, now);
  const request = await requestForResearcher(tx, caller, input.requestId, "SAVE_RESEARCH_REPORT");
  const data = {
    visitKind: input.visitKind,
    visitDate: input.visitDate,
    findings,
    recommendation: input.recommendation,
  };
  const draft = await tx.researchReport.findFirst({
    where: { requestId: request.id, researcherId: request.researcherId, submittedAt: null },
    orderBy: { createdAt: "desc" },
  });
  if (!draft) {
    const created = await tx.researchReport.create({
      data: {
        ...data,
        requestId: request.id,
        researcherId: request.researcherId,
        createdAt: now,
        updatedAt: now,
      },
    });
    await recordAudit(
      { tx, caller, now },
      {
        action: "CREATE",
        entityType: "ResearchReport",
        entityId: created.id,
        changes: changedFields({}, { requestId: request.id, ...data }),
      },
    );
    return created;
  }
  // Changing a draft needs the version read: two tabs must not overwrite each other.
  if (input.version == null || input.version !== draft.version)
    throw await versionConflict(
      tx,
      caller,
      { type: "ResearchReport", id: draft.id },
      input.version ?? 0,
      draft.version,
    );
  const written = await tx.researchReport.updateMany({
    where: { id: draft.id, version: draft.version, submittedAt: null },
    data: { ...data, version: { increment: 1 }, updatedAt: now },
  });
  if (written.count !== 1)
    throw await staleWrite(context, "ResearchReport", draft.id, draft.version);
  const changes = changedFields(draft, data);
  if (Object.keys(changes).length) {
    await recordAudit(
      { tx, caller, now },
      {
        action: "UPDATE",
        entityType: "ResearchReport",
        entityId: draft.id,
        changes,
      },
    );
  }
  return tx.researchReport.findUniqueOrThrow({ where: { id: draft.id } });
}

export type SubmitResearchReportInput = { id: string; version: number };

/** Submits a draft: from then on it is final and staff and the committee read it. */
export async function submitResearchReport(
  context: CommandContext,

  input: SubmitResearchReportInput,
) {
  const { tx, caller, now } = context;
  if (caller.kind !== "user") throw refusal(caller.kind !== "anonymous");
  const report = await tx.researchReport.findUnique({ where: { id: input.id } });
  if (!report) throw new NotFoundError("ResearchReport", input.id);
  if (report.researcherId !== caller.id) throw new ForbiddenError();
  const request = await requestForResearcher(
    tx,
    caller,
    report.requestId,
    "SUBMIT_RESEARCH_REPORT",
  );
  // The report's own state: once submitted, nothing more is done with it.
  if (report.submittedAt)
    throw new ResearchReportTransitionError("SUBMITTED", "SUBMIT_RESEARCH_REPORT", []);
  await expectVersion(context, "ResearchReport", report, input.version);
  const submittedAt = now;
  const written = await tx.researchReport.updateMany({
    where: { id: report.id, version: input.version, submittedAt: null },
    data: { submittedAt, version: { increment: 1 }, updatedAt: now },
  });
  if (written.count !== 1)
    throw await staleWrite(context, "ResearchReport", report.id, input.version);
  await recordTimelineEvent(
    { tx, caller, now },
    {
      memberId: request.memberId,
      requestId: request.id,
      kind: "RESEARCH_REPORT_SUBMITTED",
      data: { reportId: report.id, recommendation: report.recommendation },
    },
  );
  await recordAudit(
    { tx, caller, now },
    {
      action: "UPDATE",
      entityType: "ResearchReport",
      entityId: report.id,
      changes: { submittedAt: { before: null, after: submittedAt.toISOString() } },
    },
  );
  return tx.researchReport.findUniqueOrThrow({ where: { id: report.id } });
}

/** Whether the caller may read this report: its author always; others once it is submitted,
 * a researcher-only user just for the cases referred to them. */
export function mayReadReport(
  caller: Caller,
  report: { researcherId: string; submittedAt: Date | null },
  request: { researcherId: string | null },
): boolean {
  if (caller.kind !== "user") return false;
  if (report.researcherId === caller.id) return true;
  if (!report.submittedAt) return false;
  return !isResearcherOnly(caller) || request.researcherId === caller.id;
}
