// Webhooks in the schema: a partner (scope WEBHOOKS_MANAGE) registers, lists, removes its
// webhooks and reads and resends its deliveries; admins list every partner's, disable a
// webhook and resend. One rule says who reads which row (webhookReader), for the lists, the
// nodes and the commands alike.

import type { Caller } from "../../auth/caller.js";
import { hasPermission } from "../../auth/permissions.js";
import { withCaller } from "../../auth/policy.js";
import { run } from "../../db/commands.js";
import { type OutboxStatus, WebhookEvent } from "../../db/generated/enums.js";
import {
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { requirePageSize } from "../../graphql/pagination.js";
import { OutboxStatusEnum } from "../notifications/enums.js";
import { OutboxTransitionError } from "../notifications/errors.js";
import {
  disableWebhook,
  registerWebhook,
  removeWebhook,
  resendWebhookDelivery,
  rotateWebhookSecret,
} from "./webhooks.js";

/** Whose webhooks the caller reads: every partner's (admins), its own (a partner), none. */
type WebhookReader = { kind: "all" } | { kind: "partner"; partnerId: string } | { kind: "none" };

function webhookReader(caller: Caller): WebhookReader {
  if (caller.kind === "user" && hasPermission(caller.roles, "webhooks.list"))
    return { kind: "all" };
  if (caller.kind === "partner" && caller.scopes.includes("WEBHOOKS_MANAGE"))
    return { kind: "partner", partnerId: caller.partnerId };
  return { kind: "none" };
}

function mayReadWebhookRow(caller: Caller, row: { partnerId: string }): boolean {
  const reader = webhookReader(caller);
  return reader.kind === "all" || (reader.kind === "partner" && reader.partnerId === row.partnerId);
}

/** The rows the caller reads, as a `where` (a partner never reaches another's). */
function readerWhere(caller: Caller) {
  const reader = webhookReader(caller);
  if (reader.kind === "all") return {};
  if (reader.kind === "partner") return { partnerId: reader.partnerId };
  return { id: { in: [] } };
}

const eventDescriptions: Record<WebhookEvent, string> = {
  REQUEST_STATUS_CHANGED: "A request the partner may read moved to another status.",
  REQUEST_DECIDED: "A request the partner may read was decided (approved or rejected).",
};

export const WebhookEventEnum = builder.enumType("WebhookEvent", {
  description: "What a webhook is told; each needs a scope (requests:read for both).",
  values: Object.fromEntries(
    Object.values(WebhookEvent).map((event) => [
      event,
      { value: event, description: eventDescriptions[event] },
    ]),
  ) as { [E in WebhookEvent]: { value: E; description: string } },
});

const managers = { partner: "WEBHOOKS_MANAGE", permission: "webhooks.list" } as const;

export const WebhookNode = builder.prismaNode("Webhook", {
  description:
    "A partner's webhook (خطاف ويب): where Wasl POSTs the events it subscribed to, signed with its secret.",
  id: { field: "id", description: "Global ID." },
  authScopes: (webhook, context) =>
    withCaller(context, (caller) => mayReadWebhookRow(caller, webhook)),
  fields: (t) => ({
    url: t.exposeString("url", { description: "Where deliveries are POSTed." }),
    events: t.expose("events", {
      type: [WebhookEventEnum],
      description: "The events it receives.",
    }),
    description: t.exposeString("description", { description: "The partner's note about it." }),
    active: t.exposeBoolean("active", {
      description: "False once removed or disabled by an admin: nothing is sent to it.",
    }),
    disabledAt: t.expose("disabledAt", {
      type: "DateTime",
      nullable: true,
      description: "When an admin disabled it.",
    }),
    removedAt: t.expose("removedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the partner removed it (admins see removed webhooks; partners do not).",
    }),
    secretRotatedUntil: t.expose("previousSecretUntil", {
      type: "DateTime",
      nullable: true,
      description:
        "After a rotation: until when deliveries carry a second signature with the previous secret.",
    }),
    partnerName: t.string({
      description: "The partner's name.",
      select: { partner: { select: { name: true } } },
      resolve: (webhook) => webhook.partner.name,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was registered." }),
    version: t.exposeInt("version", { description: "Changes with every change to it." }),
  }),
});

export const WebhookDeliveryNode = builder.prismaNode("WebhookDelivery", {
  description:
    "One event sent (or to be sent) to one webhook, with its tries: the delivery log (سجل الإرسال).",
  id: { field: "id", description: "Global ID; the `X-Wasl-Delivery` header carries its raw id." },
  authScopes: (delivery, context) =>
    withCaller(context, (caller) => mayReadWebhookRow(caller, delivery)),
  fields: (t) => ({
    event: t.expose("event", { type: WebhookEventEnum, description: "What it tells." }),
    occurredAt: t.expose("occurredAt", {
      type: "DateTime",
      description: "When the change it tells happened.",
    }),
    webhook: t.relation("webhook", { description: "The webhook it goes to." }),
    url: t.string({
      description: "The address it was queued for.",
      select: { notification: { select: { address: true } } },
      resolve: (d) => d.notification.address,
    }),
    requestReference: t.string({
      nullable: true,
      description: "The reference of the request it is about.",
      select: { request: { select: { reference: true } } },
      resolve: (d) => d.request.reference,
    }),
    status: t.field({
      type: OutboxStatusEnum,
      description: "PENDING (next try due), SENDING, SENT (2xx received), FAILED, CANCELLED.",
      select: { notification: { select: { status: true } } },
      resolve: (d) => d.notification.status,
    }),
    attemptCount: t.int({
      description: "Tries since it was queued or last resent.",
      select: { notification: { select: { attempts: true } } },
      resolve: (d) => d.notification.attempts,
    }),
    nextAttemptAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When a PENDING delivery is tried next.",
      select: { notification: { select: { status: true, nextAttemptAt: true } } },
      resolve: (d) => (d.notification.status === "PENDING" ? d.notification.nextAttemptAt : null),
    }),
    deliveredAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When the receiver answered 2xx.",
      select: { notification: { select: { sentAt: true } } },
      resolve: (d) => d.notification.sentAt,
    }),
    lastError: t.string({
      nullable: true,
      description:
        "Why the last try failed: the status and the start of the answer, or the timeout.",
      select: { notification: { select: { lastError: true } } },
      resolve: (d) => d.notification.lastError,
    }),
    payload: t.string({
      description: "The JSON body exactly as sent (and signed).",
      select: { notification: { select: { body: true } } },
      resolve: (d) => d.notification.body,
    }),
    attempts: t.field({
      type: [DeliveryTryRef],
      description: "Every try, oldest first: when, how long, the status answered, the error.",
      select: {
        notification: {
          select: { deliveryAttempts: { orderBy: [{ startedAt: "asc" }, { id: "asc" }] } },
        },
      },
      resolve: (d) => d.notification.deliveryAttempts,
    }),
  }),
});

type DeliveryTry = {
  attempt: number;
  startedAt: Date;
  finishedAt: Date;
  succeeded: boolean;
  responseCode: number | null;
  error: string | null;
};

const DeliveryTryRef = builder.objectRef<DeliveryTry>("WebhookDeliveryAttempt").implement({
  description: "One try at a webhook delivery.",
  fields: (t) => ({
    attempt: t.exposeInt("attempt", { description: "Which try, from 1 (again after a resend)." }),
    startedAt: t.expose("startedAt", { type: "DateTime", description: "When it began." }),
    durationMs: t.int({
      description: "How long the receiver took (or until the timeout), in milliseconds.",
      resolve: (a) => a.finishedAt.getTime() - a.startedAt.getTime(),
    }),
    succeeded: t.exposeBoolean("succeeded", { description: "Whether the receiver answered 2xx." }),
    responseCode: t.exposeInt("responseCode", {
      nullable: true,
      description: "The HTTP status answered; null when none came (unreachable, timeout).",
    }),
    error: t.exposeString("error", { nullable: true, description: "Why it failed." }),
  }),
});

builder.prismaObjectField(WebhookNode, "lastDelivery", (t) =>
  t.prismaField({
    type: WebhookDeliveryNode,
    nullable: true,
    description: "Its newest delivery (any state), to see at a glance whether it receives.",
    resolve: (query, webhook, _args, context) =>
      context.prisma.webhookDelivery.findFirst({
        ...query,
        where: { webhookId: webhook.id },
        orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      }),
  }),
);

builder.queryField("webhooks", (t) =>
  t.prismaConnection(
    {
      type: WebhookNode,
      cursor: "id",
      nullable: true,
      description:
        "Webhooks, newest first: a partner's own (scope webhooks:manage), or every partner's (admins).",
      authScopes: managers,
      totalCount: async (_parent, args, context) => {
        requirePageSize(args);
        const where = webhooksWhere(await context.caller());
        return context.prisma.webhook.count({ where });
      },
      resolve: async (query, _parent, args, context) => {
        requirePageSize(args);
        return context.prisma.webhook.findMany({
          ...query,
          where: webhooksWhere(await context.caller()),
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        });
      },
    },
    { name: "WebhookConnection", description: "A page of webhooks." },
    { name: "WebhookEdge", description: "A webhook in a page." },
  ),
);

function webhooksWhere(caller: Caller) {
  // A partner does not list what it removed; admins see it, for the log's sake.
  return {
    ...readerWhere(caller),
    ...(caller.kind === "partner" ? { removedAt: null } : {}),
  };
}

const WebhookDeliveryFilter = builder.inputType("WebhookDeliveryFilter", {
  description: "Narrows the delivery log.",
  fields: (t) => ({
    webhook: t.globalID({
      required: false,
      for: WebhookNode,
      description: "Only to this webhook.",
    }),
    status: t.field({
      type: OutboxStatusEnum,
      required: false,
      description: "Only in this state.",
    }),
    event: t.field({ type: WebhookEventEnum, required: false, description: "Only this event." }),
    requestReference: t.string({
      required: false,
      description: "Only about the request with this reference.",
    }),
  }),
});

builder.queryField("webhookDeliveries", (t) =>
  t.prismaConnection(
    {
      type: WebhookDeliveryNode,
      cursor: "id",
      nullable: true,
      description:
        "The delivery log, newest first: a partner's own (scope webhooks:manage), or every partner's (admins).",
      authScopes: managers,
      args: {
        filter: t.arg({ type: WebhookDeliveryFilter, required: false, description: "Filters." }),
      },
      totalCount: async (_parent, args, context) => {
        requirePageSize(args);
        const where = deliveriesWhere(await context.caller(), args.filter);
        return context.prisma.webhookDelivery.count({ where });
      },
      resolve: async (query, _parent, args, context) => {
        requirePageSize(args);
        return context.prisma.webhookDelivery.findMany({
          ...query,
          where: deliveriesWhere(await context.caller(), args.filter),
          orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
        });
      },
    },
    { name: "WebhookDeliveryConnection", description: "A page of the delivery log." },
    { name: "WebhookDeliveryEdge", description: "A delivery in a page." },
  ),
);

type DeliveryFilterValues = {
  webhook?: { id: string } | null;
  status?: OutboxStatus | null;
  event?: WebhookEvent | null;
  requestReference?: string | null;
};

function deliveriesWhere(caller: Caller, filter: DeliveryFilterValues | null | undefined) {
  return {
    ...readerWhere(caller),
    webhookId: filter?.webhook?.id ?? undefined,
    event: filter?.event ?? undefined,
    ...(filter?.status ? { notification: { status: filter.status } } : {}),
    ...(filter?.requestReference ? { request: { reference: filter.requestReference.trim() } } : {}),
  };
}

type IssuedSecret = { webhook: { id: string }; secret: string };

const IssuedSecretRef = builder.objectRef<IssuedSecret>("WebhookSecret").implement({
  description: "A webhook with its signing secret, answered this once: store it now.",
  fields: (t) => ({
    webhook: t.field({
      type: WebhookNode,
      description: "The webhook.",
      resolve: (issued, _args, context) =>
        context.prisma.webhook.findUniqueOrThrow({ where: { id: issued.webhook.id } }),
    }),
    secret: t.exposeString("secret", {
      description: "The HMAC-SHA256 key deliveries are signed with (`whsec_…`); never shown again.",
    }),
  }),
});

const RegisterWebhookInput = builder.inputType("RegisterWebhookInput", {
  description: "A webhook to register.",
  fields: (t) => ({
    url: t.string({
      required: true,
      description:
        "HTTPS address deliveries are POSTed to (http:// only to this machine, outside production).",
    }),
    events: t.field({
      type: [WebhookEventEnum],
      required: true,
      description: "The events to receive, among those the key's scopes allow.",
    }),
    description: t.string({ required: false, description: "A note (at most 200 characters)." }),
  }),
});

builder.mutationField("registerWebhook", (t) =>
  t.field({
    type: IssuedSecretRef,
    description: "Registers a webhook for the calling partner; answers its signing secret once.",
    authScopes: { partner: "WEBHOOKS_MANAGE" },
    errors: {
      types: [ValidationError, ForbiddenError],
      union: { name: "RegisterWebhookResult", description: "The webhook, or why not." },
      result: { name: "RegisterWebhookSuccess", description: "Registered." },
      dataField: { name: "registration", description: "The webhook and its secret." },
    },
    args: { input: t.arg({ type: RegisterWebhookInput, required: true, description: "What." }) },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), registerWebhook, {
        url: input.url,
        events: input.events,
        description: input.description,
        allowLoopbackHttp: context.config.env !== "production",
      }),
  }),
);

/** The mutations that take one webhook: `input: { webhook: ID! }`. */
function webhookInput(type: string, description: string) {
  return builder.inputType(`${type}Input`, {
    description,
    fields: (t) => ({
      webhook: t.globalID({ required: true, for: WebhookNode, description: "The webhook." }),
    }),
  });
}

builder.mutationField("rotateWebhookSecret", (t) =>
  t.field({
    type: IssuedSecretRef,
    description:
      "A new signing secret for one of the partner's webhooks, answered once; for 24 hours deliveries are signed with both.",
    authScopes: { partner: "WEBHOOKS_MANAGE" },
    errors: {
      types: [NotFoundError, ForbiddenError],
      union: { name: "RotateWebhookSecretResult", description: "The new secret, or why not." },
      result: { name: "RotateWebhookSecretSuccess", description: "Rotated." },
      dataField: { name: "rotation", description: "The webhook and its new secret." },
    },
    args: {
      input: t.arg({
        type: webhookInput("RotateWebhookSecret", "The webhook whose secret to rotate."),
        required: true,
        description: "Which.",
      }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), rotateWebhookSecret, { id: input.webhook.id }),
  }),
);

for (const [field, command, description, authScopes] of [
  [
    "removeWebhook",
    removeWebhook,
    "Removes one of the partner's webhooks: nothing more is sent to it; its log stays.",
    { partner: "WEBHOOKS_MANAGE" },
  ],
  [
    "disableWebhook",
    disableWebhook,
    "Admins: stops a partner's webhook; its pending deliveries are cancelled.",
    { permission: "webhooks.disable" },
  ],
] as const) {
  const type = field[0]!.toUpperCase() + field.slice(1);
  builder.mutationField(field, (t) =>
    t.field({
      type: WebhookNode,
      description,
      authScopes,
      errors: {
        types: [NotFoundError, ForbiddenError],
        union: { name: `${type}Result`, description: "The webhook, or why not." },
        result: { name: `${type}Success`, description: "Done." },
        dataField: { name: "webhook", description: "The webhook as stored." },
      },
      args: {
        input: t.arg({
          type: webhookInput(type, "The webhook."),
          required: true,
          description: "Which.",
        }),
      },
      resolve: async (_root, { input }, context) =>
        run(context, await context.caller(), command, { id: input.webhook.id }),
    }),
  );
}

const ResendWebhookDeliveryInput = builder.inputType("ResendWebhookDeliveryInput", {
  description: "The delivery to send again.",
  fields: (t) => ({
    delivery: t.globalID({
      required: true,
      for: WebhookDeliveryNode,
      description: "The delivery.",
    }),
  }),
});

builder.mutationField("resendWebhookDelivery", (t) =>
  t.field({
    type: WebhookDeliveryNode,
    description:
      "Sends a SENT or FAILED delivery again, with the same delivery id and a fresh signature: a partner its own, admins any.",
    authScopes: { partner: "WEBHOOKS_MANAGE", permission: "webhooks.resend" },
    errors: {
      types: [NotFoundError, ForbiddenError, OutboxTransitionError, PreconditionFailedError],
      union: { name: "ResendWebhookDeliveryResult", description: "The delivery, or why not." },
      result: { name: "ResendWebhookDeliverySuccess", description: "Queued again." },
      dataField: { name: "delivery", description: "The delivery, PENDING again." },
    },
    args: {
      input: t.arg({ type: ResendWebhookDeliveryInput, required: true, description: "Which." }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), resendWebhookDelivery, { id: input.delivery.id }),
  }),
);
