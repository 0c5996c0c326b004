// What the requests module tells members through the outbox: the life-cycle events' template
// parameters (the request's reference, deadline, state, and the note, reason or answer).
import type { RequestStatus } from "../../db/generated/enums.js";
import { translate } from "../../i18n/messages.js";
import { formatDueDate, registerNotificationParams } from "../notifications/outbox.js";
import { lifecycles } from "./lifecycle.js";

export type RequestNotificationParams = {
  reference: string | null;
  dueDate: Date | null;
  status: RequestStatus;
  note?: string | null | undefined;
  reason?: string | null | undefined;
  answer?: string | null | undefined;
};

/** What the life cycle tells the member (lifecycle.ts: a transition's `notification`). */
export type LifecycleEvent =
  | "REQUEST_SUBMITTED"
  | "NEEDS_INFO"
  | "REFERRED_TO_RESEARCHER"
  | "RAISED_TO_COMMITTEE"
  | "DECIDED"
  | "COMPLETED"
  | "RESOLVED";

/** The events the life-cycle table sends, read from it rather than listed again. */
const lifecycleEvents = [
  ...new Set(
    Object.values(lifecycles).flatMap((flow) => flow.flatMap((t) => t.notification ?? [])),
  ),
  // The table types its events as any NotificationEvent; the union above names them, and a
  // test (tests/unit/lifecycle.test.ts) pins the table's set.
] as LifecycleEvent[];

declare module "../notifications/outbox.js" {
  interface NotificationParamsByEvent extends Record<LifecycleEvent, RequestNotificationParams> {}
}

registerNotificationParams(lifecycleEvents, (params, { language, locale }) => ({
  reference: params.reference ?? "",
  dueDate: params.dueDate ? formatDueDate(params.dueDate, language) : "",
  status: translate(locale, `requestStatus.${params.status}`),
  note: params.note ?? "",
  reason: params.reason ?? "",
  answer: params.answer ?? "",
}));
