// What the requests module announces live: `requestChanged`, after the commit. Other modules
// (communications, attestation) announce a change to a request's case file through it too.
import type { Caller } from "../../auth/caller.js";
import type { CommandContext } from "../../db/commands.js";
import type { RequestStatus } from "../../db/generated/enums.js";
import type { RequestChangedEvent } from "../../pubsub.js";

/** The request's facts an event carries: no personal data, enough to refresh or to filter. */
export type RequestEventFacts = {
  id: string;
  reference: string | null;
  status: RequestStatus;
  version: number;
  researcherId: string | null;
  partnerId: string | null;
};

/** What `requestChanged` announces about a request. */
export function requestChangedEvent(
  caller: Caller,
  request: RequestEventFacts,
  change: string,
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
    actorId: caller.kind === "user" ? caller.id : null,
    at: now.toISOString(),
  };
}

/** Announces, once the command's transaction commits, that the request changed. */
export function emitRequestChanged(
  context: CommandContext,
  request: RequestEventFacts,
  change: string,
  previousStatus: RequestStatus | null,
): void {
  context.emit(
    "requestChanged",
    requestChangedEvent(context.caller, request, change, previousStatus, context.now),
  );
}
