// Documents attached to a request: upload (checked, sniffed, hashed, stored), verification by
// staff, and completeness (which required kinds are still missing). Services take a Prisma
// client or transaction and a caller, never GraphQL.
import { createHash } from "node:crypto";
import type { Caller } from "../../../auth/caller.js";
import { actorOf } from "../../../auth/caller.js";
import type { Db, PrismaClient } from "../../../db/client.js";
import { type CommandContext, run } from "../../../db/commands.js";
import type { DocumentKind } from "../../../db/generated/enums.js";
import { inputFieldError, NotFoundError, refusal, type ValidationError } from "../../../errors.js";
import type { MessageKey, MessageParams } from "../../../i18n/messages.js";
import type { WaslPubSub } from "../../../pubsub.js";
import { changedFields, expectVersion, recordAudit, staleWrite } from "../../audit/service.js";
import { recordTimelineEvent } from "../../timeline/service.js";
import { isOpenToDocuments } from "../lifecycle.js";
import {
  type AllowedContentType,
  contentTypeOfName,
  hasExtension,
  normaliseContentType,
  sanitiseFileName,
  sniffContentType,
} from "./sniff.js";
import { type DocumentStorage, newStorageKey } from "./storage.js";

/**
 * The required kinds with no PENDING or ACCEPTED document on the request, in the order given.
 * A REJECTED document does not count: the request is incomplete again until a new one comes.
 */
export async function missingDocumentKinds(
  db: Db,
  requestId: string,
  required: DocumentKind[],
): Promise<DocumentKind[]> {
  if (!required.length) return [];
  const present = await db.document.findMany({
    where: {
      requestId,
      kind: { in: required },
      verification: { in: ["PENDING", "ACCEPTED"] },
    },
    select: { kind: true },
    distinct: ["kind"],
  });
  const have = new Set(present.map((d) => d.kind));
  return [...new Set(required)].filter((kind) => !have.has(kind));
}

/** The required kinds that have no accepted (verified) document on the request. */
export async function unverifiedDocumentKinds(
  db: Db,
  requestId: string,
  required: DocumentKind[],
): Promise<DocumentKind[]> {
  if (!required.length) return [];
  const accepted = await db.document.findMany({
    where: { requestId, kind: { in: required }, verification: "ACCEPTED" },
    select: { kind: true },
    distinct: ["kind"],
  });
  const have = new Set(accepted.map((d) => d.kind));
  return [...new Set(required)].filter((kind) => !have.has(kind));
}

/** The smallest part of a yoga (WHATWG) File that an upload needs. */
export type UploadedFile = {
  name: string;
  type: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
};

export type UploadDocumentInput = { requestId: string; kind: DocumentKind; file: UploadedFile };

export type DocumentServices = {
  prisma: PrismaClient;
  pubsub: WaslPubSub;
  storage: DocumentStorage;
  maxUploadBytes: number;
};

/** The limit in MB (decimal, as people read file sizes), or in KB below one MB. */
function tooLarge(field: string, maxUploadBytes: number): ValidationError {
  return maxUploadBytes >= 1_000_000
    ? inputFieldError(field, "documents.fileTooLarge", {
        max: Math.round(maxUploadBytes / 100_000) / 10,
      })
    : inputFieldError(field, "documents.fileTooLargeKb", {
        max: Math.round(maxUploadBytes / 100) / 10,
      });
}

const typeLabels: Record<AllowedContentType, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG",
  "image/png": "PNG",
};

/**
 * Checks an uploaded file before anything is written: size, allowed type, a name whose
 * extension agrees with the declared type, and content whose magic bytes are that type.
 * Returns the bytes and the type they really are. Errors name `field`, the input's field.
 */
export async function checkUploadedFile(
  file: UploadedFile,
  maxUploadBytes: number,
  field = "file",
): Promise<{ bytes: Uint8Array; contentType: AllowedContentType; fileName: string }> {
  const fileError = (messageKey: MessageKey, params: MessageParams = {}) =>
    inputFieldError(field, messageKey, params);
  if (file.size > maxUploadBytes) throw tooLarge(field, maxUploadBytes);
  if (file.size === 0) throw fileError("documents.fileEmpty", {});
  // No declared type (some clients send none): the extension is the claim to check.
  const declared =
    file.type && file.type !== "application/octet-stream"
      ? normaliseContentType(file.type)
      : contentTypeOfName(file.name);
  if (!declared) throw fileError("documents.fileTypeNotAllowed", {});
  const named = contentTypeOfName(file.name);
  if (hasExtension(file.name) ? named !== declared : false) {
    throw fileError("documents.fileNameMismatch", { declared: typeLabels[declared] });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  // The size a client declares is not trusted either.
  if (bytes.byteLength > maxUploadBytes) throw tooLarge(field, maxUploadBytes);
  if (sniffContentType(bytes) !== declared) {
    throw fileError("documents.fileContentMismatch", { declared: typeLabels[declared] });
  }
  return { bytes, contentType: declared, fileName: sanitiseFileName(file.name, declared) };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Stores an uploaded document for a request. The bytes are written first (temp file, then
 * rename); the row, its timeline event and audit entry commit together; if that transaction
 * fails the stored file is removed, so neither a row without a file nor an orphan file stays.
 */
export async function uploadDocument(
  services: DocumentServices,
  caller: Caller,
  input: UploadDocumentInput,
) {
  if (caller.kind !== "user") throw refusal(caller.kind !== "anonymous");
  const request = await services.prisma.request.findUnique({
    where: { id: input.requestId },
    select: { id: true, memberId: true, status: true },
  });
  if (!request) throw new NotFoundError("Request", input.requestId);
  if (!isOpenToDocuments(request.status)) {
    throw inputFieldError("request", "documents.requestClosed", { status: request.status });
  }
  return storeUpload(services, input.file, "file", (stored) =>
    run(services, caller, attachDocument, { request, kind: input.kind, ...stored }),
  );
}

/** A checked upload as stored: what its row records. */
export type StoredUpload = {
  fileName: string;
  contentType: AllowedContentType;
  size: number;
  sha256: string;
  /** Where the bytes were stored, before the transaction. */
  storageKey: string;
};

/**
 * Checks an upload (`checkUploadedFile`, errors naming `field`), stores its bytes (temp file,
 * then rename), and hands them to `record`, the transaction that writes the row referring to
 * them. If that fails the stored file is removed, so neither a row without a file nor an
 * orphan file stays. Documents and the letters register's scans are stored this way.
 */
export async function storeUpload<T>(
  services: { storage: DocumentStorage; maxUploadBytes: number },
  file: UploadedFile,
  field: string,
  record: (stored: StoredUpload) => Promise<T>,
): Promise<T> {
  const { bytes, contentType, fileName } = await checkUploadedFile(
    file,
    services.maxUploadBytes,
    field,
  );
  const storageKey = newStorageKey();
  await services.storage.put(storageKey, bytes);
  try {
    return await record({
      fileName,
      contentType,
      size: bytes.byteLength,
      sha256: sha256Hex(bytes),
      storageKey,
    });
  } catch (error) {
    await services.storage.delete(storageKey).catch(() => {
      // The original failure matters more; a leftover file is harmless and unreferenced.
    });
    throw error;
  }
}

export type AttachDocumentInput = StoredUpload & {
  request: { id: string; memberId: string };
  kind: DocumentKind;
};

/** The row of a stored file, with its timeline event and audit entry. */
export async function attachDocument(
  context: CommandContext,

  { request, kind, fileName, contentType, size, sha256, storageKey }: AttachDocumentInput,
) {
  const { tx, caller } = context;
  const actor = actorOf(caller);
  const document = await tx.document.create({
    data: {
      memberId: request.memberId,
      requestId: request.id,
      kind,
      fileName,
      contentType,
      size,
      sha256,
      storageKey,
      uploadedByActor: actor.kind,
      uploadedById: actor.id,
      createdAt: context.now,
      updatedAt: context.now,
    },
  });
  await recordTimelineEvent(context, {
    memberId: request.memberId,
    requestId: request.id,
    kind: "DOCUMENT_UPLOADED",
    data: { documentId: document.id, kind: document.kind, fileName, sha256 },
  });
  await recordAudit(context, {
    action: "CREATE",
    entityType: "Document",
    entityId: document.id,
    changes: changedFields({}, { requestId: request.id, kind, fileName, contentType, sha256 }),
  });
  return document;
}

export type VerifyDocumentInput = {
  id: string;
  version: number;
  decision: "ACCEPTED" | "REJECTED";
  reason?: string | null | undefined;
};

const maxReasonLength = 500;

/**
 * Records staff's verification of a document: ACCEPTED, or REJECTED with a reason. A decision
 * may be corrected later (with the version read); each one is kept in the audit log.
 */
export async function verifyDocument(
  context: CommandContext,

  input: VerifyDocumentInput,
) {
  const { tx, caller, now } = context;
  if (caller.kind !== "user") throw refusal(caller.kind !== "anonymous");
  const reason = input.reason?.trim() || null;
  if (input.decision === "REJECTED" && !reason) {
    throw inputFieldError("reason", "documents.reasonRequired");
  }
  if (reason && reason.length > maxReasonLength) {
    throw inputFieldError("reason", "validation.tooLong", { max: maxReasonLength });
  }
  const before = await tx.document.findUnique({ where: { id: input.id } });
  if (!before) throw new NotFoundError("Document", input.id);
  await expectVersion(context, "Document", before, input.version);
  const data = {
    verification: input.decision,
    rejectionReason: input.decision === "REJECTED" ? reason : null,
    verifiedById: caller.id,
    verifiedAt: now,
  };
  // The version in the WHERE makes check and write one step under concurrent verifiers.
  const written = await tx.document.updateMany({
    where: { id: input.id, version: input.version },
    data: { ...data, version: { increment: 1 }, updatedAt: now },
  });
  if (written.count !== 1) throw await staleWrite(context, "Document", before.id, input.version);
  const document = await tx.document.findUniqueOrThrow({ where: { id: input.id } });
  await recordAudit(
    { tx, caller, now },
    {
      action: "UPDATE",
      entityType: "Document",
      entityId: document.id,
      changes: changedFields(before, data),
    },
  );
  await recordTimelineEvent(
    { tx, caller, now },
    {
      memberId: document.memberId,
      requestId: document.requestId ?? undefined,
      kind: "DOCUMENT_VERIFIED",
      note: data.rejectionReason ?? undefined,
      data: { documentId: document.id, kind: document.kind, decision: input.decision },
    },
  );
  return document;
}
