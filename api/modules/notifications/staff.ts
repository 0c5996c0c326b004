// What reaches staff rather than members: a case assigned to them, a decision due soon, a
// decision overdue. Each is an in-app notification (the panel's bell, announced live) and an
// e-mail through the outbox, rendered from the event's templates in the user's language.

import type { Db, Prisma } from "../../db/client.js";
import type { CommandContext } from "../../db/commands.js";
import type { NotificationTemplate } from "../../db/generated/client.js";
import type { Language, NotificationEvent, RequestStatus } from "../../db/generated/enums.js";
import { translate } from "../../i18n/messages.js";
import {
  formatDueDate,
  registerNotificationParams,
  renderedValues,
  renderTemplate,
} from "./outbox.js";

export type StaffReminder = "DUE_DATE_REMINDER" | "DECISION_OVERDUE" | "CASE_ASSIGNED";

export type StaffReminderParams = {
  reference: string | null;
  dueDate: Date | null;
  status: RequestStatus;
  memberName: string;
};

declare module "./outbox.js" {
  interface NotificationParamsByEvent extends Record<StaffReminder, StaffReminderParams> {}
}

registerNotificationParams(
  ["DUE_DATE_REMINDER", "DECISION_OVERDUE", "CASE_ASSIGNED"],
  (params, { language, locale }) => ({
    reference: params.reference ?? "",
    dueDate: params.dueDate ? formatDueDate(params.dueDate, language) : "",
    status: translate(locale, `requestStatus.${params.status}`),
    memberName: params.memberName ?? "",
  }),
);

/** A staff user's new in-app notification, announced after the commit to their bell. */
export type StaffNotificationEvent = { userId: string };

/** A reminder to queue: for which user, about which request, when, under which key if any. */
export type StaffReminderOf = {
  event: StaffReminder;
  userId: string;
  requestId: string;
  now: Date;
  dedupeKey?: string;
};

declare module "../../pubsub.js" {
  interface WaslEvents {
    staffNotificationAdded: [StaffNotificationEvent];
  }
}

/**
 * Queues a reminder about a request for a staff user: in the panel (delivered at once) and
 * by e-mail (through the outbox). With a `dedupeKey`, a reminder already queued under that
 * key is not queued again (scheduled jobs on several instances). Returns whether it was new.
 */
export async function enqueueStaffReminder(tx: Db, reminder: StaffReminderOf): Promise<boolean> {
  const [user, request, templates] = await Promise.all([
    tx.user.findUnique({
      where: { id: reminder.userId },
      select: { email: true, language: true, disabled: true },
    }),
    tx.request.findUnique({
      where: { id: reminder.requestId },
      select: {
        reference: true,
        decisionDueAt: true,
        status: true,
        member: { select: { fullNameAr: true, fullNameEn: true } },
      },
    }),
    // Staff are reached in the panel and by e-mail (their mobile is not on file).
    tx.notificationTemplate.findMany({
      where: { event: reminder.event, channel: { in: ["IN_APP", "EMAIL"] } },
    }),
  ]);
  if (!user || user.disabled || !request) return false;
  const rows = staffReminderRows(reminder, user, request, templates);
  const created = await tx.notification.createMany({ data: rows, skipDuplicates: true });
  return created.count > 0;
}

/**
 * The rows of a staff reminder, rendered from the event's templates for the user about the
 * request as it stands (the seed writes its history's with them, at each step's moment).
 */
export function staffReminderRows(
  reminder: StaffReminderOf,
  user: { email: string; language: Language },
  request: {
    reference: string | null;
    decisionDueAt: Date | null;
    status: RequestStatus;
    member: { fullNameAr: string; fullNameEn: string | null };
  },
  templates: NotificationTemplate[],
): Prisma.NotificationCreateManyInput[] {
  const english = user.language === "EN";
  const values = renderedValues(
    reminder.event,
    {
      reference: request.reference,
      dueDate: request.decisionDueAt,
      status: request.status,
      memberName: english
        ? (request.member.fullNameEn ?? request.member.fullNameAr)
        : request.member.fullNameAr,
    },
    user.language,
  );
  return templates.map((template, index) => ({
    event: reminder.event as NotificationEvent,
    channel: template.channel,
    userId: reminder.userId,
    requestId: reminder.requestId,
    address: user.email,
    language: user.language,
    subject: renderTemplate(english ? template.subjectEn : template.subjectAr, values),
    body: renderTemplate(english ? template.bodyEn : template.bodyAr, values),
    // The bell's row is the notification itself: nothing to send.
    ...(template.channel === "IN_APP" ? { status: "SENT" as const, sentAt: reminder.now } : {}),
    dedupeKey: reminder.dedupeKey ? `${reminder.dedupeKey}:${index}` : null,
    nextAttemptAt: reminder.now,
    createdAt: reminder.now,
    updatedAt: reminder.now,
  }));
}

/**
 * The hook for the requests life cycle: the case's researcher (or assignee) was just given
 * the case, in the same transaction; their bell lights up once it commits.
 */
export async function notifyCaseAssigned(
  context: Pick<CommandContext, "tx" | "now" | "emit">,
  request: { id: string },
  userId: string | null,
): Promise<void> {
  if (!userId) return;
  const queued = await enqueueStaffReminder(context.tx, {
    event: "CASE_ASSIGNED",
    userId,
    requestId: request.id,
    now: context.now,
  });
  if (queued) {
    context.emit("staffNotificationAdded", { userId });
    context.emit("outboxChanged", {
      change: "QUEUED",
      notificationIds: [],
      at: context.now.toISOString(),
    });
  }
}
