// The notifications module's live events (see pubsub.ts).

/** What changed in the outbox: the outbox screen refetches what it shows. */
export type OutboxChange =
  /** Notifications were queued by a change to a request or a member (ids not read back). */
  | "QUEUED"
  /** The delivery worker claimed these for a try (SENDING). */
  | "CLAIMED"
  /** The worker recorded these tries: SENT, PENDING again (to retry) or FAILED. */
  | "DELIVERY_RECORDED"
  /** Staff sent a FAILED one again, or cancelled a PENDING one. */
  | "RESENT"
  | "CANCELLED";

export type OutboxChangedEvent = {
  change: OutboxChange;
  /** The notifications concerned (empty for QUEUED). */
  notificationIds: string[];
  /** ISO 8601: events may cross instances as JSON. */
  at: string;
};

declare module "../../pubsub.js" {
  interface WaslEvents {
    outboxChanged: [OutboxChangedEvent];
  }
}
