// The panel's bell: a staff user's own in-app notifications, the unread count, marking them
// read, and a subscription that tells the user's open panels when one arrives or is read.

import type { CommandContext } from "../../db/commands.js";
import { run } from "../../db/commands.js";
import { refusal } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { requirePageSize } from "../../graphql/pagination.js";
import { eventsKept } from "../../pubsub.js";
import { RequestNode } from "../requests/types.js";
import { NotificationEventEnum } from "./enums.js";

const StaffNotification = builder.prismaNode("Notification", {
  variant: "StaffNotification",
  description: "A notification to the signed-in staff user, in the panel's bell.",
  id: { field: "id", description: "Global ID (for markNotificationsRead and node(id:))." },
  // Only its addressee reads it, through a list or node(id:).
  authScopes: async (notification, context) => {
    const caller = await context.caller();
    return (
      caller.kind === "user" &&
      notification.channel === "IN_APP" &&
      notification.userId === caller.id
    );
  },
  fields: (t) => ({
    event: t.expose("event", { type: NotificationEventEnum, description: "What it tells." }),
    subject: t.exposeString("subject", { description: "Its title." }),
    body: t.exposeString("body", { description: "Its text." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When." }),
    readAt: t.expose("readAt", {
      type: "DateTime",
      nullable: true,
      description: "When the user read it; null while unread.",
    }),
    request: t.relation("request", {
      type: RequestNode,
      nullable: true,
      description: "The request it is about.",
    }),
  }),
});

const mine = (userId: string) => ({ userId, channel: "IN_APP" as const });

function unreadCount(
  prisma: { notification: { count(args: object): Promise<number> } },
  userId: string,
) {
  return prisma.notification.count({ where: { ...mine(userId), readAt: null } });
}

builder.queryFields((t) => ({
  myNotifications: t.prismaConnection(
    {
      type: StaffNotification,
      cursor: "id",
      nullable: true,
      description: "The signed-in user's notifications, newest first.",
      authScopes: { signedIn: true },
      totalCount: async (_parent, args, context) => {
        requirePageSize(args);
        const caller = await context.caller();
        return caller.kind === "user"
          ? context.prisma.notification.count({ where: mine(caller.id) })
          : 0;
      },
      resolve: async (query, _parent, args, context) => {
        requirePageSize(args);
        const caller = await context.caller();
        if (caller.kind !== "user") return [];
        return context.prisma.notification.findMany({
          ...query,
          where: mine(caller.id),
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        });
      },
    },
    { name: "StaffNotificationConnection", description: "A page of the user's notifications." },
    { name: "StaffNotificationEdge", description: "A notification in a page." },
  ),
  myUnreadNotificationCount: t.int({
    nullable: true,
    description: "How many of the signed-in user's notifications are unread (the bell's number).",
    authScopes: { signedIn: true },
    resolve: async (_root, _args, context) => {
      const caller = await context.caller();
      return caller.kind === "user" ? unreadCount(context.prisma, caller.id) : null;
    },
  }),
}));

export type MarkReadInput = { ids: string[] | null | undefined };

/** Marks the caller's own notifications read (those named, or all); answers the unread count. */
async function markNotificationsRead(context: CommandContext, input: MarkReadInput) {
  const { tx, caller, now } = context;
  if (caller.kind !== "user") throw refusal(caller.kind !== "anonymous");
  await tx.notification.updateMany({
    where: { ...mine(caller.id), readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
    data: { readAt: now },
  });
  context.emit("staffNotificationAdded", { userId: caller.id });
  return unreadCount(tx, caller.id);
}

const MarkReadInputType = builder.inputType("MarkNotificationsReadInput", {
  description: "Which of your notifications you read.",
  fields: (t) => ({
    ids: t.globalIDList({
      required: false,
      for: StaffNotification,
      description: "These notifications' global IDs; all of them when omitted.",
    }),
  }),
});

const UnreadCount = builder
  .objectRef<{ unreadCount: number }>("StaffNotificationsState")
  .implement({
    description: "The bell's state after a change.",
    fields: (t) => ({
      unreadCount: t.exposeInt("unreadCount", { description: "Unread notifications." }),
    }),
  });

builder.mutationField("markNotificationsRead", (t) =>
  t.field({
    type: UnreadCount,
    description: "Marks your notifications read; answers how many stay unread.",
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: MarkReadInputType, required: true, description: "Which." }) },
    resolve: async (_root, { input }, context) => ({
      unreadCount: await run(context, await context.caller(), markNotificationsRead, {
        ids: input.ids?.map((id) => id.id),
      }),
    }),
  }),
);

builder.subscriptionField("myNotificationsChanged", (t) =>
  t.field({
    type: UnreadCount,
    description:
      "Your bell, live: the unread count each time a notification reaches you or you read some.",
    authScopes: { signedIn: true },
    subscribe: async (_root, _args, context) => {
      const caller = await context.caller();
      const userId = caller.kind === "user" ? caller.id : "";
      return eventsKept(
        context.pubsub.subscribe("staffNotificationAdded"),
        (event) => event.userId === userId,
      );
    },
    resolve: async (event, _args, context) => ({
      unreadCount: await unreadCount(context.prisma, event.userId),
    }),
  }),
);
