// What the requests module tells members through the outbox: the life-cycle events' template
// parameters (the request's reference, deadline, state, and the note, reason or answer).
import type { RequestStatus } from "../../db/generated/enums.js";
import { translate } from "../../i18n/messages.js";
import { formatDueDate, registerNotificationParams } from "../notifications/outbox.js";

export type RequestNotificationParams = {
  reference: string | null;
  dueDate: Date | null;
  status: RequestStatus;
  note?: string | null | undefined;
  reason?: string | null | undefined;
  answer?: string | null | undefined;
};

/** The life cycle's events (lifecycle.ts names them per transition). */
const requestEvents = [
  "REQUEST_SUBMITTED",
  "NEEDS_INFO",
  "REFERRED_TO_RESEARCHER",
  "RAISED_TO_COMMITTEE",
  "DECIDED",
  "COMPLETED",
  "RESOLVED",
  "DUE_DATE_REMINDER",
] as const;

type RequestEvent = (typeof requestEvents)[number];

declare module "../notifications/outbox.js" {
  interface NotificationParamsByEvent extends Record<RequestEvent, RequestNotificationParams> {}
}

registerNotificationParams(requestEvents, (params, { language, locale }) => ({
  reference: params.reference ?? "",
  dueDate: params.dueDate ? formatDueDate(params.dueDate, language) : "",
  status: translate(locale, `requestStatus.${params.status}`),
  note: params.note ?? "",
  reason: params.reason ?? "",
  answer: params.answer ?? "",
}));
