// The outbox as the panel and partners read it: each notification with its rendered message,
// its tries and last error; on a member's file and a case file, what was sent to them.
import { mayReadPersonalData, withCaller } from "../../auth/policy.js";
import type {
  NotificationChannel,
  NotificationEvent,
  OutboxStatus,
} from "../../db/generated/enums.js";
import { builder } from "../../graphql/builder.js";
import { LanguageEnum } from "../../graphql/enums.js";
import { pagedQuery, sharedConnection } from "../../graphql/pagination.js";
import { maskPersonal } from "../members/rules.js";
import { MemberNode } from "../members/types.js";
import { RequestNode } from "../requests/types.js";
import { memberChannels } from "./channels.js";
import { renderEmailHtml } from "./email.js";
import { NotificationChannelEnum, NotificationEventEnum, OutboxStatusEnum } from "./enums.js";

builder.prismaObject("NotificationAttempt", {
  description: "One try at delivering a notification.",
  fields: (t) => ({
    attempt: t.exposeInt("attempt", { description: "Which try, from 1 (again after a resend)." }),
    startedAt: t.expose("startedAt", { type: "DateTime", description: "When it began." }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", description: "When it ended." }),
    succeeded: t.exposeBoolean("succeeded", { description: "Whether the provider accepted it." }),
    providerMessageId: t.exposeString("providerMessageId", {
      nullable: true,
      description: "The provider's id for the accepted message.",
    }),
    error: t.exposeString("error", { nullable: true, description: "Why it failed." }),
    responseCode: t.exposeInt("responseCode", {
      nullable: true,
      description: "The HTTP status the receiver answered (webhooks); null when it did not answer.",
    }),
  }),
});

export const NotificationNode = builder.prismaNode("Notification", {
  description:
    "A message to a member (إشعار), queued with the change that caused it and delivered by the worker with retries.",
  id: { field: "id", description: "Global ID." },
  // A partner's webhook delivery is read as a WebhookDelivery, under the partners' rules.
  authScopes: (notification) =>
    notification.channel !== "WEBHOOK" && { permission: "outbox.show" as const },
  fields: (t) => ({
    event: t.expose("event", { type: NotificationEventEnum, description: "What it tells." }),
    channel: t.expose("channel", { type: NotificationChannelEnum, description: "How it goes." }),
    status: t.expose("status", { type: OutboxStatusEnum, description: "Where it stands." }),
    language: t.expose("language", { type: LanguageEnum, description: "Its language." }),
    address: t.string({
      nullable: true,
      description:
        "The e-mail address or mobile it goes to, in full; null for a mobile when you may not read personal data (read addressMasked).",
      select: { address: true, channel: true },
      resolve: (notification, _args, context) =>
        withCaller(context, (caller) =>
          notification.channel === "SMS" && !mayReadPersonalData(caller)
            ? null
            : notification.address,
        ),
    }),
    addressMasked: t.string({
      description:
        "Where it goes, safe to show anyone: a mobile always masked (+966*******67), an e-mail address as is.",
      select: { address: true, channel: true },
      resolve: (notification) =>
        notification.channel === "SMS"
          ? maskPersonal("mobile", notification.address)
          : notification.address,
    }),
    subject: t.exposeString("subject", { description: "The subject (e-mail), as rendered." }),
    body: t.exposeString("body", { description: "The text, as rendered from its template." }),
    html: t.string({
      nullable: true,
      description: "An e-mail's HTML part exactly as sent (Arabic right to left); null for SMS.",
      select: { subject: true, body: true, language: true, channel: true },
      resolve: (n) =>
        n.channel === "EMAIL" ? renderEmailHtml(n.subject, n.body, n.language) : null,
    }),
    attempts: t.exposeInt("attempts", { description: "Tries so far (since the last resend)." }),
    nextAttemptAt: t.expose("nextAttemptAt", {
      type: "DateTime",
      description: "When a PENDING notification is tried next.",
    }),
    lastError: t.exposeString("lastError", {
      nullable: true,
      description: "Why the last try failed.",
    }),
    sentAt: t.expose("sentAt", { type: "DateTime", nullable: true, description: "When sent." }),
    providerMessageId: t.exposeString("providerMessageId", {
      nullable: true,
      description:
        "The id the SMTP server or SMS gateway gave it; `local-capture:…` when no SMTP server is configured.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was queued." }),
    version: t.exposeInt("version", { description: "For resend and cancel." }),
    member: t.relation("member", { nullable: true, description: "The member it reaches." }),
    request: t.relation("request", { nullable: true, description: "The request it is about." }),
    deliveryAttempts: t.relation("deliveryAttempts", {
      description: "Every try, oldest first.",
      query: { orderBy: [{ startedAt: "asc" }, { id: "asc" }] },
    }),
  }),
});

export type OutboxFilterValues = {
  status?: OutboxStatus | null;
  channel?: NotificationChannel | null;
  event?: NotificationEvent | null;
  member?: { id: string } | null;
  request?: { id: string } | null;
};

/** The outbox's rows: members' e-mail and SMS. */
export function outboxWhere(filter: OutboxFilterValues | null | undefined) {
  return {
    channel: {
      in: filter?.channel
        ? memberChannels.filter((c) => c === filter.channel)
        : [...memberChannels],
    },
    status: filter?.status ?? undefined,
    event: filter?.event ?? undefined,
    memberId: filter?.member?.id ?? undefined,
    requestId: filter?.request?.id ?? undefined,
  };
}

/** One edge and one connection type for the outbox and a member's or a request's notifications. */
const NotificationEdge = builder.edgeObject({
  type: NotificationNode,
  name: "NotificationEdge",
  description: "A notification in a page.",
});
export const NotificationConnection = sharedConnection({
  type: NotificationNode,
  name: "NotificationConnection",
  description: "A page of notifications (the outbox, a member's, a request's).",
  edge: NotificationEdge,
});

const newestFirst = pagedQuery({
  where: outboxWhere(undefined),
  orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }],
});

builder.prismaObjectField(MemberNode, "notifications", (t) =>
  t.relatedConnection(
    "notifications",
    {
      cursor: "id",
      description: "What was sent to the member (e-mail, SMS), newest first.",
      authScopes: { permission: "outbox.list" },
      totalCount: true,
      query: newestFirst,
    },
    NotificationConnection,
  ),
);

builder.prismaObjectField(RequestNode, "notifications", (t) =>
  t.relatedConnection(
    "notifications",
    {
      cursor: "id",
      description: "What was sent to the member about this request, newest first.",
      authScopes: { permission: "outbox.list" },
      totalCount: true,
      query: newestFirst,
    },
    NotificationConnection,
  ),
);
