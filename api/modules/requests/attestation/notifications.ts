// The attestation link sent to the member (links.ts): its template parameters.
import { formatDueDate, registerNotificationParams } from "../../notifications/outbox.js";

export type AttestationLinkParams = {
  reference: string | null;
  /** The single-use link to the signing page. */
  link: string;
  /** Until when the link works. */
  validUntil: Date;
};

declare module "../../notifications/outbox.js" {
  interface NotificationParamsByEvent {
    ATTESTATION_REQUESTED: AttestationLinkParams;
  }
}

registerNotificationParams(["ATTESTATION_REQUESTED"], (params, { language }) => ({
  reference: params.reference ?? "",
  link: params.link,
  validUntil: formatDueDate(params.validUntil, language),
}));
