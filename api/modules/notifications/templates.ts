// Notification templates (per event, channel and language) as admins edit them: placeholders
// checked against what the event fills (an unknown one is refused by name), the text before
// each edit kept as a version, and a preview rendered on a real request exactly as the outbox
// would render it.

import type { Db } from "../../db/client.js";
import type { CommandContext } from "../../db/commands.js";
import type { Language, NotificationChannel, NotificationEvent } from "../../db/generated/enums.js";
import { FieldErrors, NotFoundError, refusal } from "../../errors.js";
import { expectVersion, recordAudit, staleWrite } from "../audit/service.js";
import { renderEmailHtml } from "./email.js";
import { placeholdersOf, renderedValues, renderTemplate } from "./outbox.js";

export const templateLimits = { subject: 200, emailBody: 5000, shortBody: 480 } as const;

type TemplateText = { subjectAr: string; subjectEn: string; bodyAr: string; bodyEn: string };
const textFields = ["subjectAr", "subjectEn", "bodyAr", "bodyEn"] as const;

/**
 * Checks one text's placeholders: each `{{name}}` must be one the event fills; braces that do
 * not form a placeholder are refused too (the member would read them as they are).
 */
export function checkPlaceholders(
  errors: FieldErrors,
  field: string,
  text: string,
  allowed: readonly string[],
): void {
  const unknown = new Set<string>();
  const rest = text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_, name: string) => {
    if (!allowed.includes(name)) unknown.add(name);
    return "";
  });
  for (const placeholder of unknown)
    errors.add(field, "templates.unknownPlaceholder", {
      placeholder: `{{${placeholder}}}`,
      allowed: allowed.map((name) => `{{${name}}}`).join("، "),
    });
  if (/[{}]/.test(rest)) errors.add(field, "templates.malformedPlaceholder");
}

function checkedText(
  errors: FieldErrors,
  channel: NotificationChannel,
  allowed: readonly string[],
  input: TemplateText,
): TemplateText {
  const bodyMax = channel === "EMAIL" ? templateLimits.emailBody : templateLimits.shortBody;
  const text = {} as TemplateText;
  for (const field of textFields) {
    const max = field.startsWith("subject") ? templateLimits.subject : bodyMax;
    text[field] = errors.text(field, input[field], max, true) ?? "";
    checkPlaceholders(errors, field, text[field], allowed);
  }
  return text;
}

export type UpdateTemplateInput = TemplateText & { id: string; version: number };

/** An admin's edit of a template: checked, the previous text kept as a version, audited. */
export async function updateNotificationTemplate(
  context: CommandContext,
  input: UpdateTemplateInput,
) {
  const { tx, caller } = context;
  if (caller.kind !== "user") throw refusal(caller.kind !== "anonymous");
  const before = await tx.notificationTemplate.findUnique({ where: { id: input.id } });
  if (!before) throw new NotFoundError("NotificationTemplate", input.id);
  const errors = new FieldErrors();
  const text = checkedText(errors, before.channel, placeholdersOf(before.event), input);
  errors.throwIfAny();
  await expectVersion(context, "NotificationTemplate", before, input.version);
  const updated = await tx.notificationTemplate.updateMany({
    where: { id: before.id, version: before.version },
    data: { ...text, editedById: caller.id, version: { increment: 1 } },
  });
  if (!updated.count)
    throw await staleWrite(context, "NotificationTemplate", before.id, input.version);
  await tx.notificationTemplateVersion.create({
    data: {
      templateId: before.id,
      version: before.version,
      subjectAr: before.subjectAr,
      subjectEn: before.subjectEn,
      bodyAr: before.bodyAr,
      bodyEn: before.bodyEn,
      editedById: before.editedById,
      createdAt: before.updatedAt,
    },
  });
  const changes = Object.fromEntries(
    textFields
      .filter((field) => before[field] !== text[field])
      .map((field) => [field, { before: before[field], after: text[field] }]),
  );
  await recordAudit(context, {
    action: "UPDATE",
    entityType: "NotificationTemplate",
    entityId: before.id,
    changes,
  });
  return tx.notificationTemplate.findUniqueOrThrow({ where: { id: before.id } });
}

export type PreviewInput = {
  event: NotificationEvent;
  channel: NotificationChannel;
  language: Language;
  subject: string;
  body: string;
  requestId: string;
};

/**
 * A template's text rendered on a real request, as the outbox would send it to that
 * request's member: the texts being edited, checked, then filled. Links that are made when a
 * message is sent (the attestation link, a survey's) are shown as examples.
 */
export async function previewNotificationTemplate(
  db: Db,
  input: PreviewInput & { publicUrl: string; now: Date },
) {
  const errors = new FieldErrors();
  const allowed = placeholdersOf(input.event);
  checkPlaceholders(errors, "subject", input.subject, allowed);
  checkPlaceholders(errors, "body", input.body, allowed);
  errors.throwIfAny();
  const request = await db.request.findUnique({
    where: { id: input.requestId },
    select: {
      reference: true,
      decisionDueAt: true,
      status: true,
      decisionReason: true,
      answer: true,
      member: { select: { fullNameAr: true, fullNameEn: true } },
    },
  });
  if (!request) throw new NotFoundError("Request", input.requestId);
  const english = input.language === "EN";
  // Every event's parameters, from the request; each renderer reads those it declares.
  const params = {
    reference: request.reference,
    dueDate: request.decisionDueAt,
    status: request.status,
    reason: request.decisionReason,
    answer: request.answer,
    note: english ? "a recent family card" : "صورة حديثة من سجل الأسرة",
    link: `${input.publicUrl}/attest#example`,
    validUntil: new Date(input.now.getTime() + 72 * 3_600_000),
  } as never;
  const values = {
    ...renderedValues(input.event, params, input.language),
    memberName: english
      ? (request.member.fullNameEn ?? request.member.fullNameAr)
      : request.member.fullNameAr,
  };
  const subject = renderTemplate(input.subject, values);
  const body = renderTemplate(input.body, values);
  return {
    subject,
    body,
    html: input.channel === "EMAIL" ? renderEmailHtml(subject, body, input.language) : null,
  };
}

/**
 * An event's e-mail template rendered for a request's member, in the member's language (an
 * outgoing letter written from a template): its subject and text.
 */
export async function renderTemplateForRequest(
  db: Db,
  input: { event: NotificationEvent; requestId: string; publicUrl: string; now: Date },
) {
  const [template, request] = await Promise.all([
    db.notificationTemplate.findUnique({
      where: { event_channel: { event: input.event, channel: "EMAIL" } },
    }),
    db.request.findUnique({
      where: { id: input.requestId },
      select: { member: { select: { preferredLanguage: true } } },
    }),
  ]);
  if (!template) throw new NotFoundError("NotificationTemplate", input.event);
  if (!request) throw new NotFoundError("Request", input.requestId);
  const language = request.member.preferredLanguage;
  const english = language === "EN";
  return previewNotificationTemplate(db, {
    ...input,
    channel: "EMAIL",
    language,
    subject: english ? template.subjectEn : template.subjectAr,
    body: english ? template.bodyEn : template.bodyAr,
  });
}
