// The applicant's attestation (إقرار, policy step 4): a signature over a versioned text and a
// hash of the request data it covers. When those data change, the signature no longer covers
// them: the attestation is stale and must be signed again.
import { createHash } from "node:crypto";
import type { Db, Prisma } from "../../../db/client.js";
import type { CommandContext, Writer } from "../../../db/commands.js";
import type { AttestationMethod } from "../../../db/generated/enums.js";
import { inputFieldError, NotFoundError, refusal } from "../../../errors.js";
import { recordAudit } from "../../audit/service.js";
import { recordTimelineEvent } from "../../timeline/service.js";
import { isOpenToDocuments } from "../lifecycle.js";

export type AttestationState = "SIGNED" | "MISSING" | "STALE";

/** What the signature covers: the request's own data and the member's household facts. */
const coveredSelect = {
  subject: true,
  description: true,
  details: true,
  amountRequested: true,
  member: {
    select: {
      familySize: true,
      monthlyIncome: true,
      maritalStatus: true,
      employmentStatus: true,
      nationalId: true,
      fullNameAr: true,
    },
  },
} as const satisfies Prisma.RequestSelect;

type Covered = Prisma.RequestGetPayload<{ select: typeof coveredSelect }>;

/** JSON with object keys sorted at every depth: equal data always give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Money as a fixed two-decimal string, so 2500 and 2500.00 hash alike. */
const money = (value: { toFixed(digits: number): string } | null) =>
  value === null ? null : value.toFixed(2);

/** sha256 (hex) of the canonical form of the covered data. */
export function coveredDataHash(covered: Covered): string {
  const canonical = canonicalJson({
    subject: covered.subject,
    description: covered.description,
    details: covered.details,
    amountRequested: money(covered.amountRequested),
    member: {
      familySize: covered.member.familySize,
      monthlyIncome: money(covered.member.monthlyIncome),
      maritalStatus: covered.member.maritalStatus,
      employmentStatus: covered.member.employmentStatus,
      nationalId: covered.member.nationalId,
      fullNameAr: covered.member.fullNameAr,
    },
  });
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

/** The hash of the request's data as they are now, or null if there is no such request. */
export async function requestDataHash(db: Db, requestId: string): Promise<string | null> {
  const covered = await db.request.findUnique({ where: { id: requestId }, select: coveredSelect });
  return covered ? coveredDataHash(covered) : null;
}

/** The latest attestation of a request, with its text (newest signature wins). */
export function latestAttestation(db: Db, requestId: string) {
  return db.attestation.findFirst({
    where: { requestId },
    orderBy: [{ signedAt: "desc" }, { id: "desc" }],
    include: { text: true },
  });
}

/**
 * SIGNED when the latest attestation still covers the data as they are now; STALE when it was
 * marked stale or the data changed since (the hash is recomputed here too, because member
 * facts also change through the members module, which does not mark attestations); MISSING
 * when there is none.
 */
export async function attestationStatus(db: Db, requestId: string): Promise<AttestationState> {
  const latest = await db.attestation.findFirst({
    where: { requestId },
    orderBy: [{ signedAt: "desc" }, { id: "desc" }],
    select: { dataHash: true, staleAt: true },
  });
  if (!latest) return "MISSING";
  if (latest.staleAt) return "STALE";
  return (await requestDataHash(db, requestId)) === latest.dataHash ? "SIGNED" : "STALE";
}

/**
 * Call in the same transaction after any change to a request's data: if the data no longer
 * hash to what the latest current attestation signed, marks it stale (timeline and audit)
 * and returns true; otherwise changes nothing and returns false.
 */
export async function markAttestationStaleIfChanged(
  context: Writer,
  requestId: string,
): Promise<boolean> {
  const { tx, now: staleAt } = context;
  const current = await tx.attestation.findFirst({
    where: { requestId, staleAt: null },
    orderBy: [{ signedAt: "desc" }, { id: "desc" }],
    select: { id: true, dataHash: true, memberId: true, version: true },
  });
  if (!current) return false;
  const hash = await requestDataHash(tx, requestId);
  if (hash === current.dataHash) return false;
  const marked = await tx.attestation.updateMany({
    where: { id: current.id, staleAt: null },
    data: { staleAt, version: { increment: 1 } },
  });
  // Someone else marked it in a concurrent transaction: their event is the one to keep.
  if (marked.count !== 1) return false;
  await recordTimelineEvent(context, {
    memberId: current.memberId,
    requestId,
    kind: "ATTESTATION_STALE",
    data: { attestationId: current.id },
  });
  await recordAudit(context, {
    action: "UPDATE",
    entityType: "Attestation",
    entityId: current.id,
    changes: { staleAt: { before: null, after: staleAt.toISOString() } },
  });
  return true;
}

/** The text in force: the highest version already effective. */
export function currentAttestationText(db: Db, now: Date = new Date()) {
  return db.attestationText.findFirst({
    where: { effectiveFrom: { lte: now } },
    orderBy: { textVersion: "desc" },
  });
}

export type SignAttestationInput = { requestId: string; method: AttestationMethod };

/**
 * Records the applicant's signature on the current text over the request's current data.
 * IN_PERSON: the applicant signs at the desk and a staff user records it. ELECTRONIC: the
 * member signs themselves, through the link staff send them (attestation/links.ts): staff
 * cannot record it.
 */
export async function signAttestation(context: CommandContext, input: SignAttestationInput) {
  const { tx, caller } = context;
  if (input.method === "IN_PERSON" && caller.kind !== "user")
    throw refusal(caller.kind !== "anonymous");
  if (input.method === "ELECTRONIC" && caller.kind !== "member") {
    throw inputFieldError("method", "attestation.electronicNeedsMember");
  }
  return recordSignature(context, await signableRequest(tx, input.requestId), input.method);
}

/** The request an attestation may be signed on: what the signature covers, and its rules. */
export async function signableRequest(tx: Db, requestId: string) {
  const request = await tx.request.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      memberId: true,
      status: true,
      reference: true,
      version: true,
      researcherId: true,
      partnerId: true,
      sharedWithPartnerIds: true,
      rulesSnapshot: true,
      type: true,
      ...coveredSelect,
    },
  });
  if (!request) throw new NotFoundError("Request", requestId);
  if (!isOpenToDocuments(request.status)) {
    throw inputFieldError("request", "attestation.requestClosed", { status: request.status });
  }
  return request;
}

/** Whether the latest signature already covers these data with this text. */
export async function isSignedOver(tx: Db, requestId: string, dataHash: string, textId: string) {
  const previous = await latestAttestation(tx, requestId);
  return (
    !!previous && !previous.staleAt && previous.dataHash === dataHash && previous.textId === textId
  );
}

type SignableRequest = Awaited<ReturnType<typeof signableRequest>>;

/** Inside the caller's transaction: the signature, its timeline event and audit entry. */
export async function recordSignature(
  context: Writer,
  request: SignableRequest,
  method: AttestationMethod,
) {
  const { tx, caller, now } = context;
  const text = await currentAttestationText(tx);
  if (!text) throw new NotFoundError("AttestationText", "current");
  const dataHash = coveredDataHash(request);
  if (await isSignedOver(tx, request.id, dataHash, text.id)) {
    throw inputFieldError("request", "attestation.alreadySigned");
  }
  const attestation = await tx.attestation.create({
    data: {
      requestId: request.id,
      memberId: request.memberId,
      textId: text.id,
      method,
      recordedById: caller.kind === "user" ? caller.id : null,
      dataHash,
      signedAt: now,
      createdAt: now,
    },
  });
  await recordTimelineEvent(context, {
    memberId: request.memberId,
    requestId: request.id,
    kind: "ATTESTATION_SIGNED",
    data: {
      attestationId: attestation.id,
      textVersion: text.textVersion,
      method,
    },
  });
  await recordAudit(context, {
    action: "CREATE",
    entityType: "Attestation",
    entityId: attestation.id,
    requestId: request.id,
    changes: {
      requestId: { before: null, after: request.id },
      textVersion: { before: null, after: text.textVersion },
      method: { before: null, after: method },
      dataHash: { before: null, after: dataHash },
    },
  });
  return attestation;
}
