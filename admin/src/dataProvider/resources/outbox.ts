// The outbox resource: members' e-mail and SMS notifications, filtered by status, channel,
// event, member and request (read only; resend and cancel are the outbox's own calls).
import { notificationFields } from "../fragments.js";
import type { ResourceSpec } from "../spec.js";
import { compact } from "../values.js";

export const outbox: ResourceSpec = {
  typeName: "Notification",
  listField: "outbox",
  listArgs: "$filter: OutboxFilter",
  fields: notificationFields,
  listVariables: (params) => ({
    filter: compact({
      status: params.filter?.status,
      channel: params.filter?.channel,
      event: params.filter?.event,
      member: params.filter?.member,
      request: params.filter?.request,
    }),
  }),
};
