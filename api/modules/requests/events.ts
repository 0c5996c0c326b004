// The requests module's live events (see pubsub.ts).
import type { RequestStatus } from "../../db/generated/enums.js";

/** What a request subscription receives: no personal data, enough to refresh or to filter. */
export type RequestChangedEvent = {
  requestId: string;
  reference: string | null;
  /** The life-cycle action, or CREATED / UPDATED for intake changes. */
  change: string;
  previousStatus: RequestStatus | null;
  status: RequestStatus;
  version: number;
  /** Who may receive it: the case's researcher, the partner that submitted it. */
  researcherId: string | null;
  partnerId: string | null;
  actorId: string | null;
  /** ISO 8601: events may cross instances as JSON. */
  at: string;
};

declare module "../../pubsub.js" {
  interface WaslEvents {
    requestChanged: [RequestChangedEvent];
  }
}
