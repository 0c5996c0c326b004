// The letters register (الصادر والوارد): every incoming (وارد) and outgoing (صادر) letter gets
// the next number of its direction in the Hijri year of its date, e.g. ص-1448-000123. The
// number is taken from a counter row locked until the registration commits, so concurrent
// registrations queue and a failed one gives its number back: the register has no gaps. A
// letter about a member is also a communication on their log. A letter carries its scan (with
// or without a member), stored as members' documents are (requests/documents).
import type { CommandContext } from "../../db/commands.js";
import { nextSerial } from "../../db/counters.js";
import type { LetterDirection, NotificationEvent } from "../../db/generated/enums.js";
import { FieldErrors, inputFieldError, NotFoundError } from "../../errors.js";
import { changedFields, expectVersion, recordAudit, staleWrite } from "../audit/service.js";
import { renderTemplateForRequest } from "../notifications/templates.js";
import type { StoredUpload } from "../requests/documents/service.js";
import { recordCommunication } from "./service.js";

export const letterLimits = { subject: 200, correspondent: 200, body: 20_000 } as const;

const prefixes: Record<LetterDirection, string> = { INCOMING: "و", OUTGOING: "ص" };

/** The Umm al-Qura year a day falls in, in Riyadh. */
export function hijriYearOf(date: Date): number {
  const year = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", {
    timeZone: "Asia/Riyadh",
    year: "numeric",
  })
    .formatToParts(date)
    .find((part) => part.type === "year")?.value;
  return Number.parseInt(year ?? "", 10);
}

/** The day a moment falls on in Riyadh, as a date (midnight UTC), as the register keeps it. */
function riyadhDay(moment: Date): Date {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Riyadh" }).format(moment);
  return new Date(`${day}T00:00:00Z`);
}

/** The register number: direction letter, Hijri year, six-digit serial (ص-1448-000123). */
export const registerNumberOf = (direction: LetterDirection, year: number, serial: number) =>
  `${prefixes[direction]}-${year}-${String(serial).padStart(6, "0")}`;

export type RegisterLetterInput = {
  direction: LetterDirection;
  /** The letter's date (its day); today when omitted. */
  letterDate?: Date | null | undefined;
  correspondent: string;
  subject: string;
  body?: string | null | undefined;
  memberId?: string | null | undefined;
  requestId?: string | null | undefined;
  /** The scanned letter, already stored (`storeUpload`): this transaction files it. */
  scan?: StoredUpload | undefined;
  /** An outgoing letter written from this event's template, for the request's member. */
  template?: NotificationEvent | null | undefined;
  /** Where members reach Wasl: links in a letter written from a template start with it. */
  publicUrl: string;
};

export async function registerLetter(context: CommandContext, input: RegisterLetterInput) {
  const { tx, caller, now } = context;
  const errors = new FieldErrors();
  const subject = errors.text("subject", input.subject, letterLimits.subject, true) ?? "";
  const correspondent =
    errors.text("correspondent", input.correspondent, letterLimits.correspondent, true) ?? "";
  let body = errors.text("body", input.body, letterLimits.body) ?? "";
  const letterDate = input.letterDate ?? riyadhDay(now);
  if (letterDate.getTime() > now.getTime() + 86_400_000)
    errors.add("letterDate", "letters.dateInFuture");
  if (input.template && (input.direction !== "OUTGOING" || !input.requestId))
    errors.add("template", "letters.templateNeedsOutgoingRequest");
  errors.throwIfAny();
  if (input.template && input.requestId && !body)
    body = (
      await renderTemplateForRequest(tx, {
        event: input.template,
        requestId: input.requestId,
        publicUrl: input.publicUrl,
        now,
      })
    ).body;

  // The member's log first: it checks the member, the request and who may write on them.
  const communication =
    input.memberId || input.requestId
      ? await recordCommunication(context, {
          memberId: input.memberId,
          requestId: input.requestId,
          channel: "LETTER",
          direction: input.direction === "INCOMING" ? "INBOUND" : "OUTBOUND",
          subject,
          body,
          occurredAt: letterDate.getTime() > now.getTime() ? now : letterDate,
        })
      : null;
  const year = hijriYearOf(letterDate);
  const serial = await nextSerial(tx, `LETTER_${input.direction}`, year);
  const letter = await tx.letter.create({
    data: {
      direction: input.direction,
      year,
      serial,
      registerNumber: registerNumberOf(input.direction, year, serial),
      subject,
      correspondent,
      body,
      letterDate,
      memberId: communication?.memberId ?? null,
      requestId: communication?.requestId ?? null,
      communicationId: communication?.id ?? null,
      ...(input.scan ? scanFields(input.scan, now) : {}),
      createdById: caller.kind === "user" ? caller.id : null,
      createdAt: now,
    },
  });
  await recordAudit(
    { tx, caller, now },
    {
      action: "CREATE",
      entityType: "Letter",
      entityId: letter.id,
      requestId: letter.requestId ?? undefined,
      changes: changedFields(
        {},
        {
          registerNumber: letter.registerNumber,
          ...(input.scan
            ? { scanFileName: letter.scanFileName, scanSha256: letter.scanSha256 }
            : {}),
        },
      ),
    },
  );
  return letter;
}

/** The letter's columns for a stored scan. */
function scanFields(scan: StoredUpload, now: Date) {
  return {
    scanFileName: scan.fileName,
    scanContentType: scan.contentType,
    scanSize: scan.size,
    scanSha256: scan.sha256,
    scanStorageKey: scan.storageKey,
    scanUploadedAt: now,
  };
}

export type AttachLetterScanInput = { id: string; version: number; scan: StoredUpload };

/**
 * Files the scan of a letter registered without one. A scan once filed is part of the record
 * and is not replaced: another is refused, naming the field.
 */
export async function attachLetterScan(context: CommandContext, input: AttachLetterScanInput) {
  const { tx, now } = context;
  const before = await tx.letter.findUnique({
    where: { id: input.id },
    select: { id: true, version: true, requestId: true, scanStorageKey: true },
  });
  if (!before) throw new NotFoundError("Letter", input.id);
  await expectVersion(context, "Letter", before, input.version);
  if (before.scanStorageKey) throw inputFieldError("scan", "letters.scanAlreadyFiled");
  const data = scanFields(input.scan, now);
  // The version and the empty scan in the WHERE make check and write one step.
  const written = await tx.letter.updateMany({
    where: { id: input.id, version: input.version, scanStorageKey: null },
    data: { ...data, version: { increment: 1 } },
  });
  if (written.count !== 1) throw await staleWrite(context, "Letter", input.id, input.version);
  await recordAudit(context, {
    action: "UPDATE",
    entityType: "Letter",
    entityId: input.id,
    requestId: before.requestId ?? undefined,
    changes: {
      scanFileName: { before: null, after: data.scanFileName },
      scanSha256: { before: null, after: data.scanSha256 },
    },
  });
  return tx.letter.findUniqueOrThrow({ where: { id: input.id } });
}
