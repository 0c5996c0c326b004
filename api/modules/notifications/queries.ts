import { builder } from "../../graphql/builder.js";
import { requirePageSize } from "../../graphql/pagination.js";
import { MemberNode } from "../members/types.js";
import { RequestNode } from "../requests/types.js";
import { NotificationChannelEnum, NotificationEventEnum, OutboxStatusEnum } from "./enums.js";
import { NotificationConnection, NotificationNode, outboxWhere } from "./types.js";

const OutboxFilterInput = builder.inputType("OutboxFilter", {
  description: "Narrows the outbox.",
  fields: (t) => ({
    status: t.field({ type: OutboxStatusEnum, required: false, description: "Only this state." }),
    channel: t.field({
      type: NotificationChannelEnum,
      required: false,
      description: "Only this channel (EMAIL or SMS).",
    }),
    event: t.field({
      type: NotificationEventEnum,
      required: false,
      description: "Only notifications of this event.",
    }),
    member: t.globalID({ required: false, for: MemberNode, description: "Only to this member." }),
    request: t.globalID({
      required: false,
      for: RequestNode,
      description: "Only about this request.",
    }),
  }),
});

builder.queryField("outbox", (t) =>
  t.prismaConnection(
    {
      type: NotificationNode,
      cursor: "id",
      description:
        "What was sent (or is waiting, or failed) to members by e-mail and SMS, newest first.",
      authScopes: { permission: "outbox.list" },
      nullable: true,
      args: {
        filter: t.arg({ type: OutboxFilterInput, required: false, description: "Filters." }),
      },
      totalCount: (_parent, args, context) => {
        requirePageSize(args);
        return context.prisma.notification.count({ where: outboxWhere(args.filter) });
      },
      resolve: (query, _parent, args, context) => {
        requirePageSize(args);
        return context.prisma.notification.findMany({
          ...query,
          where: outboxWhere(args.filter),
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        });
      },
    },
    NotificationConnection,
  ),
);
