// E-mail over SMTP with nodemailer: plain text and Arabic (RTL) HTML in one multipart
// message, with the notification's id as its Message-ID and idempotency header so that a
// message sent again after a crash can be recognised as the same one. Without SMTP_URL the
// same message is written to a local capture instead (never silently dropped).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer from "nodemailer";
import type { Language } from "../../db/generated/enums.js";
import type { Logger } from "../../logger.js";
import { DeliveryError, type OutgoingMessage, type Sender } from "./channels.js";

/** The header carrying the notification's id: the same on every retry of one notification. */
export const idempotencyHeader = "X-Wasl-Idempotency-Key";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/** Links in a message (the attestation link, a survey) are clickable in the HTML part. */
const linkify = (html: string) =>
  html.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

/**
 * The HTML part: right-to-left for Arabic, with the association's name as letterhead; each
 * line of the text is a paragraph. The panel shows the same rendering.
 */
export function renderEmailHtml(subject: string, body: string, language: Language): string {
  const arabic = language === "AR";
  const dir = arabic ? "rtl" : "ltr";
  const align = arabic ? "right" : "left";
  const paragraphs = body
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => `<p style="margin:0 0 12px">${linkify(escapeHtml(line))}</p>`)
    .join("\n");
  return `<!doctype html>
<html lang="${arabic ? "ar" : "en"}" dir="${dir}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body dir="${dir}" style="margin:0;padding:24px;background:#f4f6f5;font-family:Tahoma,'IBM Plex Sans Arabic',Arial,sans-serif;text-align:${align}">
<div style="max-width:600px;margin:auto;background:#fff;border-radius:8px;padding:24px;direction:${dir}">
<div style="color:#0b6e4f;font-weight:bold;font-size:18px;margin-bottom:16px">${arabic ? "جمعية وصل" : "Wasl association"}</div>
<h1 style="font-size:16px;margin:0 0 16px">${escapeHtml(subject)}</h1>
${paragraphs}
</div>
</body>
</html>`;
}

/** The domain of the sender's address, for Message-IDs that are unique to this sender. */
function senderDomain(from: string): string {
  return /@([^>\s]+)/.exec(from)?.[1] ?? "wasl.localhost";
}

/** The e-mail nodemailer sends for a notification (the bench replays exactly this). */
export function composeEmail(message: OutgoingMessage, from: string) {
  return {
    from,
    to: message.address,
    subject: message.subject,
    text: message.body,
    html: renderEmailHtml(message.subject, message.body, message.language),
    messageId: `<${message.id}@${senderDomain(from)}>`,
    headers: {
      [idempotencyHeader]: message.id,
      "Content-Language": message.language === "AR" ? "ar" : "en",
    },
  };
}

/**
 * Whether an SMTP failure is final: a 5xx reply refuses this message for good; a 4xx reply,
 * a refused or dropped connection, or a timeout may pass on a later try.
 */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** A pool: a batch reuses a few open connections instead of a handshake per message. */
export const smtpPoolOptions = {
  pool: true,
  maxConnections: 5,
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
} as const;

export function smtpSender(smtpUrl: string, from: string): Sender {
  const transport = nodemailer.createTransport({ url: smtpUrl, ...smtpPoolOptions });
  return {
    async send(message) {
      try {
        const info = await transport.sendMail(composeEmail(message, from));
        return { providerMessageId: info.messageId };
      } catch (error) {
        throw new DeliveryError(
          error instanceof Error ? error.message : String(error),
          isPermanent(error),
        );
      }
    },
    async close() {
      transport.close();
    },
  };
}

/**
 * Development without SMTP_URL: each e-mail is built exactly as it would be sent and kept as
 * an .eml file in `<data dir>/mail-capture/`; the panel's outbox shows the message.
 */
export function captureSender(dataDir: string, from: string, log: Logger): Sender {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const folder = join(dataDir, "mail-capture");
  return {
    async send(message) {
      const info = await transport.sendMail(composeEmail(message, from));
      mkdirSync(folder, { recursive: true });
      const file = `${message.id}.eml`;
      writeFileSync(join(folder, file), info.message as Buffer);
      log.info({ notificationId: message.id, to: message.address, file }, "e-mail captured");
      return { providerMessageId: `local-capture:${file}` };
    },
    async close() {},
  };
}
