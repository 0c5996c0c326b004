// Our own buildQuery for ra-data-graphql over Wasl's Relay-style API: connections with
// cursors and totalCount (or, for a few short lists such as the request types, the whole
// list at once; for lists kept on a record, such as a request's contacts, that record's
// connection), global IDs, one input object per mutation, typed error results.
// Pure: (fetch type, resource, params) → { query, variables, parseResponse }.
import { gql } from "@apollo/client";
import type { BuildQueryResult } from "ra-data-graphql";
import { type TypedErrorResult, typedResultError } from "./errors.js";
import {
  auditFields,
  communicationFields,
  memberFields,
  requestFields,
  requestListFields,
  requestTypeFields,
  userFields,
} from "./fragments.js";

export type RaRecord = { id: string } & Record<string, unknown>;
type Sort = { field: string; order: "ASC" | "DESC" | string };
type ListParams = {
  pagination?: { page: number; perPage: number };
  sort?: Sort;
  filter?: Record<string, unknown>;
  meta?: { after?: string | null; cursorOnly?: boolean; take?: number };
  target?: string;
  id?: string;
};
type Params = ListParams & {
  id?: string;
  ids?: string[];
  data?: Record<string, unknown>;
  previousData?: Record<string, unknown>;
};
type Response = { data: Record<string, unknown> };
type Connection = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges?: { node: RaRecord }[];
};

const blank = (value: unknown) => value === undefined || value === null || value === "";

/** Drops empty filter values: react-admin sends "" for cleared inputs. */
function compact(values: Record<string, unknown>): Record<string, unknown> | undefined {
  const kept = Object.entries(values).filter(([, v]) => !blank(v));
  return kept.length ? Object.fromEntries(kept) : undefined;
}

// ── Members ──────────────────────────────────────────────────────────────────────────────

const memberSortFields: Record<string, string> = {
  createdAt: "CREATED_AT",
  fullNameAr: "FULL_NAME",
  memberNumber: "MEMBER_NUMBER",
  registeredAt: "REGISTERED_AT",
};

export function memberOrderBy(sort: Sort | undefined) {
  const field = sort ? memberSortFields[sort.field] : undefined;
  return field ? { field, direction: sort?.order === "ASC" ? "ASC" : "DESC" } : undefined;
}

export function memberFilter(filter: Record<string, unknown> = {}) {
  const search = typeof filter.q === "string" ? filter.q : filter.search;
  return compact({
    search: typeof search === "string" ? search.trim() : search,
    status: filter.status,
    city: typeof filter.city === "string" ? filter.city.trim() : filter.city,
    channel: filter.channel ?? filter.preferredChannel,
  });
}

/** Fields an edit may send; nationalId, mobile and income only when typed (they are read masked). */
const memberEditable = [
  "fullNameAr",
  "fullNameEn",
  "email",
  "city",
  "district",
  "gender",
  "birthDate",
  "preferredChannel",
  "preferredLanguage",
  "familySize",
  "maritalStatus",
  "employmentStatus",
] as const;
const memberPersonal = ["nationalId", "mobile", "monthlyIncome"] as const;
const memberRequiredText = new Set(["fullNameAr", "city"]);

function inputValue(field: string, value: unknown): unknown {
  if (value === "" || value === undefined) return memberRequiredText.has(field) ? "" : null;
  if (field === "familySize" && typeof value === "string") return Number(value);
  if (field === "monthlyIncome" && typeof value === "number") return String(value);
  if (field === "birthDate" && typeof value === "string") return value.slice(0, 10);
  return value;
}

export function memberCreateInput(data: Record<string, unknown>) {
  const input: Record<string, unknown> = {};
  for (const field of [...memberEditable, ...memberPersonal]) {
    if (!blank(data[field])) input[field] = inputValue(field, data[field]);
  }
  for (const field of ["nationalId", "fullNameAr", "mobile", "city"]) input[field] ??= "";
  input.consentGiven = data.consentGiven === true;
  return input;
}

/**
 * The fields whose value changed from the record read (compared after `normalise`): an update
 * sends only those, so what another user changed meanwhile in other fields is not undone.
 */
function changedFields(
  fields: readonly string[],
  data: Record<string, unknown>,
  previous: Record<string, unknown>,
  normalise: (field: string, value: unknown) => unknown = (_field, value) => value,
): string[] {
  return fields.filter(
    (field) =>
      JSON.stringify(normalise(field, data[field])) !==
      JSON.stringify(normalise(field, previous[field])),
  );
}

/** Only what changed, so masked values are never sent back and concurrent edits of other fields survive. */
export function memberUpdateInput(
  id: string,
  data: Record<string, unknown>,
  previous: Record<string, unknown> = {},
) {
  const input: Record<string, unknown> = { id, version: data.version ?? previous.version };
  for (const field of changedFields([...memberEditable, "status"], data, previous, inputValue))
    input[field] = inputValue(field, data[field]);
  for (const field of memberPersonal) {
    const value = data[field];
    if (typeof value === "number" || (typeof value === "string" && value.trim()))
      input[field] = inputValue(field, value);
  }
  return input;
}

// ── Users ────────────────────────────────────────────────────────────────────────────────

export function userCreateInput(data: Record<string, unknown>) {
  return {
    email: data.email ?? "",
    fullName: data.fullName ?? "",
    password: data.password ?? "",
    roles: Array.isArray(data.roles) ? data.roles : [],
    personalDataAccess: data.personalDataAccess === true,
    language: data.language || null,
  };
}

export function userUpdateInput(
  id: string,
  data: Record<string, unknown>,
  previous: Record<string, unknown> = {},
) {
  const input: Record<string, unknown> = { id, version: data.version ?? previous.version };
  const editable = ["fullName", "roles", "disabled", "personalDataAccess", "language"];
  for (const field of changedFields(editable, data, previous)) input[field] = data[field];
  if (typeof data.password === "string" && data.password) input.password = data.password;
  return input;
}

// ── Requests ─────────────────────────────────────────────────────────────────────────────

const requestSortFields: Record<string, string> = {
  createdAt: "CREATED_AT",
  decisionDueAt: "DECISION_DUE_AT",
  reference: "REFERENCE",
  submittedAt: "SUBMITTED_AT",
  updatedAt: "UPDATED_AT",
};

export function requestOrderBy(sort: Sort | undefined) {
  const field = sort ? requestSortFields[sort.field] : undefined;
  return field ? { field, direction: sort?.order === "ASC" ? "ASC" : "DESC" } : undefined;
}

const asBoolean = (value: unknown) =>
  value === true || value === "true"
    ? true
    : value === false || value === "false"
      ? false
      : undefined;

/** The list's filters as the API's RequestFilter; `q` searches the reference number. */
export function requestFilter(filter: Record<string, unknown> = {}) {
  const reference = typeof filter.q === "string" ? filter.q : filter.reference;
  return compact({
    status: filter.status,
    type: filter.type,
    channel: filter.channel,
    assignee: filter.assignee,
    researcher: filter.researcher,
    member: filter.member,
    overdue: asBoolean(filter.overdue),
    reference: typeof reference === "string" ? reference.trim() : reference,
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
  const input: Record<string, unknown> = { id, version: data.version ?? previous.version };
  for (const field of changedFields(requestEditable, data, previous, requestValue))
    input[field] = requestValue(field, data[field]);
  return input;
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

// ── Request types ────────────────────────────────────────────────────────────────────────

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
  const input: Record<string, unknown> = {
    code: data.code ?? previous.code,
    version: data.version ?? previous.version,
  };
  for (const field of changedFields(requestTypeEditable, data, previous, requestTypeValue))
    input[field] = Array.isArray(data[field]) ? data[field] : requestTypeValue(field, data[field]);
  return input;
}

// ── Communications ───────────────────────────────────────────────────────────────────────

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

// ── Resources ────────────────────────────────────────────────────────────────────────────

type ResourceSpec = {
  typeName: string;
  listField: string;
  /**
   * "connection" (the default): paged by cursor, with totalCount. "plain": a short list the
   * API returns whole (`[RequestType!]!`); it is paged here and keeps the API's order.
   */
  listShape?: "connection" | "plain";
  listArgs: string;
  /**
   * Lists that exist only on an owner (a request's or a member's contacts): react-admin's
   * reference target → the root field reading the owner by ID, whose `listField` is the
   * connection. getManyReference only; filters do not apply.
   */
  owners?: Record<string, string>;
  /** What a list row reads. */
  fields: string;
  /** What one record reads (getOne and mutation results); the row's fields by default. */
  recordFields?: string;
  listVariables(params: ListParams): Record<string, unknown>;
  /**
   * The query reading one record as `data`, for resources with a root field of their own;
   * by default `node(id:)` with the record's fields.
   */
  getOne?: string;
  create?: {
    field: string;
    inputType: string;
    success: string;
    dataField: string;
    /** Selections of the result's other error types (e.g. IncompleteRequestError's gaps). */
    errors?: string;
    input(data: Record<string, unknown>): unknown;
  };
  update?: {
    field: string;
    inputType: string;
    success: string;
    dataField: string;
    input(id: string, data: Record<string, unknown>, previous?: Record<string, unknown>): unknown;
  };
};

const errorSelection = `
  ... on Error { __typename code message }
  ... on ValidationError { fieldErrors { path message } }`;

export const resources: Record<string, ResourceSpec> = {
  members: {
    typeName: "Member",
    listField: "members",
    listArgs: "$filter: MemberFilter, $orderBy: MemberOrder",
    fields: memberFields,
    listVariables: (params) => ({
      filter: memberFilter(params.filter),
      orderBy: memberOrderBy(params.sort),
    }),
    getOne: `query Member($id: ID!) { data: member(id: $id) { ${memberFields} } }`,
    create: {
      field: "createMember",
      inputType: "CreateMemberInput",
      success: "CreateMemberSuccess",
      dataField: "member",
      input: memberCreateInput,
    },
    update: {
      field: "updateMember",
      inputType: "UpdateMemberInput",
      success: "UpdateMemberSuccess",
      dataField: "member",
      input: memberUpdateInput,
    },
  },
  users: {
    typeName: "User",
    listField: "users",
    listArgs: "",
    fields: userFields,
    listVariables: () => ({}),
    create: {
      field: "createUser",
      inputType: "CreateUserInput",
      success: "CreateUserSuccess",
      dataField: "user",
      input: userCreateInput,
    },
    update: {
      field: "updateUser",
      inputType: "UpdateUserInput",
      success: "UpdateUserSuccess",
      dataField: "user",
      input: userUpdateInput,
    },
  },
  requests: {
    typeName: "Request",
    listField: "requests",
    listArgs: "$filter: RequestFilter, $orderBy: RequestOrder",
    fields: requestListFields,
    recordFields: requestFields,
    listVariables: (params) => ({
      filter: requestFilter(params.filter),
      orderBy: requestOrderBy(params.sort),
    }),
    getOne: `query Request($id: ID!) { data: request(id: $id) { ${requestFields} } }`,
    create: {
      field: "createRequest",
      inputType: "CreateRequestInput",
      success: "CreateRequestSuccess",
      dataField: "request",
      errors: "... on IncompleteRequestError { gaps { kind name message } }",
      input: requestCreateInput,
    },
    update: {
      field: "updateRequest",
      inputType: "UpdateRequestInput",
      success: "UpdateRequestSuccess",
      dataField: "request",
      input: requestUpdateInput,
    },
  },
  requestTypes: {
    typeName: "RequestType",
    listField: "requestTypes",
    listShape: "plain",
    listArgs: "",
    fields: requestTypeFields,
    listVariables: () => ({}),
    update: {
      field: "updateRequestType",
      inputType: "UpdateRequestTypeInput",
      success: "UpdateRequestTypeSuccess",
      dataField: "requestType",
      input: requestTypeUpdateInput,
    },
  },
  communications: {
    typeName: "Communication",
    listField: "communications",
    owners: { request: "request", member: "member" },
    listArgs: "",
    fields: communicationFields,
    listVariables: () => ({}),
    create: {
      field: "recordCommunication",
      inputType: "RecordCommunicationInput",
      success: "RecordCommunicationSuccess",
      dataField: "communication",
      input: communicationCreateInput,
    },
  },
  audit: {
    typeName: "AuditEntry",
    listField: "auditEntries",
    listArgs: "$filter: AuditFilter",
    fields: auditFields,
    listVariables: (params) => ({
      // Records and actors by their global IDs, as every other field gives them.
      filter: compact({
        entityType: params.filter?.entityType,
        entity: params.filter?.entity,
        actor: params.filter?.actor,
      }),
    }),
  },
};

export const maxPageSize = 100;

function listQuery(spec: ResourceSpec, cursorOnly: boolean) {
  const args = spec.listArgs ? `, ${spec.listArgs}` : "";
  const passed = spec.listArgs
    .split(",")
    .map((a) => a.trim().split(":")[0]?.replace("$", ""))
    .filter(Boolean)
    .map((name) => `, ${name}: $${name}`)
    .join("");
  const selection = cursorOnly ? "" : `edges { node { ${spec.fields} } }`;
  return gql`
    query ${spec.typeName}List($first: Int!, $after: String${args}) {
      connection: ${spec.listField}(first: $first, after: $after${passed}) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor }
        ${selection}
      }
    }`;
}

/** One page of an owner's list: `owner: request(id: $id) { connection: communications(…) }`. */
function ownedListQuery(spec: ResourceSpec, ownerField: string, cursorOnly: boolean) {
  const selection = cursorOnly ? "" : `edges { node { ${spec.fields} } }`;
  const owner = ownerField[0]?.toUpperCase() + ownerField.slice(1);
  return gql`
    query ${spec.typeName}ListOf${owner}($id: ID!, $first: Int!, $after: String) {
      owner: ${ownerField}(id: $id) {
        id
        connection: ${spec.listField}(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage hasPreviousPage endCursor }
          ${selection}
        }
      }
    }`;
}

/** A connection as react-admin's page, with the cursor that continues it. */
function connectionPage(connection: Connection) {
  return {
    data: (connection.edges ?? []).map((edge) => edge.node),
    total: connection.totalCount,
    pageInfo: {
      hasNextPage: connection.pageInfo.hasNextPage,
      hasPreviousPage: connection.pageInfo.hasPreviousPage,
    },
    meta: { endCursor: connection.pageInfo.endCursor },
  };
}

const notFound = () =>
  typedResultError({ __typename: "NotFoundError", code: "NOT_FOUND", message: "" });

function plainListQuery(spec: ResourceSpec) {
  return gql`query ${spec.typeName}List { list: ${spec.listField} { ${spec.fields} } }`;
}

/** Whether react-admin's page numbers go through cursors (connections) or not (plain lists). */
export function pagedByCursor(resource: string): boolean {
  return resources[resource]?.listShape !== "plain";
}

/** A whole list as a react-admin page: in the API's order, sliced to the page asked for. */
function plainPage(list: RaRecord[], params: ListParams) {
  const { page, perPage } = params.pagination ?? { page: 1, perPage: list.length };
  const start = Math.max(0, (page - 1) * perPage);
  return {
    data: list.slice(start, start + perPage),
    total: list.length,
    pageInfo: { hasNextPage: start + perPage < list.length, hasPreviousPage: start > 0 },
  };
}

function unknownResource(resource: string): never {
  throw new Error(`Unknown resource: ${resource}`);
}

function mutationResult(spec: { success: string; dataField: string }, response: Response) {
  const result = response.data.result as (TypedErrorResult & Record<string, unknown>) | null;
  if (result && result.__typename === spec.success)
    return { data: result[spec.dataField] as RaRecord };
  throw typedResultError(result ?? { __typename: "Error", message: "" });
}

export function buildQuery(_introspection?: unknown) {
  return (fetchType: string, resource: string, params: Params): BuildQueryResult => {
    const spec = resources[resource] ?? unknownResource(resource);
    switch (fetchType) {
      case "GET_LIST":
      case "GET_MANY_REFERENCE": {
        if (spec.listShape === "plain") {
          if (fetchType === "GET_MANY_REFERENCE") unknownResource(`${resource}.reference`);
          return {
            query: plainListQuery(spec),
            variables: {},
            parseResponse: (response: Response) =>
              plainPage((response.data.list as RaRecord[] | null) ?? [], params),
          };
        }
        const perPage = Math.min(
          params.meta?.take ?? params.pagination?.perPage ?? 25,
          maxPageSize,
        );
        if (spec.owners) {
          const owner =
            (fetchType === "GET_MANY_REFERENCE" && spec.owners[params.target ?? ""]) ||
            unknownResource(`${resource}.${params.target ?? fetchType}`);
          return {
            query: ownedListQuery(spec, owner, params.meta?.cursorOnly === true),
            variables: { id: params.id, first: perPage, after: params.meta?.after ?? null },
            parseResponse: (response: Response) => {
              const found = response.data.owner as { connection: Connection } | null;
              if (!found) throw notFound();
              return connectionPage(found.connection);
            },
          };
        }
        const filter =
          fetchType === "GET_MANY_REFERENCE" && params.target
            ? { ...params.filter, [params.target]: params.id }
            : params.filter;
        return {
          query: listQuery(spec, params.meta?.cursorOnly === true),
          variables: {
            first: perPage,
            after: params.meta?.after ?? null,
            ...spec.listVariables({ ...params, filter }),
          },
          parseResponse: (response: Response) =>
            connectionPage(response.data.connection as Connection),
        };
      }
      case "GET_ONE":
        return {
          query: gql(
            spec.getOne ??
              `query ${spec.typeName}($id: ID!) {
                data: node(id: $id) { ... on ${spec.typeName} { ${spec.recordFields ?? spec.fields} } }
              }`,
          ),
          variables: { id: params.id },
          parseResponse: (response: Response) => {
            const record = response.data.data as RaRecord | null;
            if (!record?.id) throw notFound();
            return { data: record };
          },
        };
      case "GET_MANY":
        return {
          query: gql`query ${spec.typeName}Many($ids: [ID!]!) {
            data: nodes(ids: $ids) { ... on ${spec.typeName} { ${spec.fields} } }
          }`,
          variables: { ids: params.ids ?? [] },
          parseResponse: (response: Response) => ({
            data: ((response.data.data as (RaRecord | null)[]) ?? []).filter(
              (r): r is RaRecord => !!r?.id,
            ),
          }),
        };
      case "CREATE": {
        const create = spec.create ?? unknownResource(`${resource}.create`);
        return {
          query: gql`mutation Create${spec.typeName}($input: ${create.inputType}!) {
            result: ${create.field}(input: $input) {
              __typename
              ... on ${create.success} { ${create.dataField} { ${spec.recordFields ?? spec.fields} } }
              ${errorSelection}
              ${create.errors ?? ""}
            }
          }`,
          variables: { input: create.input(params.data ?? {}) },
          parseResponse: (response: Response) => mutationResult(create, response),
        };
      }
      case "UPDATE": {
        const update = spec.update ?? unknownResource(`${resource}.update`);
        return {
          query: gql`mutation Update${spec.typeName}($input: ${update.inputType}!) {
            result: ${update.field}(input: $input) {
              __typename
              ... on ${update.success} { ${update.dataField} { ${spec.recordFields ?? spec.fields} } }
              ${errorSelection}
            }
          }`,
          variables: {
            input: update.input(String(params.id), params.data ?? {}, params.previousData),
          },
          parseResponse: (response: Response) => mutationResult(update, response),
        };
      }
      default:
        // No resource of ours can be deleted through the API yet: refuse rather than guess.
        throw new Error(`${fetchType} is not supported for ${resource}`);
    }
  };
}
