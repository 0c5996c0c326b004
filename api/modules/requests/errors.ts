// The requests module's expected failures: a request that is not complete yet.
import { DomainError } from "../../errors.js";
import type { MessageKey, MessageParams } from "../../i18n/messages.js";

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
