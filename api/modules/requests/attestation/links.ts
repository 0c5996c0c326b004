// The electronic attestation (policy step 4, "signed ... electronically by the member later"):
// staff send the member a single-use link to their own mobile and e-mail; opening it shows the
// declaration and the data it covers, and signing there records an ELECTRONIC signature by
// the member. Possession of the link is the proof: it goes only to the member's registered
// addresses, works once, and expires. Only its sha256 is stored.
import type { MemberCaller } from "../../../auth/caller.js";
import type { Db, PrismaClient } from "../../../db/client.js";
import type { CommandContext } from "../../../db/commands.js";
import { inputFieldError, NotFoundError, refusal } from "../../../errors.js";
import { isLinkToken, linkTokenHash, newLinkToken } from "../../../shared/link-tokens.js";
import { recordAudit } from "../../audit/service.js";
import { enqueueNotification } from "../../notifications/outbox.js";
import { recordTimelineEvent } from "../../timeline/service.js";
import { requestChangedEvent } from "../events.js";
import { rulesFor } from "../request-type-rules.js";
import {
  coveredDataHash,
  currentAttestationText,
  isSignedOver,
  recordSignature,
  signableRequest,
} from "./service.js";

/** How long a link works: long enough for a member who reads messages once a day. */
export const attestationLinkDays = 3;
const dayMs = 86_400_000;

function attestationLinkUrl(publicUrl: string, token: string): string {
  // In the fragment: browsers do not send it to the server nor in Referer headers.
  return `${publicUrl}/attest#${token}`;
}

/**
 * Sends the member a fresh signing link for the request (SMS, and e-mail when known) through
 * the outbox; earlier unused links of the request stop working. Returns when it expires and
 * how many messages were queued.
 */
export async function sendAttestationLink(
  context: CommandContext,
  input: { requestId: string; publicUrl: string },
) {
  const { tx, caller, now } = context;
  if (caller.kind !== "user") throw refusal(caller.kind !== "anonymous");
  const request = await signableRequest(tx, input.requestId);
  if (!rulesFor(request).attestationRequired)
    throw inputFieldError("request", "attestation.notRequired");
  const text = await currentAttestationText(tx, now);
  if (!text) throw new NotFoundError("AttestationText", "current");
  if (await isSignedOver(tx, request.id, coveredDataHash(request), text.id))
    throw inputFieldError("request", "attestation.alreadySigned");

  await tx.memberAccessCode.updateMany({
    where: {
      requestId: request.id,
      purpose: "ATTESTATION",
      consumedAt: null,
      expiresAt: { gt: now },
    },
    data: { expiresAt: now, version: { increment: 1 } },
  });
  const { token, hash } = newLinkToken();
  const expiresAt = new Date(now.getTime() + attestationLinkDays * dayMs);
  const code = await tx.memberAccessCode.create({
    data: {
      memberId: request.memberId,
      purpose: "ATTESTATION",
      requestId: request.id,
      codeHash: hash,
      expiresAt,
    },
  });
  const queued = await enqueueNotification(context, {
    event: "ATTESTATION_REQUESTED",
    memberId: request.memberId,
    requestId: request.id,
    params: {
      reference: request.reference,
      link: attestationLinkUrl(input.publicUrl, token),
      validUntil: expiresAt,
    },
  });
  await recordTimelineEvent(
    { tx, caller, now },
    {
      memberId: request.memberId,
      requestId: request.id,
      kind: "NOTIFICATION_QUEUED",
      data: { event: "ATTESTATION_REQUESTED", messages: queued },
    },
  );
  await recordAudit(
    { tx, caller, now },
    {
      action: "CREATE",
      entityType: "MemberAccessCode",
      entityId: code.id,
      requestId: request.id,
      changes: {
        purpose: { before: null, after: "ATTESTATION" },
        expiresAt: { before: null, after: expiresAt.toISOString() },
      },
    },
  );
  return { expiresAt, messagesQueued: queued };
}

export type AttestationLinkState = "VALID" | "EXPIRED" | "USED";

/** The link's code row, or null for a token that was never issued. */
async function codeOf(db: Db, token: string) {
  if (!isLinkToken(token)) return null;
  const code = await db.memberAccessCode.findFirst({
    where: { codeHash: linkTokenHash(token), purpose: "ATTESTATION" },
  });
  return code?.requestId ? { ...code, requestId: code.requestId } : null;
}

function stateOf(
  code: { consumedAt: Date | null; expiresAt: Date },
  now: Date,
): AttestationLinkState {
  if (code.consumedAt) return "USED";
  return code.expiresAt.getTime() <= now.getTime() ? "EXPIRED" : "VALID";
}

/**
 * What the member sees on opening the link: while it is valid, the declaration and the data
 * it covers (with their hash, sent back on signing); once used or expired, only that.
 */
export async function readAttestationLink(prisma: PrismaClient, token: string, now = new Date()) {
  const code = await codeOf(prisma, token);
  if (!code) return null;
  const state = stateOf(code, now);
  if (state !== "VALID") return { state, expiresAt: code.expiresAt, details: null };
  const request = await prisma.request.findUniqueOrThrow({
    where: { id: code.requestId },
    select: {
      reference: true,
      subject: true,
      description: true,
      details: true,
      amountRequested: true,
      status: true,
      type: { select: { nameAr: true, nameEn: true } },
      member: {
        select: {
          fullNameAr: true,
          nationalId: true,
          familySize: true,
          monthlyIncome: true,
          maritalStatus: true,
          employmentStatus: true,
        },
      },
    },
  });
  const text = await currentAttestationText(prisma, now);
  return {
    state,
    expiresAt: code.expiresAt,
    details: { request, text, dataHash: coveredDataHash(request) },
  };
}

/**
 * Signs as the member: the link must be valid and the data must still be those the member
 * read (their hash), or nothing is signed and the member is asked to read them again.
 */
export async function signAttestationByLink(
  context: CommandContext,
  input: { token: string; dataHash: string },
) {
  const { tx, now } = context;
  const code = await codeOf(tx, input.token);
  if (!code) throw new NotFoundError("AttestationLink", "token");
  const state = stateOf(code, now);
  if (state !== "VALID") {
    throw inputFieldError(
      "token",
      state === "USED" ? "attestation.linkUsed" : "attestation.linkExpired",
    );
  }
  const request = await signableRequest(tx, code.requestId);
  if (coveredDataHash(request) !== input.dataHash) {
    throw inputFieldError("dataHash", "attestation.dataChangedSinceRead");
  }
  // Consumed first, guarded by its version: of two concurrent submissions one signs.
  const consumed = await tx.memberAccessCode.updateMany({
    where: { id: code.id, version: code.version, consumedAt: null },
    data: { consumedAt: now, version: { increment: 1 } },
  });
  if (consumed.count !== 1) throw inputFieldError("token", "attestation.linkUsed");
  const member: MemberCaller = {
    kind: "member",
    memberId: code.memberId,
    label: request.member.fullNameAr,
  };
  const attestation = await recordSignature({ tx, caller: member, now }, request, "ELECTRONIC");
  // Staff with the case file open see the signature arrive (signing leaves the request's
  // status and version as they were). The member signed, not the anonymous caller.
  context.emit(
    "requestChanged",
    requestChangedEvent(member, request, "ATTESTATION_SIGNED", request.status, now),
  );
  return attestation;
}
