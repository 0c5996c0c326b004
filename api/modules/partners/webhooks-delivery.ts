// The webhook channel of the delivery worker: a queued delivery (an outbox row on channel
// WEBHOOK, its body the JSON payload) is POSTed to the partner's URL, signed with HMAC-SHA256
// over `timestamp.body` at the moment it is sent, so that a retry hours later still carries a
// fresh timestamp the receiver's replay window accepts. 2xx is delivered; anything else, a
// redirect (never followed) or no answer in time is retried with the outbox's backoff.
import { createHmac, timingSafeEqual } from "node:crypto";
import { DeliveryError, provideChannel, type Sender } from "../notifications/channels.js";

/** The receiver checks the timestamp is at most this old (docs/partners.md, "Webhooks"). */
export const replayWindowSeconds = 5 * 60;

export const signatureHeader = "x-wasl-signature";

/** The signature of a body at a time, as the `v1` part of the header carries it. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/**
 * The header: `t=<unix seconds>,v1=<hex>`, with a second `v1` signed with the previous secret
 * while a rotation's overlap lasts (a receiver accepts either).
 */
export function signatureHeaderValue(secrets: string[], timestamp: number, body: string): string {
  return [
    `t=${timestamp}`,
    ...secrets.map((s) => `v1=${webhookSignature(s, timestamp, body)}`),
  ].join(",");
}

/**
 * What a receiver does (and what the guide's example does): the header's timestamp is within
 * the replay window of `nowSeconds`, and one of its `v1` signatures is the body's.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  nowSeconds: number,
): boolean {
  const parts = header.split(",").map((part) => part.trim().split("=", 2) as [string, string]);
  const timestamp = Number(parts.find(([key]) => key === "t")?.[1]);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > replayWindowSeconds)
    return false;
  const expected = Buffer.from(webhookSignature(secret, timestamp, body), "hex");
  return parts.some(([key, value]) => {
    if (key !== "v1" || !value) return false;
    const given = Buffer.from(value, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** How much of a refusing receiver's answer the log keeps. */
const answerExcerpt = 200;

provideChannel(
  "WEBHOOK",
  ({ prisma, config, now }): Sender => ({
    async send(message) {
      // The secret is read when sending, never copied into the outbox row.
      const delivery = await prisma.webhookDelivery.findUnique({
        where: { id: message.id },
        select: {
          event: true,
          webhook: {
            select: {
              secret: true,
              previousSecret: true,
              previousSecretUntil: true,
              active: true,
              removedAt: true,
            },
          },
        },
      });
      const hook = delivery?.webhook;
      if (!delivery || !hook?.active || hook.removedAt)
        throw new DeliveryError("the webhook was removed or disabled", true);
      const at = now();
      const timestamp = Math.floor(at.getTime() / 1000);
      const secrets = [
        hook.secret,
        ...(hook.previousSecret && hook.previousSecretUntil && hook.previousSecretUntil > at
          ? [hook.previousSecret]
          : []),
      ];
      let response: Response;
      try {
        response = await fetch(message.address, {
          method: "POST",
          // A redirect is an answer like any other non-2xx: following it would send the signed
          // payload to an address the partner did not register.
          redirect: "manual",
          headers: {
            "content-type": "application/json",
            "user-agent": "Wasl-Webhooks/1",
            [signatureHeader]: signatureHeaderValue(secrets, timestamp, message.body),
            "x-wasl-delivery": message.id,
            "x-wasl-event": delivery.event,
          },
          body: message.body,
          signal: AbortSignal.timeout(config.webhookTimeoutMs),
        });
      } catch (error) {
        const cause =
          (error as Error).name === "TimeoutError" ? "no answer in time" : "unreachable";
        throw new DeliveryError(`${cause}: ${(error as Error).message}`, false);
      }
      // Read (a little of) the answer so that the connection is released; its text helps a
      // partner see why its endpoint refused.
      const answer = (await response.text().catch(() => "")).slice(0, answerExcerpt);
      if (response.status < 200 || response.status > 299)
        throw new DeliveryError(
          `answered ${response.status}${answer ? `: ${answer}` : ""}`,
          false,
          response.status,
        );
      return { providerMessageId: `http:${response.status}`, responseCode: response.status };
    },
    async close() {},
  }),
);
