// The outbox's commands for staff: send a FAILED notification again, or stop a PENDING one
// from going out. Both are audited and checked against the version the caller read.
import type { CommandContext } from "../../db/commands.js";
import type { OutboxStatus } from "../../db/generated/enums.js";
import { NotFoundError } from "../../errors.js";
import { expectVersion, recordAudit, staleWrite } from "../audit/service.js";
import { memberChannels } from "./channels.js";
import { type OutboxAction, OutboxTransitionError, outboxActions } from "./errors.js";

/** Which state each action starts from and leads to. */
const moves: Record<OutboxAction, { from: OutboxStatus; to: OutboxStatus }> = {
  RESEND: { from: "FAILED", to: "PENDING" },
  CANCEL: { from: "PENDING", to: "CANCELLED" },
};

export type ChangeNotificationInput = { id: string; version: number };

async function move(context: CommandContext, action: OutboxAction, input: ChangeNotificationInput) {
  const { tx, caller, now } = context;
  const before = await tx.notification.findUnique({
    where: { id: input.id },
    select: { id: true, status: true, version: true, requestId: true, channel: true },
  });
  // In-app notifications are each user's own, webhook deliveries the partners' (their own
  // resend): neither is the outbox's.
  if (!before || !(memberChannels as readonly string[]).includes(before.channel))
    throw new NotFoundError("Notification", input.id);
  await expectVersion(context, "Notification", before, input.version);
  const { from, to } = moves[action];
  if (before.status !== from) {
    const allowed = outboxActions.filter((a) => moves[a].from === before.status);
    throw new OutboxTransitionError(before.status, action, allowed);
  }
  const updated = await tx.notification.updateMany({
    where: { id: before.id, version: before.version, status: from },
    data: {
      status: to,
      version: { increment: 1 },
      // A resent notification gets the configured number of tries again, from now.
      ...(action === "RESEND" ? { attempts: 0, nextAttemptAt: now } : {}),
    },
  });
  if (!updated.count) throw await staleWrite(context, "Notification", before.id, input.version);
  context.emit("outboxChanged", {
    change: action === "RESEND" ? "RESENT" : "CANCELLED",
    notificationIds: [before.id],
    at: now.toISOString(),
  });
  await recordAudit(
    { tx, caller, now },
    {
      action: "TRANSITION",
      entityType: "Notification",
      entityId: before.id,
      requestId: before.requestId ?? undefined,
      changes: {
        status: { before: from, after: to },
        action: { before: null, after: action },
      },
    },
  );
  return tx.notification.findUniqueOrThrow({ where: { id: before.id } });
}

/** A FAILED notification goes back to PENDING, with its tries counted afresh. */
export const resendNotification = (context: CommandContext, input: ChangeNotificationInput) =>
  move(context, "RESEND", input);

/** A PENDING notification is CANCELLED: the worker never sends it. */
export const cancelNotification = (context: CommandContext, input: ChangeNotificationInput) =>
  move(context, "CANCEL", input);
