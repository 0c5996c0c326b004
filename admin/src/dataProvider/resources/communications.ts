// The communications resource: contacts with a member, listed on the request or member they
// concern (there is no list of all contacts), and the input of logging one.
import { communicationFields } from "../fragments.js";
import { mutation, type ResourceSpec } from "../spec.js";
import { blank } from "../values.js";

/** A moment as the API takes it: an ISO instant (a Date is converted). */
function instant(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

/** A contact to log: the request it concerns (its member is the API's to find) or the member. */
export function communicationCreateInput(data: Record<string, unknown>) {
  const input: Record<string, unknown> = {
    channel: data.channel ?? "",
    direction: data.direction ?? "",
    subject: typeof data.subject === "string" ? data.subject.trim() : "",
  };
  for (const field of ["member", "request"] as const)
    if (!blank(data[field])) input[field] = data[field];
  for (const field of ["body", "outcome"] as const) {
    const value = data[field];
    if (typeof value === "string" && value.trim()) input[field] = value.trim();
  }
  const occurredAt = instant(data.occurredAt);
  if (occurredAt) input.occurredAt = occurredAt;
  return input;
}

export const communications: ResourceSpec = {
  typeName: "Communication",
  listField: "communications",
  owners: { request: "request", member: "member" },
  fields: communicationFields,
  create: mutation("recordCommunication", "communication", communicationCreateInput),
};
