// What a committee request's file holds when the life cycle lets it move on: its required
// documents (uploaded at intake, verified before the next step), the applicant's signed
// attestation over its data, and — for a case referred to the researcher — the submitted
// research report before it is raised. The guards of lifecycle.ts (COMPLETE_BY_CURRENT_RULES,
// COMPLETE_BY_SNAPSHOT, RESEARCH_REPORT_IF_REFERRED, DOCUMENTS_VERIFIED_IF_APPROVED) read these
// rows; the seed writes them as uploadDocument, verifyDocument, signAttestation and
// submitResearchReport would have, at the moments of the case's history.
import type { Prisma } from "../../api/db/client.js";
import { Prisma as PrismaNamespace } from "../../api/db/client.js";
import type { Channel, DocumentKind, RequestStatus } from "../../api/db/generated/enums.js";
import { changedFields } from "../../api/modules/audit/service.js";
import { coveredDataHash } from "../../api/modules/requests/attestation/service.js";
import { sha256Hex } from "../../api/modules/requests/documents/service.js";
import {
  type DocumentStorage,
  newStorageKey,
} from "../../api/modules/requests/documents/storage.js";
import type { RequestAction } from "../../api/modules/requests/lifecycle.js";
import { duringOfficeHours, isWorkingTime, openingOf } from "./office-hours.js";
import { dayMs, hourMs, uuidV7 } from "./random.js";

/** A scanned page as the demo's documents hold it: a one-page PDF saying it is a sample. */
export const demoDocumentBytes = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" +
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n" +
    "trailer<</Root 1 0 R>>\n%%EOF\n",
);

export type CaseStep = { action: RequestAction | null; to: RequestStatus; at: Date };

export type CaseFilePlan = {
  requestId: string;
  channel: Channel;
  steps: readonly CaseStep[];
  requiredDocumentKinds: readonly DocumentKind[];
  decision?: "APPROVED" | "REJECTED" | undefined;
  /** The data the attestation covers, as the request and the member hold them. */
  covered: {
    subject: string;
    description: string;
    details: Prisma.InputJsonValue;
    amountRequested: string | null;
    member: {
      id: string;
      familySize: number | null;
      monthlyIncome: string | null;
      maritalStatus: string | null;
      employmentStatus: string | null;
      nationalId: string;
      fullNameAr: string;
    };
  };
};

export type CaseFileRows = {
  documents: Prisma.DocumentCreateManyInput[];
  attestations: Prisma.AttestationCreateManyInput[];
  reports: Prisma.ResearchReportCreateManyInput[];
  timeline: Prisma.TimelineEventCreateManyInput[];
  /**
   * The entries attachDocument, verifyDocument, signAttestation, saveResearchReport and
   * submitResearchReport write (a document's and a report's name no request, as theirs do).
   */
  audit: Prisma.AuditEntryCreateManyInput[];
};

const decimal = (value: string | null) =>
  value === null ? null : new PrismaNamespace.Decimal(value);

const between = (from: Date, to: Date, share: number) =>
  new Date(from.getTime() + (to.getTime() - from.getTime()) * share);

/** The rows of the committee requests' files; documents only when `storage` keeps their bytes. */
export function caseFileRows(
  plans: readonly CaseFilePlan[],
  actors: {
    staff: string;
    staffLabel: string;
    researcher: string;
    researcherLabel: string;
    partner: { id: string; label: string };
    attestationTextId: string;
  },
  withDocuments: boolean,
): CaseFileRows {
  const rows: CaseFileRows = {
    documents: [],
    attestations: [],
    reports: [],
    timeline: [],
    audit: [],
  };
  const sha256 = sha256Hex(demoDocumentBytes);
  const staff = {
    actorKind: "USER",
    actorId: actors.staff,
    actorLabel: actors.staffLabel,
  } as const;
  const partner = {
    actorKind: "PARTNER",
    actorId: actors.partner.id,
    actorLabel: actors.partner.label,
  } as const;
  const researcher = {
    actorKind: "USER",
    actorId: actors.researcher,
    actorLabel: actors.researcherLabel,
  } as const;
  for (const plan of plans) {
    const [intake, submit, next] = plan.steps;
    if (!intake || submit?.action !== "SUBMIT") continue;
    // The member signs an online application's attestation by the link sent to them; its
    // documents are uploaded by the desk that takes it in (attachDocument), or by the partner.
    const selfService = plan.channel === "WEBSITE" || plan.channel === "PARTNER";
    const byPartner = plan.channel === "PARTNER";
    const memberId = plan.covered.member.id;
    const base = { memberId, requestId: plan.requestId };
    const kinds = withDocuments ? plan.requiredDocumentKinds : [];
    // Staff check the file before the case moves on (or the member's online upload waits).
    // (in office hours: not before the opening of the next step's day).
    const verifiedAt = next
      ? new Date(
          Math.max(
            submit.at.getTime() + 60_000,
            next.at.getTime() - 10 * 60_000,
            openingOf(next.at).getTime(),
          ),
        )
      : null;
    // The desk attaches them while taking the request in (within its first half hour); a
    // partner's system as it sends them.
    const uploadsEnd = byPartner
      ? submit.at
      : new Date(Math.min(submit.at.getTime(), intake.at.getTime() + 30 * 60_000));
    kinds.forEach((kind, i) => {
      const at = between(intake.at, uploadsEnd, (i + 1) / (kinds.length + 2));
      const id = uuidV7(at);
      const fileName = `${kind.toLowerCase().replaceAll("_", "-")}.pdf`;
      rows.documents.push({
        id,
        ...base,
        kind,
        fileName,
        contentType: "application/pdf",
        size: demoDocumentBytes.byteLength,
        sha256,
        storageKey: newStorageKey(at),
        uploadedByActor: byPartner ? "PARTNER" : "USER",
        uploadedById: byPartner ? null : actors.staff,
        verification: verifiedAt ? "ACCEPTED" : "PENDING",
        verifiedById: verifiedAt ? actors.staff : null,
        verifiedAt,
        createdAt: at,
        updatedAt: verifiedAt ?? at,
        version: verifiedAt ? 2 : 1,
      });
      rows.timeline.push({
        id: uuidV7(at),
        ...base,
        kind: "DOCUMENT_UPLOADED",
        actorId: byPartner ? null : actors.staff,
        data: { documentId: id, kind, fileName, sha256 },
        at,
      });
      rows.audit.push({
        id: uuidV7(at),
        ...(byPartner ? partner : staff),
        action: "CREATE",
        entityType: "Document",
        entityId: id,
        changes: changedFields(
          {},
          { requestId: plan.requestId, kind, fileName, contentType: "application/pdf", sha256 },
        ) as Prisma.InputJsonObject,
        at,
      });
      if (verifiedAt) {
        rows.audit.push({
          id: uuidV7(verifiedAt),
          ...staff,
          action: "UPDATE",
          entityType: "Document",
          entityId: id,
          changes: changedFields<Record<string, unknown>>(
            {
              verification: "PENDING",
              rejectionReason: null,
              verifiedById: null,
              verifiedAt: null,
            },
            {
              verification: "ACCEPTED",
              rejectionReason: null,
              verifiedById: actors.staff,
              verifiedAt,
            },
          ) as Prisma.InputJsonObject,
          at: verifiedAt,
        });
        rows.timeline.push({
          id: uuidV7(verifiedAt),
          ...base,
          kind: "DOCUMENT_VERIFIED",
          actorId: actors.staff,
          data: { documentId: id, kind, decision: "ACCEPTED" },
          at: verifiedAt,
        });
      }
    });

    // After the documents the type requires, whether or not their files are stored: the same
    // moment with or without a storage.
    const required = plan.requiredDocumentKinds.length;
    const signedAt = between(intake.at, submit.at, (required + 1) / (required + 2));
    const attestationId = uuidV7(signedAt);
    const method = selfService ? "ELECTRONIC" : "IN_PERSON";
    const { member, ...request } = plan.covered;
    const dataHash = coveredDataHash({
      ...request,
      details: request.details as Prisma.JsonValue,
      amountRequested: decimal(request.amountRequested),
      member: {
        familySize: member.familySize,
        monthlyIncome: decimal(member.monthlyIncome),
        maritalStatus: member.maritalStatus as never,
        employmentStatus: member.employmentStatus as never,
        nationalId: member.nationalId,
        fullNameAr: member.fullNameAr,
      },
    });
    rows.attestations.push({
      id: attestationId,
      ...base,
      textId: actors.attestationTextId,
      method,
      signedAt,
      recordedById: selfService ? null : actors.staff,
      dataHash,
      createdAt: signedAt,
    });
    rows.audit.push({
      id: uuidV7(signedAt),
      // Signed by the member through the link sent to them, or recorded by the desk.
      ...(selfService
        ? { actorKind: "MEMBER", actorId: memberId, actorLabel: member.fullNameAr }
        : { actorKind: "USER", actorId: actors.staff, actorLabel: actors.staffLabel }),
      action: "CREATE",
      entityType: "Attestation",
      entityId: attestationId,
      requestId: plan.requestId,
      changes: {
        requestId: { before: null, after: plan.requestId },
        textVersion: { before: null, after: 1 },
        method: { before: null, after: method },
        dataHash: { before: null, after: dataHash },
      },
      at: signedAt,
    });
    rows.timeline.push({
      id: uuidV7(signedAt),
      ...base,
      kind: "ATTESTATION_SIGNED",
      actorId: selfService ? null : actors.staff,
      data: { attestationId, textVersion: 1, method },
      at: signedAt,
    });

    // Referred and then raised: the researcher visited and submitted a report in between.
    const referred = plan.steps.find((s) => s.action === "REFER_TO_RESEARCHER");
    const raised = plan.steps.find((s) => s.action === "RAISE_TO_COMMITTEE");
    if (referred && raised) {
      const { visit, submittedAt } = reportMoments(referred.at, raised.at);
      const reportId = uuidV7(visit);
      const recommendation = plan.decision === "REJECTED" ? "REJECT" : "APPROVE";
      const report = {
        visitKind:
          plan.requiredDocumentKinds.length > 1
            ? ("HOME_VISIT" as const)
            : ("OFFICE_INTERVIEW" as const),
        visitDate: new Date(visit.getTime() - (visit.getTime() % dayMs)),
        findings:
          recommendation === "APPROVE"
            ? "زرتُ الأسرة وتحققتُ من الوضع المعيشي ومن صحة ما ورد في الطلب؛ الحاجة قائمة."
            : "زرتُ الأسرة؛ الدخل الفعلي يتجاوز ما ورد في الطلب ولا تنطبق شروط الدعم.",
        recommendation,
      } as const;
      // Saved as a draft at the visit (version 1), submitted later (version 2).
      rows.reports.push({
        id: reportId,
        requestId: plan.requestId,
        researcherId: actors.researcher,
        ...report,
        submittedAt,
        createdAt: visit,
        updatedAt: submittedAt,
        version: 2,
      });
      rows.audit.push(
        {
          id: uuidV7(visit),
          ...researcher,
          action: "CREATE",
          entityType: "ResearchReport",
          entityId: reportId,
          changes: changedFields(
            {},
            { requestId: plan.requestId, ...report },
          ) as Prisma.InputJsonObject,
          at: visit,
        },
        {
          id: uuidV7(submittedAt),
          ...researcher,
          action: "UPDATE",
          entityType: "ResearchReport",
          entityId: reportId,
          changes: { submittedAt: { before: null, after: submittedAt.toISOString() } },
          at: submittedAt,
        },
      );
      rows.timeline.push({
        id: uuidV7(submittedAt),
        ...base,
        kind: "RESEARCH_REPORT_SUBMITTED",
        actorId: actors.researcher,
        data: { reportId, recommendation },
        at: submittedAt,
      });
    }
  }
  return rows;
}

/**
 * When the researcher saves the report (the visit's day) and submits it: between the referral
 * and the raise, both in office hours; halfway if it can be, else on the next working morning,
 * else right after the referral.
 */
function reportMoments(referred: Date, raised: Date): { visit: Date; submittedAt: Date } {
  const nextMorning = duringOfficeHours(new Date(openingOf(referred).getTime() + dayMs + hourMs));
  for (const visit of [
    duringOfficeHours(between(referred, raised, 0.5)),
    nextMorning,
    new Date(referred.getTime() + 60_000),
  ])
    for (const submittedAt of [
      new Date(Math.max(visit.getTime() + hourMs, raised.getTime() - 2 * hourMs)),
      openingOf(raised),
      new Date(visit.getTime() + hourMs),
      new Date(visit.getTime() + 60_000),
    ])
      if (
        visit > referred &&
        submittedAt > visit &&
        submittedAt < raised &&
        isWorkingTime(visit) &&
        isWorkingTime(submittedAt)
      )
        return { visit, submittedAt };
  throw new Error(
    `No office-hours moment for a research report between ${referred.toISOString()} and ${raised.toISOString()}`,
  );
}

/** Stores the demo's document bytes under each document's key, a few files at a time. */
export async function storeDemoDocuments(
  storage: DocumentStorage,
  documents: readonly { storageKey: string }[],
): Promise<void> {
  for (let i = 0; i < documents.length; i += 32)
    await Promise.all(
      documents.slice(i, i + 32).map((d) => storage.put(d.storageKey, demoDocumentBytes)),
    );
}
