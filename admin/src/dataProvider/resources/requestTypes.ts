// The request types resource: a short list the API returns whole; an update names the type
// by its code and sends only what changed.
import { requestTypeFields } from "../fragments.js";
import { mutation, type ResourceSpec, updateInput } from "../spec.js";
import { blank } from "../values.js";

const requestTypeEditable = [
  "nameAr",
  "nameEn",
  "requiredFields",
  "requiredDocumentKinds",
  "attestationRequired",
  "committeeDecides",
  "involvesMoney",
  "decisionPeriodDays",
  "maxAmount",
  "active",
] as const;

function requestTypeValue(field: string, value: unknown): unknown {
  if (field === "decisionPeriodDays") return blank(value) ? null : Number(value);
  // A Decimal travels as a string; an emptied box removes the ceiling.
  if (field === "maxAmount") return blank(value) ? null : String(value);
  if (field === "nameAr" || field === "nameEn")
    return typeof value === "string" ? value.trim() : "";
  // A set: the order the boxes were ticked in is no change.
  if (Array.isArray(value)) return [...value].map(String).sort();
  return value;
}

/** A type is named by its code; only what changed is sent, with the version read. */
export function requestTypeUpdateInput(
  _id: string,
  data: Record<string, unknown>,
  previous: Record<string, unknown> = {},
) {
  // The sets go as ticked; they compare as sets.
  return updateInput(
    { code: data.code ?? previous.code },
    requestTypeEditable,
    data,
    previous,
    requestTypeValue,
    (field, value) => (Array.isArray(value) ? value : requestTypeValue(field, value)),
  );
}

export const requestTypes: ResourceSpec = {
  typeName: "RequestType",
  listField: "requestTypes",
  listShape: "plain",
  fields: requestTypeFields,
  update: mutation("updateRequestType", "requestType", requestTypeUpdateInput),
};
