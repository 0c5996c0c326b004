// Every partner's webhooks (admins): where each partner is told of its requests' changes, with
// its state and newest delivery; disabling one is its own call (../webhooks.ts).
import type { ResourceSpec } from "../spec.js";

export const webhookFields = `
  id partnerName url events description active disabledAt removedAt createdAt version
  lastDelivery { id status occurredAt deliveredAt lastError }`;

export const webhooks: ResourceSpec = {
  typeName: "Webhook",
  listField: "webhooks",
  fields: webhookFields,
};
