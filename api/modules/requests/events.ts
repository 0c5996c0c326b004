// The requests module's live event, `requestChanged` (see pubsub.ts), announced after the
// commit. Other modules (communications, attestation) announce a change to a request's case
// file through it too.
import type { Caller } from "../../auth/caller.js";
import type { CommandContext } from "../../db/commands.js";
import type { RequestStatus } from "../../db/generated/enums.js";
import type { RequestAction } from "./lifecycle.js";

/** What a `requestChanged` event says happened: intake, a life-cycle action, or a case-file change. */
export type RequestChangeKind =
  | "CREATED"
  | "UPDATED"
  | RequestAction
  | "COMMUNICATION_LOGGED"
  | "ATTESTATION_SIGNED";

/** What a request subscription receives: no personal data, enough to refresh or to filter. */
export type RequestChangedEvent = {
  requestId: string;
  reference: string | null;
  /** The life-cycle action, or CREATED / UPDATED for intake changes. */
  change: RequestChangeKind;
  previousStatus: RequestStatus | null;
  status: RequestStatus;
  version: number;
  /** Who may receive it: the case's researcher, the partner that submitted it, those shared with. */
  researcherId: string | null;
  partnerId: string | null;
  sharedWithPartnerIds: string[];
  actorId: string | null;
  /** ISO 8601: events may cross instances as JSON. */
  at: string;
};

declare module "../../pubsub.js" {
  interface WaslEvents {
    requestChanged: [RequestChangedEvent];
  }
}

/** The request's facts an event carries: no personal data, enough to refresh or to filter. */
export type RequestEventFacts = {
  id: string;
  reference: string | null;
  status: RequestStatus;
  version: number;
  researcherId: string | null;
  partnerId: string | null;
  sharedWithPartnerIds: string[];
};

/** What `requestChanged` announces about a request. */
export function requestChangedEvent(
  caller: Caller,
  request: RequestEventFacts,
  change: RequestChangeKind,
  previousStatus: RequestStatus | null,
  now: Date,
): RequestChangedEvent {
  return {
    requestId: request.id,
    reference: request.reference,
    change,
    previousStatus,
    status: request.status,
    version: request.version,
    researcherId: request.researcherId,
    partnerId: request.partnerId,
    sharedWithPartnerIds: request.sharedWithPartnerIds,
    actorId: caller.kind === "user" ? caller.id : null,
    at: now.toISOString(),
  };
}

/** Announces, once the command's transaction commits, that the request changed. */
export function emitRequestChanged(
  context: CommandContext,
  request: RequestEventFacts,
  change: RequestChangeKind,
  previousStatus: RequestStatus | null,
): void {
  context.emit(
    "requestChanged",
    requestChangedEvent(context.caller, request, change, previousStatus, context.now),
  );
}
