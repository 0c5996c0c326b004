// The outbox (DOMAIN.md, "Notification"): a change that should reach the member queues its
// rendered messages in the same transaction (the command's), so a message exists exactly when
// the change committed. The delivery worker (delivery.ts) sends the PENDING rows.
import type { Db } from "../../db/client.js";
import type { CommandContext } from "../../db/commands.js";
import type { Member, NotificationTemplate } from "../../db/generated/client.js";
import type { Language, NotificationChannel, NotificationEvent } from "../../db/generated/enums.js";
import type { Locale } from "../../i18n/messages.js";
import "./events.js";

/**
 * What each event's templates are filled with, by event. The module that sends an event
 * declares its parameters (declaration merging, from its own folder) and registers how they
 * render (`registerNotificationParams`); an event nobody declared cannot be queued.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules (declaration merging).
export interface NotificationParamsByEvent {}

/** The parameters of an event, or `never` for an event no module declared. */
export type NotificationParams<Event extends NotificationEvent> =
  Event extends keyof NotificationParamsByEvent ? NotificationParamsByEvent[Event] : never;

export type NotificationRequest<Event extends NotificationEvent = NotificationEvent> = {
  event: Event;
  memberId: string;
  requestId?: string | undefined;
  params: NotificationParams<Event>;
  /** Not to be delivered before this moment (e.g. a survey invitation some hours after service). */
  notBefore?: Date | undefined;
};

/**
 * Turns an event's parameters into the templates' placeholder values, in the member's
 * language; a placeholder with no value renders as nothing.
 */
export type NotificationRenderer<Params> = (
  params: Params,
  reader: { language: Language; locale: Locale },
) => Record<string, string>;

const renderers = new Map<NotificationEvent, NotificationRenderer<never>>();

/** How the events a module declared render their parameters (called from that module). */
export function registerNotificationParams<Event extends keyof NotificationParamsByEvent>(
  events: readonly Event[],
  render: NotificationRenderer<NotificationParamsByEvent[Event]>,
): void {
  for (const event of events) {
    if (renderers.has(event)) throw new Error(`notification parameters registered twice: ${event}`);
    renderers.set(event, render as NotificationRenderer<never>);
  }
}

const localeOf = (language: Language): Locale => (language === "EN" ? "en" : "ar");

/** Every template may greet the member (or, in a staff reminder, name them). */
const commonPlaceholders = ["memberName"] as const;

/**
 * The placeholders an event's templates may use: those its renderer fills, read by calling it
 * once with empty parameters (the renderer is their one source), and the member's name.
 */
export function placeholdersOf(event: NotificationEvent): string[] {
  const render = renderers.get(event);
  const empty = new Proxy({}, { get: () => null }) as never;
  const filled = render ? Object.keys(render(empty, { language: "AR", locale: "ar" })) : [];
  return [...new Set([...commonPlaceholders, ...filled])].sort();
}

/**
 * Renders an event's texts with parameters as its module would send them: the panel's live
 * preview (on a real request) uses the same renderer as the outbox.
 */
export function renderedValues<Event extends NotificationEvent>(
  event: Event,
  params: NotificationParams<Event>,
  language: Language,
): Record<string, string> {
  const render = renderers.get(event) as
    | NotificationRenderer<NotificationParams<Event>>
    | undefined;
  return render ? render(params, { language, locale: localeOf(language) }) : {};
}

/**
 * The Gregorian and the Hijri (Umm al-Qura) day in Riyadh, per language: made once (building
 * an Intl formatter costs far more than formatting with it).
 */
const dueDateFormats = new Map<Language, [Intl.DateTimeFormat, Intl.DateTimeFormat]>();

/**
 * A date as the member reads it: the Gregorian day in Riyadh, with the Hijri (Umm al-Qura)
 * day beside it, in the member's language.
 */
export function formatDueDate(date: Date, language: Language): string {
  let formats = dueDateFormats.get(language);
  if (!formats) {
    const locale = language === "EN" ? "en-GB" : "ar-SA";
    const options: Intl.DateTimeFormatOptions = {
      timeZone: "Asia/Riyadh",
      day: "numeric",
      month: "long",
      year: "numeric",
    };
    formats = [
      new Intl.DateTimeFormat(`${locale}-u-ca-gregory-nu-latn`, options),
      new Intl.DateTimeFormat(`${locale}-u-ca-islamic-umalqura-nu-latn`, options),
    ];
    dueDateFormats.set(language, formats);
  }
  return `${formats[0].format(date)} (${formats[1].format(date)})`;
}

/** Fills `{{placeholder}}`s; unknown or empty ones become nothing, never the raw braces. */
export function renderTemplate(text: string, values: Record<string, string>): string {
  return text
    .replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? "")
    .replace(/[ \t]+\n/g, "\n")
    .trim();
}

/**
 * What the member receives even after opting out: what they must act on or be told by law
 * (more information needed, the decision and its reason, the attestation link they asked for).
 */
export const requiredNotifications: readonly NotificationEvent[] = [
  "NEEDS_INFO",
  "DECIDED",
  "ATTESTATION_REQUESTED",
];

/** What the outbox needs of the member: their names, addresses, language and wishes. */
export type Addressee = Pick<
  Member,
  | "fullNameAr"
  | "fullNameEn"
  | "mobile"
  | "email"
  | "preferredLanguage"
  | "notifyBy"
  | "notificationsOptOut"
>;

const addresseeFields = {
  fullNameAr: true,
  fullNameEn: true,
  mobile: true,
  email: true,
  preferredLanguage: true,
  notifyBy: true,
  notificationsOptOut: true,
} as const;

/**
 * Renders the event's templates for the member in their preferred language into PENDING
 * notifications: on the channel they prefer (`notifyBy`) when it has an address, else on every
 * channel with one (SMS to the mobile, e-mail when an address is known). A member who opted
 * out receives only the required notifications. A channel without a template is skipped.
 * Returns how many were queued.
 */
export async function enqueueNotification<Event extends NotificationEvent>(
  context: Pick<CommandContext, "tx" | "now" | "emit">,
  notification: NotificationRequest<Event>,
): Promise<number> {
  const { tx, now } = context;
  const member = await tx.member.findUniqueOrThrow({
    where: { id: notification.memberId },
    select: addresseeFields,
  });
  const rows = await notificationRows(tx, notification, member);
  if (rows.length) {
    // Queued at the command's moment, due then unless the row says later.
    await tx.notification.createMany({
      data: rows.map((row) => ({ nextAttemptAt: now, ...row, createdAt: now, updatedAt: now })),
    });
    announceQueued(context);
  }
  return rows.length;
}

/** The outbox screen refetches once the change that queued messages commits. */
export function announceQueued(context: Pick<CommandContext, "now" | "emit">): void {
  context.emit("outboxChanged", {
    change: "QUEUED",
    notificationIds: [],
    at: context.now.toISOString(),
  });
}

/**
 * The rows `enqueueNotification` queues, for a member as given (a statement that writes them
 * itself reads the member beforehand, or knows them as its change leaves them).
 */
export async function notificationRows<Event extends NotificationEvent>(
  tx: Db,
  notification: NotificationRequest<Event>,
  member: Addressee,
): Promise<OutboxRow[]> {
  const templates = await tx.notificationTemplate.findMany({
    where: { event: notification.event },
  });
  return renderedRows(templates, notification, member);
}

/**
 * The rows of `notificationRows` from the event's templates as given (the seed renders its
 * history's from the templates it wrote, read once).
 */
export function renderedRows<Event extends NotificationEvent>(
  templates: readonly NotificationTemplate[],
  notification: NotificationRequest<Event>,
  member: Addressee,
): OutboxRow[] {
  const render = renderers.get(notification.event) as
    | NotificationRenderer<NotificationParams<Event>>
    | undefined;
  if (!render) throw new Error(`no parameters declared for notification ${notification.event}`);
  if (member.notificationsOptOut && !requiredNotifications.includes(notification.event)) return [];
  const reachable: Partial<Record<NotificationChannel, string>> = {
    SMS: member.mobile,
    ...(member.email ? { EMAIL: member.email } : {}),
  };
  const preferred = member.notifyBy ? reachable[member.notifyBy] : undefined;
  const addresses = preferred ? { [member.notifyBy!]: preferred } : reachable;
  const language = member.preferredLanguage;
  const locale = localeOf(language);
  const values: Record<string, string> = {
    ...render(notification.params, { language, locale }),
    memberName: language === "EN" ? (member.fullNameEn ?? member.fullNameAr) : member.fullNameAr,
  };
  return templates.flatMap((template) => {
    if (template.event !== notification.event) return [];
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
        ...(notification.notBefore ? { nextAttemptAt: notification.notBefore } : {}),
      },
    ];
  });
}

/** A member's notification as the outbox stores it, before its id and times. */
export type OutboxRow = {
  event: NotificationEvent;
  channel: NotificationChannel;
  memberId: string;
  requestId: string | null;
  address: string;
  language: Language;
  subject: string;
  body: string;
  nextAttemptAt?: Date;
};
