// The requests module's expected failures: a request that is not complete yet, an action its
// status does not allow.
import type { RequestStatus } from "../../db/generated/enums.js";
import { DomainError, InvalidTransitionError } from "../../errors.js";
import type { MessageKey, MessageParams } from "../../i18n/messages.js";
import type { RequestAction } from "./lifecycle.js";

declare module "../../errors.js" {
  interface ErrorCodes {
    INCOMPLETE_REQUEST: true;
  }
}

/** Why a request is not ready to submit (policy step 2): one gap, named. */
export type RequestGapKind =
  | "MISSING_FIELD"
  | "MISSING_DOCUMENT"
  | "UNVERIFIED_DOCUMENT"
  | "UNSIGNED_ATTESTATION"
  | "STALE_ATTESTATION"
  | "INVALID_MEMBER_DATA";

/** A gap: its kind, the name of what is missing or wrong (e.g. "member.familySize"), a message. */
export type RequestGap = {
  kind: RequestGapKind;
  name: string;
  messageKey: MessageKey;
  params?: MessageParams;
};

/** A request cannot move on until every gap is closed; all of them are listed, not the first. */
export class IncompleteRequestError extends DomainError {
  readonly code = "INCOMPLETE_REQUEST";
  constructor(readonly gaps: RequestGap[]) {
    super("errors.incompleteRequest", { count: gaps.length });
  }
}

/**
 * An action (a life-cycle action, an edit, a research step) the request's status does not
 * allow, with the life-cycle actions its flow allows from that status.
 */
export class RequestTransitionError extends InvalidTransitionError<RequestStatus, RequestAction> {
  constructor(status: RequestStatus, attempted: string, allowed: readonly RequestAction[]) {
    super(status, attempted, allowed, { state: "requestStatus", action: "requestAction" });
  }
}

/** A research report's own states: a draft its researcher changes, then submitted (final). */
export const researchReportStatuses = ["DRAFT", "SUBMITTED"] as const;
export type ResearchReportStatus = (typeof researchReportStatuses)[number];

/** The researcher's own steps, named in refusals like the life cycle's actions. */
export const researchSteps = ["SAVE_RESEARCH_REPORT", "SUBMIT_RESEARCH_REPORT"] as const;
export type ResearchStep = (typeof researchSteps)[number];

/** A step the report's own state does not allow (a submitted report is final). */
export class ResearchReportTransitionError extends InvalidTransitionError<
  ResearchReportStatus,
  ResearchStep
> {
  constructor(status: ResearchReportStatus, attempted: ResearchStep, allowed: ResearchStep[]) {
    super(status, attempted, allowed, { state: "researchReportStatus", action: "requestAction" });
  }
}
