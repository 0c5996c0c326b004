// The survey invitation sent to the member through the outbox: its template parameters.
import { formatDueDate, registerNotificationParams } from "../notifications/outbox.js";

export type SurveyInvitationParams = {
  /** The request the service was about; empty for a periodic survey. */
  reference: string | null;
  /** The single-use link to the answer page. */
  surveyLink: string;
  validUntil: Date;
};

declare module "../notifications/outbox.js" {
  interface NotificationParamsByEvent {
    SURVEY_INVITATION: SurveyInvitationParams;
  }
}

registerNotificationParams(["SURVEY_INVITATION"], (params, { language }) => ({
  reference: params.reference ?? "",
  surveyLink: params.surveyLink,
  validUntil: formatDueDate(params.validUntil, language),
}));
