// The partners' webhook delivery log (admins): each event sent to a partner's webhook with
// its tries, filtered by state, event and request reference (read only; resend is its own call).
import { webhookDeliveryFields } from "../fragments.js";
import type { ResourceSpec } from "../spec.js";
import { compact } from "../values.js";

export const webhookDeliveries: ResourceSpec = {
  typeName: "WebhookDelivery",
  listField: "webhookDeliveries",
  listArgs: "$filter: WebhookDeliveryFilter",
  fields: webhookDeliveryFields,
  listVariables: (params) => ({
    filter: compact({
      status: params.filter?.status,
      event: params.filter?.event,
      requestReference: params.filter?.requestReference,
    }),
  }),
};
