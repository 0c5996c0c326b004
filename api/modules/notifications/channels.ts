// What the delivery worker hands a channel, and what a channel answers: the provider's id for
// the accepted message, or an error that says whether trying again can help.
import type { DeliveryConfig } from "../../config.js";
import type { PrismaClient } from "../../db/client.js";
import type { Language, NotificationChannel } from "../../db/generated/enums.js";
import type { Logger } from "../../logger.js";

/** A queued notification as a channel sends it. Its id is the idempotency key. */
export type OutgoingMessage = {
  id: string;
  channel: NotificationChannel;
  address: string;
  language: Language;
  subject: string;
  body: string;
};

/** `responseCode`: the HTTP status the receiver answered, for channels over HTTP. */
export type Delivered = { providerMessageId: string; responseCode?: number };

/**
 * A delivery that did not happen. `permanent`: the provider refused this message for good
 * (an unknown mailbox, a rejected number), so retrying would only repeat the refusal.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly responseCode?: number,
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
export type DeliveredChannel = Exclude<NotificationChannel, "IN_APP">;

/** The channels of the members' outbox (in-app ones are the bell's, webhooks the partners'). */
export const memberChannels = ["EMAIL", "SMS"] as const satisfies NotificationChannel[];

/** The members' channels, built from the configuration (delivery.ts, createSenders). */
export type Senders = Record<(typeof memberChannels)[number], Sender>;

/**
 * A channel another module provides (a partner's webhooks), built by the worker with what it
 * has. Registered from that module, so the notifications module imports none of them.
 */
export type ChannelFactory = (services: {
  prisma: PrismaClient;
  config: DeliveryConfig;
  log: Logger;
  now: () => Date;
}) => Sender;

const provided = new Map<DeliveredChannel, ChannelFactory>();

export function provideChannel(
  channel: Exclude<DeliveredChannel, keyof Senders>,
  factory: ChannelFactory,
) {
  if (provided.has(channel)) throw new Error(`delivery channel provided twice: ${channel}`);
  provided.set(channel, factory);
}

/** The provided channels, each with its sender. */
export function providedChannels(): [DeliveredChannel, ChannelFactory][] {
  return [...provided];
}
