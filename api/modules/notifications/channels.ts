// What the delivery worker hands a channel, and what a channel answers: the provider's id for
// the accepted message, or an error that says whether trying again can help.
import type { Language, NotificationChannel } from "../../db/generated/enums.js";

/** A queued notification as a channel sends it. Its id is the idempotency key. */
export type OutgoingMessage = {
  id: string;
  channel: NotificationChannel;
  address: string;
  language: Language;
  subject: string;
  body: string;
};

export type Delivered = { providerMessageId: string };

/**
 * A delivery that did not happen. `permanent`: the provider refused this message for good
 * (an unknown mailbox, a rejected number), so retrying would only repeat the refusal.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

/** One way out of the building (SMTP, an SMS gateway). */
export type Sender = {
  send(message: OutgoingMessage): Promise<Delivered>;
  close(): Promise<void>;
};

/** The channels the worker delivers; in-app notifications are read in the panel instead. */
export type Senders = Record<Exclude<NotificationChannel, "IN_APP">, Sender>;
