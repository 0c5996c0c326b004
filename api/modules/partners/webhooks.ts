// A partner's webhooks (DOMAIN.md, partners): registrations, and the deliveries a request's
// change queues for them. A delivery is an outbox row (channel WEBHOOK) written in the
// transition's transaction, with a WebhookDelivery of the same id saying which webhook, event
// and request: it exists exactly when the change committed, and the delivery worker sends it
// (webhooks-delivery.ts) with the outbox's retries.
import { randomBytes, randomUUID } from "node:crypto";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { PartnerCaller } from "../../auth/caller.js";
import { isLoopbackHost } from "../../config.js";
import type { CommandContext } from "../../db/commands.js";
import type {
  OutboxStatus,
  PartnerScope,
  RequestStatus,
  WebhookEvent,
} from "../../db/generated/enums.js";
import { FieldErrors, NotFoundError, PreconditionFailedError, refusal } from "../../errors.js";
import { recordAudit } from "../audit/service.js";
import { OutboxTransitionError } from "../notifications/errors.js";
import { partnersFollowing, receivesRequestEvent } from "../requests/policy.js";
import type { RequestWithContext } from "../requests/request-fields.js";
import { followTransitions } from "../requests/transition.js";

/** The scope each event needs: a partner is told only about requests it may read. */
export const eventScopes: Record<WebhookEvent, PartnerScope> = {
  REQUEST_STATUS_CHANGED: "REQUESTS_READ",
  REQUEST_DECIDED: "REQUESTS_READ",
};

/** How long deliveries stay signed with the old secret too after a rotation. */
export const secretOverlapMs = 24 * 60 * 60_000;

const urlMaxLength = 2000;

/** A signing secret: 256 random bits, prefixed so that a leaked one is recognised. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** The caller as a partner managing its webhooks (the schema's scope let it in). */
function managingPartner(context: CommandContext): PartnerCaller {
  const { caller } = context;
  if (caller.kind !== "partner" || !caller.scopes.includes("WEBHOOKS_MANAGE"))
    throw refusal(caller.kind !== "anonymous");
  return caller;
}

/**
 * An address deliveries may go to: HTTPS; plain HTTP only to this machine (`localhost`,
 * 127.x, ::1) outside production, for development and tests; never with credentials in it.
 * In production this machine's own address is refused, HTTPS or not.
 */
function checkUrl(errors: FieldErrors, value: string, allowLoopbackHttp: boolean): string {
  const text = errors.text("url", value, urlMaxLength, true) ?? "";
  if (errors.has("url")) return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    errors.add("url", "webhooks.urlInvalid");
    return text;
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback && allowLoopbackHttp))
    errors.add("url", "webhooks.urlNotHttps");
  else if (url.username || url.password) errors.add("url", "webhooks.urlWithCredentials");
  else if (loopback && !allowLoopbackHttp) errors.add("url", "webhooks.urlLoopback");
  return url.toString();
}

function checkEvents(errors: FieldErrors, events: WebhookEvent[], scopes: PartnerScope[]) {
  const unique = [...new Set(events)];
  if (!unique.length) errors.add("events", "webhooks.eventsEmpty");
  for (const event of unique) {
    const scope = eventScopes[event];
    if (!scopes.includes(scope)) errors.add("events", "webhooks.eventNotInScope", { event, scope });
  }
  return unique;
}

export type RegisterWebhookInput = {
  url: string;
  events: WebhookEvent[];
  description?: string | null | undefined;
  /** Outside production: plain HTTP to this machine is allowed (development, tests). */
  allowLoopbackHttp: boolean;
};

/** A partner registers a webhook; its signing secret is answered this once. */
export async function registerWebhook(context: CommandContext, input: RegisterWebhookInput) {
  const partner = managingPartner(context);
  const errors = new FieldErrors();
  const url = checkUrl(errors, input.url, input.allowLoopbackHttp);
  const events = checkEvents(errors, input.events, partner.scopes);
  const description = errors.text("description", input.description, 200) ?? "";
  errors.throwIfAny();
  const secret = newSecret();
  const webhook = await context.tx.webhook.create({
    data: { partnerId: partner.partnerId, url, events, description, secret },
  });
  await recordAudit(context, {
    action: "CREATE",
    entityType: "Webhook",
    entityId: webhook.id,
    changes: { url: { before: null, after: url }, events: { before: null, after: events } },
  });
  return { webhook, secret };
}

/** The partner's own webhook (not removed), or NotFound: another partner's does not exist. */
async function ownWebhook(context: CommandContext, id: string) {
  const partner = managingPartner(context);
  const webhook = await context.tx.webhook.findFirst({
    where: { id, partnerId: partner.partnerId, removedAt: null },
  });
  if (!webhook) throw new NotFoundError("Webhook", id);
  return webhook;
}

/** Deliveries not yet sent to a webhook that will not receive them any more. */
async function cancelPending(context: CommandContext, webhookId: string) {
  await context.tx.notification.updateMany({
    where: { webhookDelivery: { webhookId }, status: "PENDING" },
    data: { status: "CANCELLED", version: { increment: 1 } },
  });
}

/** The partner removes a webhook: nothing more is queued or sent; its log stays. */
export async function removeWebhook(context: CommandContext, input: { id: string }) {
  const before = await ownWebhook(context, input.id);
  const webhook = await context.tx.webhook.update({
    where: { id: before.id },
    data: { removedAt: context.now, active: false, version: { increment: 1 } },
  });
  await cancelPending(context, webhook.id);
  await recordAudit(context, {
    action: "DELETE",
    entityType: "Webhook",
    entityId: webhook.id,
  });
  return webhook;
}

/**
 * A new signing secret, answered once; for a day deliveries carry a signature with the old
 * one too, so the partner's receiver can switch without losing any.
 */
export async function rotateWebhookSecret(context: CommandContext, input: { id: string }) {
  const before = await ownWebhook(context, input.id);
  const secret = newSecret();
  const webhook = await context.tx.webhook.update({
    where: { id: before.id },
    data: {
      secret,
      previousSecret: before.secret,
      previousSecretUntil: new Date(context.now.getTime() + secretOverlapMs),
      version: { increment: 1 },
    },
  });
  await recordAudit(context, {
    action: "UPDATE",
    entityType: "Webhook",
    entityId: webhook.id,
    changes: ["secret"],
  });
  return { webhook, secret };
}

/**
 * An admin stops a partner's webhook (a receiver that misbehaves): pending deliveries too.
 * Disabling a disabled webhook changes nothing.
 */
export async function disableWebhook(context: CommandContext, input: { id: string }) {
  const before = await context.tx.webhook.findFirst({ where: { id: input.id, removedAt: null } });
  if (!before) throw new NotFoundError("Webhook", input.id);
  if (!before.active) return before;
  const webhook = await context.tx.webhook.update({
    where: { id: before.id },
    data: { active: false, disabledAt: context.now, version: { increment: 1 } },
  });
  await cancelPending(context, webhook.id);
  await recordAudit(context, {
    action: "UPDATE",
    entityType: "Webhook",
    entityId: webhook.id,
    changes: { active: { before: true, after: false } },
  });
  return webhook;
}

/** The states a delivery may be sent again from: done, well or badly. */
const resendable: OutboxStatus[] = ["SENT", "FAILED"];

/**
 * Sends a delivery again (same delivery id, a fresh timestamp and signature), with the tries
 * counted afresh: an admin for any partner, a partner for its own webhooks.
 */
export async function resendWebhookDelivery(context: CommandContext, input: { id: string }) {
  const { tx, caller, now } = context;
  const partnerId = caller.kind === "partner" ? managingPartner(context).partnerId : undefined;
  const delivery = await tx.webhookDelivery.findFirst({
    where: { id: input.id, ...(partnerId ? { partnerId } : {}) },
    include: { notification: true, webhook: true },
  });
  if (!delivery) throw new NotFoundError("WebhookDelivery", input.id);
  if (!delivery.webhook.active || delivery.webhook.removedAt)
    throw new PreconditionFailedError("WEBHOOK_INACTIVE", "webhooks.inactive");
  const status = delivery.notification.status;
  if (!resendable.includes(status)) throw new OutboxTransitionError(status, "RESEND", []);
  await tx.notification.update({
    where: { id: delivery.id },
    data: {
      status: "PENDING",
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      version: { increment: 1 },
    },
  });
  await recordAudit(
    { tx, caller, now },
    {
      action: "TRANSITION",
      entityType: "WebhookDelivery",
      entityId: delivery.id,
      changes: {
        status: { before: status, after: "PENDING" },
        action: { before: null, after: "RESEND" },
      },
    },
  );
  return tx.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
}

/** What a delivery tells: the request's global id, reference, status and dates. Nothing else. */
export type WebhookPayload = {
  id: string;
  event: WebhookEvent;
  occurredAt: string;
  data: {
    request: {
      id: string;
      reference: string | null;
      status: RequestStatus;
      previousStatus: RequestStatus;
      submittedAt: string | null;
      decisionDueAt: string | null;
      decidedAt: string | null;
      completedAt: string | null;
      closedAt: string | null;
      withdrawnAt: string | null;
    };
  };
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * The events a transition makes: a new status, and a decision (the command writes its one
 * `now` as the decision's time, so a request decided now was decided by this transition).
 */
function eventsOf(context: CommandContext, request: RequestWithContext, from: RequestStatus) {
  const events: WebhookEvent[] = [];
  if (request.status !== from) events.push("REQUEST_STATUS_CHANGED");
  if (request.decision && request.decidedAt?.getTime() === context.now.getTime())
    events.push("REQUEST_DECIDED");
  return events;
}

/**
 * The transition's part for webhooks: one delivery per webhook subscribed to each event whose
 * partner may read the request (requests/policy.ts, with the scopes of the partner's live
 * keys), in the transition's transaction: a transition that fails queues nothing.
 */
export async function queueWebhookDeliveries(
  context: CommandContext,
  request: RequestWithContext,
  from: RequestStatus,
): Promise<void> {
  const events = eventsOf(context, request, from);
  // Only the partner that submitted a request and those its member shared it with are told of
  // it, both known from the row: a request neither submitted by a partner nor shared costs its
  // transition no query.
  const partnerIds = partnersFollowing(request);
  if (!events.length || !partnerIds.length) return;
  const { tx, now } = context;
  const webhooks = await tx.webhook.findMany({
    // The events are matched below: an enum array as a query parameter arrives malformed
    // through the embedded database's adapter, and a partner's webhooks are few.
    where: {
      partnerId: { in: partnerIds },
      active: true,
      removedAt: null,
      partner: { active: true },
    },
    select: {
      id: true,
      url: true,
      events: true,
      partnerId: true,
      partner: {
        select: {
          name: true,
          apiKeys: {
            where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
            select: { scopes: true },
          },
        },
      },
    },
  });
  const deliveries = webhooks.flatMap((webhook) => {
    // The partner as the requests' policy sees a reader: with the scopes of its live keys
    // (no one key is calling; a revoked or expired key grants nothing).
    const reader: PartnerCaller = {
      kind: "partner",
      partnerId: webhook.partnerId,
      apiKeyId: "",
      keyExpiresAt: null,
      name: webhook.partner.name,
      scopes: [...new Set(webhook.partner.apiKeys.flatMap((key) => key.scopes))],
    };
    return events
      .filter((event) => webhook.events.includes(event))
      .filter((event) => reader.scopes.includes(eventScopes[event]))
      .filter(() => receivesRequestEvent(reader, request))
      .map((event) => ({ webhook, event, id: randomUUID() }));
  });
  if (!deliveries.length) return;
  const requestFacts = {
    id: encodeGlobalID("Request", request.id),
    reference: request.reference,
    status: request.status,
    previousStatus: from,
    submittedAt: iso(request.submittedAt),
    decisionDueAt: iso(request.decisionDueAt),
    decidedAt: iso(request.decidedAt),
    completedAt: iso(request.completedAt),
    closedAt: iso(request.closedAt),
    withdrawnAt: iso(request.withdrawnAt),
  };
  await tx.notification.createMany({
    data: deliveries.map(({ webhook, event, id }) => {
      const payload: WebhookPayload = {
        id,
        event,
        occurredAt: now.toISOString(),
        data: { request: requestFacts },
      };
      return {
        id,
        event: "PARTNER_WEBHOOK" as const,
        channel: "WEBHOOK" as const,
        address: webhook.url,
        // The payload is JSON with English keys; the column is the outbox's, not the partner's.
        language: "EN" as const,
        subject: event,
        body: JSON.stringify(payload),
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      };
    }),
  });
  await tx.webhookDelivery.createMany({
    data: deliveries.map(({ webhook, event, id }) => ({
      id,
      webhookId: webhook.id,
      partnerId: webhook.partnerId,
      event,
      requestId: request.id,
      occurredAt: now,
    })),
  });
}

followTransitions((context, request, _action, from) =>
  queueWebhookDeliveries(context, request, from),
);
