// SMS through a gateway. Saudi SMS providers each have their own API, so the HTTP gateway is
// configured rather than coded: URL, method, credentials, body template and where the answer
// gives the message id (config.ts, SMS_HTTP_*). In development the log gateway writes the
// message to the log.
import type { DeliveryConfig } from "../../config.js";
import type { Logger } from "../../logger.js";
import { DeliveryError, type Sender } from "./channels.js";

type HttpGateway = Extract<DeliveryConfig["sms"], { gateway: "http" }>;

/** How long the gateway may take to answer before the try counts as failed (and is retried). */
const gatewayTimeoutMs = 15_000;

/** Fills `{{to}}`, `{{text}}`, `{{id}}`, escaped for the body's content type. */
export function fillSmsBody(
  template: string,
  contentType: string,
  values: { to: string; text: string; id: string },
): string {
  const encode = contentType.includes("json")
    ? (value: string) => JSON.stringify(value).slice(1, -1)
    : contentType.includes("x-www-form-urlencoded")
      ? encodeURIComponent
      : (value: string) => value;
  return template.replace(/\{\{(to|text|id)\}\}/g, (_, name: keyof typeof values) =>
    encode(values[name]),
  );
}

/** Reads `a.b.c` from a JSON answer; the whole answer when it is a bare string or number. */
function messageIdOf(answer: string, field: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(answer);
  } catch {
    return answer.trim() || undefined;
  }
  for (const key of field.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

export function httpSmsGateway(gateway: HttpGateway): Sender {
  return {
    async send(message) {
      const values = { to: message.address, text: message.body, id: message.id };
      const filled = fillSmsBody(gateway.body, gateway.contentType, values);
      // A GET gateway takes the filled template as its query string.
      const url =
        gateway.method === "GET"
          ? `${gateway.url}${gateway.url.includes("?") ? "&" : "?"}${filled}`
          : gateway.url;
      let response: Response;
      try {
        response = await fetch(url, {
          method: gateway.method,
          headers: {
            ...(gateway.method === "GET" ? {} : { "content-type": gateway.contentType }),
            ...(gateway.authorization ? { authorization: gateway.authorization } : {}),
            "idempotency-key": message.id,
          },
          ...(gateway.method === "GET" ? {} : { body: filled }),
          signal: AbortSignal.timeout(gatewayTimeoutMs),
        });
      } catch (error) {
        throw new DeliveryError(`SMS gateway unreachable: ${(error as Error).message}`, false);
      }
      const answer = await response.text();
      if (!response.ok) {
        // 4xx: the gateway refused this message (a bad number, bad credentials) and will
        // again; 408, 429 and 5xx are passing states worth another try.
        const passing = response.status >= 500 || [408, 429].includes(response.status);
        throw new DeliveryError(
          `SMS gateway answered ${response.status}: ${answer.slice(0, 200)}`,
          !passing,
        );
      }
      const providerMessageId = messageIdOf(answer, gateway.messageIdField);
      return { providerMessageId: providerMessageId ?? `http:${response.status}` };
    },
    async close() {},
  };
}

/** Development: the SMS is written to the log, as the member would read it. */
export function logSmsGateway(log: Logger): Sender {
  return {
    async send(message) {
      log.info(
        { notificationId: message.id, to: message.address, text: message.body },
        "SMS (log gateway)",
      );
      return { providerMessageId: `log:${message.id}` };
    },
    async close() {},
  };
}
