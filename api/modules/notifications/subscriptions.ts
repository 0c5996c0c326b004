// The outbox, live: staff with the outbox permission (admins, the member desk) hear of every
// notification queued, claimed, delivered, failed, resent or cancelled, and refetch.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../graphql/builder.js";
import type { OutboxChange, OutboxChangedEvent } from "./events.js";

const outboxChanges = [
  "QUEUED",
  "CLAIMED",
  "DELIVERY_RECORDED",
  "RESENT",
  "CANCELLED",
] as const satisfies readonly OutboxChange[];

const OutboxChangeEnum = builder.enumType("OutboxChange", {
  description: "What happened in the outbox.",
  values: {
    QUEUED: { description: "Notifications were queued (their ids are not sent)." },
    CLAIMED: { description: "The delivery worker took these for a try (SENDING)." },
    DELIVERY_RECORDED: { description: "The worker recorded these tries: SENT, retry or FAILED." },
    RESENT: { description: "Staff sent a FAILED notification again." },
    CANCELLED: { description: "Staff cancelled a PENDING notification." },
  } satisfies Record<(typeof outboxChanges)[number], { description: string }>,
});

const OutboxChangedType = builder.objectRef<OutboxChangedEvent>("OutboxChanged").implement({
  description: "A change in the outbox; fetch what you show (masking applies as usual).",
  fields: (t) => ({
    change: t.expose("change", { type: OutboxChangeEnum, description: "What happened." }),
    notificationIds: t.idList({
      description: "Global IDs of the notifications concerned (none for QUEUED).",
      resolve: (event) => event.notificationIds.map((id) => encodeGlobalID("Notification", id)),
    }),
    at: t.field({ type: "DateTime", description: "When.", resolve: (e) => new Date(e.at) }),
  }),
});

builder.subscriptionField("outboxChanged", (t) =>
  t.field({
    type: OutboxChangedType,
    description: "The outbox's changes, live, for those who may read the outbox.",
    authScopes: { permission: "outbox.list" },
    subscribe: (_root, _args, context) => context.pubsub.subscribe("outboxChanged"),
    resolve: (event) => event,
  }),
);
