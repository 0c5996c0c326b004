import { builder } from "../../graphql/builder.js";
import { MembershipStatusEnum } from "../../graphql/enums.js";
import { eventsKept } from "../../pubsub.js";
import { userFullName } from "../users/names.js";
import type { MemberChangedEvent } from "./events.js";
import { MemberNode } from "./types.js";

const MemberChangeKind = builder.enumType("MemberChangeKind", {
  description: "What happened to the member.",
  values: {
    CREATED: { description: "The member was recorded." },
    UPDATED: { description: "The member's data changed." },
  } as const,
});

const MemberChange = builder.objectRef<MemberChangedEvent>("MemberChange").implement({
  description:
    "A member was created or changed; fetch the fields you show (masking applies as usual).",
  fields: (t) => ({
    change: t.expose("change", { type: MemberChangeKind, description: "Created or updated." }),
    changedFields: t.exposeStringList("changedFields", {
      description: "Names of the fields that changed.",
    }),
    version: t.exposeInt("version", { description: "The member's version after the change." }),
    status: t.expose("status", {
      type: MembershipStatusEnum,
      description: "Membership status after the change.",
    }),
    at: t.field({ type: "DateTime", description: "When.", resolve: (e) => new Date(e.at) }),
    changedBy: t.string({
      nullable: true,
      description: "The name of the user who made the change (null: not a user).",
      resolve: (e, _args, context) => userFullName(context.prisma, e.actorId),
    }),
    member: t.prismaField({
      type: MemberNode,
      nullable: true,
      description: "The member as now stored (null if you may no longer see it).",
      resolve: (query, event, _args, context) =>
        context.prisma.member.findUnique({ ...query, where: { id: event.memberId } }),
    }),
  }),
});

builder.subscriptionField("memberChanged", (t) =>
  t.field({
    type: MemberChange,
    description: "Members created or changed by anyone, live; optionally only one member.",
    authScopes: { permission: "members.show" },
    args: {
      id: t.arg.globalID({ required: false, for: MemberNode, description: "Only this member." }),
    },
    subscribe: (_root, args, context) => {
      const events = context.pubsub.subscribe("memberChanged");
      if (!args.id) return events;
      const memberId = args.id.id;
      return eventsKept(events, (event) => event.memberId === memberId);
    },
    resolve: (event) => event,
  }),
);
