// The outbox (DOMAIN.md, "Notification"): a change that should reach the member queues its
// rendered messages in the same transaction, so a message exists exactly when the change
// committed. Delivery (worker, SMTP, SMS) reads PENDING rows; it is not part of this module.
import type { Db } from "../../db/client.js";
import type {
  Language,
  NotificationChannel,
  NotificationEvent,
  RequestStatus,
} from "../../db/generated/enums.js";
import { type Locale, type MessageKey, translate } from "../../i18n/messages.js";

/** What the templates' placeholders are filled with; absent values render as nothing. */
export type NotificationParams = {
  reference?: string | null | undefined;
  dueDate?: Date | null | undefined;
  status?: RequestStatus | null | undefined;
  note?: string | null | undefined;
  reason?: string | null | undefined;
  answer?: string | null | undefined;
  /** A link for the member to act on (e.g. sign the attestation). */
  link?: string | undefined;
  /** Until when the link works. */
  validUntil?: Date | undefined;
};

export type NotificationRequest = {
  event: NotificationEvent;
  memberId: string;
  requestId?: string | undefined;
  params?: NotificationParams;
};

const localeOf = (language: Language): Locale => (language === "EN" ? "en" : "ar");

/**
 * A date as the member reads it: the Gregorian day in Riyadh, with the Hijri (Umm al-Qura)
 * day beside it, in the member's language.
 */
export function formatDueDate(date: Date, language: Language): string {
  const locale = language === "EN" ? "en-GB" : "ar-SA";
  const options: Intl.DateTimeFormatOptions = {
    timeZone: "Asia/Riyadh",
    day: "numeric",
    month: "long",
    year: "numeric",
  };
  const gregorian = new Intl.DateTimeFormat(`${locale}-u-ca-gregory-nu-latn`, options).format(date);
  const hijri = new Intl.DateTimeFormat(`${locale}-u-ca-islamic-umalqura-nu-latn`, options).format(
    date,
  );
  return `${gregorian} (${hijri})`;
}

/** Fills `{{placeholder}}`s; unknown or empty ones become nothing, never the raw braces. */
export function renderTemplate(text: string, values: Record<string, string>): string {
  return text
    .replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? "")
    .replace(/[ \t]+\n/g, "\n")
    .trim();
}

/**
 * Renders the event's templates for the member (Arabic or English by their preferred
 * language) into PENDING notifications, one per channel the member can be reached on: SMS to
 * the mobile always, e-mail when an address is known. A channel without a template is skipped.
 * Returns how many were queued.
 */
export async function enqueueNotification(
  tx: Db,
  notification: NotificationRequest,
): Promise<number> {
  const member = await tx.member.findUniqueOrThrow({
    where: { id: notification.memberId },
    select: {
      fullNameAr: true,
      fullNameEn: true,
      mobile: true,
      email: true,
      preferredLanguage: true,
    },
  });
  const templates = await tx.notificationTemplate.findMany({
    where: { event: notification.event },
  });
  const language = member.preferredLanguage;
  const locale = localeOf(language);
  const params = notification.params ?? {};
  const values: Record<string, string> = {
    memberName: language === "EN" ? (member.fullNameEn ?? member.fullNameAr) : member.fullNameAr,
    reference: params.reference ?? "",
    dueDate: params.dueDate ? formatDueDate(params.dueDate, language) : "",
    status: params.status ? translate(locale, `requestStatus.${params.status}` as MessageKey) : "",
    note: params.note ?? "",
    reason: params.reason ?? "",
    answer: params.answer ?? "",
    link: params.link ?? "",
    validUntil: params.validUntil ? formatDueDate(params.validUntil, language) : "",
  };
  const addresses: Partial<Record<NotificationChannel, string>> = {
    SMS: member.mobile,
    ...(member.email ? { EMAIL: member.email } : {}),
  };
  const rows = templates.flatMap((template) => {
    const address = addresses[template.channel];
    if (!address) return [];
    const english = language === "EN";
    return [
      {
        event: notification.event,
        channel: template.channel,
        memberId: notification.memberId,
        requestId: notification.requestId ?? null,
        address,
        language,
        subject: renderTemplate(english ? template.subjectEn : template.subjectAr, values),
        body: renderTemplate(english ? template.bodyEn : template.bodyAr, values),
      },
    ];
  });
  if (rows.length) await tx.notification.createMany({ data: rows });
  return rows.length;
}
