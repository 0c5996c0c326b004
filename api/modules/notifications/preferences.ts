// How a member is reached: the channel they prefer for notifications and whether they opted
// out (outbox.ts honours both when it queues). Staff record what the member asked for.
import type { CommandContext } from "../../db/commands.js";
import { run } from "../../db/commands.js";
import type { NotificationChannel } from "../../db/generated/enums.js";
import {
  ConflictError,
  FieldErrors,
  NotFoundError,
  refusal,
  ValidationError,
} from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { changedFields, expectVersion, recordAudit, staleWrite } from "../audit/service.js";
import { MemberNode } from "../members/types.js";
import { recordTimelineEvent } from "../timeline/service.js";
import { NotificationChannelEnum } from "./enums.js";

export type NotificationPreferencesInput = {
  memberId: string;
  version: number;
  notifyBy: NotificationChannel | null;
  optOut: boolean;
};

export async function setNotificationPreferences(
  context: CommandContext,
  input: NotificationPreferencesInput,
) {
  const { tx, caller } = context;
  if (caller.kind !== "user") throw refusal(caller.kind !== "anonymous");
  const before = await tx.member.findUnique({
    where: { id: input.memberId },
    select: { id: true, version: true, email: true, notifyBy: true, notificationsOptOut: true },
  });
  if (!before) throw new NotFoundError("Member", input.memberId);
  const errors = new FieldErrors();
  // In-app notifications are for staff; e-mail needs an address to reach.
  if (input.notifyBy === "IN_APP" || input.notifyBy === "WEBHOOK")
    errors.add("notifyBy", "notifications.notForMembers");
  if (input.notifyBy === "EMAIL" && !before.email) errors.add("notifyBy", "notifications.noEmail");
  errors.throwIfAny();
  await expectVersion(context, "Member", before, input.version);
  const data = { notifyBy: input.notifyBy, notificationsOptOut: input.optOut };
  const updated = await tx.member.updateMany({
    where: { id: before.id, version: before.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (!updated.count) throw await staleWrite(context, "Member", before.id, input.version);
  const changes = changedFields(before, data);
  await recordAudit(context, {
    action: "UPDATE",
    entityType: "Member",
    entityId: before.id,
    changes,
  });
  await recordTimelineEvent(context, {
    memberId: before.id,
    kind: "MEMBER_UPDATED",
    data: { fields: Object.keys(changes) },
  });
  return tx.member.findUniqueOrThrow({ where: { id: before.id } });
}

builder.prismaObjectFields(MemberNode, (t) => ({
  notifyBy: t.expose("notifyBy", {
    type: NotificationChannelEnum,
    nullable: true,
    description: "The channel the member prefers for notifications; null: every channel known.",
  }),
  notificationsOptOut: t.exposeBoolean("notificationsOptOut", {
    description:
      "The member asked not to be notified; required notifications (more information needed, the decision, the attestation link) still reach them.",
  }),
}));

const PreferencesInput = builder.inputType("SetNotificationPreferencesInput", {
  description: "How the member wants to be reached.",
  fields: (t) => ({
    member: t.globalID({ required: true, for: MemberNode, description: "The member." }),
    version: t.int({ required: true, description: "The member's version read." }),
    notifyBy: t.field({
      type: NotificationChannelEnum,
      required: false,
      description: "EMAIL or SMS; null for every channel an address is known for.",
    }),
    optOut: t.boolean({ required: true, description: "Whether the member opted out." }),
  }),
});

builder.mutationField("setNotificationPreferences", (t) =>
  t.field({
    type: MemberNode,
    description: "Records the member's preferred notification channel and opt-out.",
    authScopes: { permission: "members.edit" },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError],
      union: { name: "SetNotificationPreferencesResult", description: "The member, or why not." },
      result: { name: "SetNotificationPreferencesSuccess", description: "Recorded." },
      dataField: { name: "member", description: "The member as stored." },
    },
    args: { input: t.arg({ type: PreferencesInput, required: true, description: "Choices." }) },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), setNotificationPreferences, {
        memberId: input.member.id,
        version: input.version,
        notifyBy: input.notifyBy ?? null,
        optOut: input.optOut,
      }),
  }),
);
