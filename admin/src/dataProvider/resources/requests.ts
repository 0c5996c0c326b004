// The requests resource: the list's filters and order, the case file's fields (from
// `fragments.ts`), and the inputs of intake and of a draft's edit. The life-cycle actions,
// documents and attestation are the case file's own calls (`../requests.ts`).
import { requestFields, requestListFields } from "../fragments.js";
import { filteredList, mutation, orderBy, type ResourceSpec, updateInput } from "../spec.js";
import { blank, compact, trimmed } from "../values.js";

export const requestOrderBy = orderBy({
  createdAt: "CREATED_AT",
  decisionDueAt: "DECISION_DUE_AT",
  reference: "REFERENCE",
  submittedAt: "SUBMITTED_AT",
  updatedAt: "UPDATED_AT",
});

const asBoolean = (value: unknown) =>
  value === true || value === "true"
    ? true
    : value === false || value === "false"
      ? false
      : undefined;

/**
 * The list's filters as the API's RequestFilter; `q` searches the reference and the
 * member's name, number, national ID or mobile.
 */
export function requestFilter(filter: Record<string, unknown> = {}) {
  return compact({
    status: filter.status,
    type: filter.type,
    channel: filter.channel,
    assignee: filter.assignee,
    researcher: filter.researcher,
    member: filter.member,
    overdue: asBoolean(filter.overdue),
    reference: trimmed(filter.reference),
    search: trimmed(filter.q),
    dueWithinDays: typeof filter.dueWithinDays === "number" ? filter.dueWithinDays : undefined,
  });
}

const requestTextFields = ["subject", "description", "details", "incomingLetterNumber"] as const;

/** What a draft's (or a request sent back for information's) edit may change. */
const requestEditable = ["subject", "description", "amountRequested", "incomingLetterNumber"];

function requestValue(field: string, value: unknown): string | null {
  if (blank(value)) return field === "subject" || field === "description" ? "" : null;
  return typeof value === "string" ? value.trim() : String(value);
}

/** Only what changed, with the version read: the rest of the request stays as stored. */
export function requestUpdateInput(
  id: string,
  data: Record<string, unknown>,
  previous: Record<string, unknown> = {},
) {
  return updateInput({ id }, requestEditable, data, previous, requestValue);
}

export function requestCreateInput(data: Record<string, unknown>) {
  const input: Record<string, unknown> = {
    member: data.member ?? data.memberId ?? "",
    type: data.type ?? "",
    channel: data.channel ?? "",
    subject: typeof data.subject === "string" ? data.subject.trim() : "",
  };
  for (const field of requestTextFields.slice(1)) {
    const value = data[field];
    if (typeof value === "string" && value.trim()) input[field] = value.trim();
  }
  if (!blank(data.amountRequested)) input.amountRequested = String(data.amountRequested);
  return input;
}

export const requests: ResourceSpec = {
  typeName: "Request",
  listField: "requests",
  fields: requestListFields,
  recordFields: requestFields,
  ...filteredList("Request", requestFilter, requestOrderBy),
  getOne: `query Request($id: ID!) { data: request(id: $id) { ${requestFields} } }`,
  create: {
    ...mutation("createRequest", "request", requestCreateInput),
    errors: "... on IncompleteRequestError { gaps { kind name message } }",
  },
  update: mutation("updateRequest", "request", requestUpdateInput),
};
