// Our own buildQuery for ra-data-graphql over Wasl's Relay-style API: connections with
// cursors and totalCount (or, for a few short lists such as the request types, the whole
// list at once; for lists kept on a record, such as a request's contacts, that record's
// connection), global IDs, one input object per mutation, typed error results.
// Pure: (fetch type, resource, params) → { query, variables, parseResponse }. The engine
// only: what each resource reads and sends is declared in `resources/<resource>.ts`.
import { gql } from "@apollo/client";
import type { BuildQueryResult } from "ra-data-graphql";
import { type TypedErrorResult, typedResultError } from "./errors.js";
import { resources } from "./resources/index.js";
import type { ListParams, MutationSpec, RaRecord, ResourceSpec } from "./spec.js";

type Params = ListParams & {
  id?: string;
  ids?: string[];
  data?: Record<string, unknown>;
  previousData?: Record<string, unknown>;
};
type Response = { data: Record<string, unknown> };
type Connection = {
  totalCount?: number;
  cappedCount?: { count: number; more: boolean };
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges?: { node: RaRecord }[];
};

const errorSelection = `
  ... on Error { __typename code message }
  ... on ValidationError { fieldErrors { path message } }`;

export const maxPageSize = 100;

/** The count a list reads (ResourceSpec.count). */
const countSelection = (spec: ResourceSpec) =>
  spec.count === "capped" ? "cappedCount { count more }" : "totalCount";

function listQuery(spec: ResourceSpec, cursorOnly: boolean) {
  const listArgs = spec.listArgs ?? "";
  const args = listArgs ? `, ${listArgs}` : "";
  const passed = listArgs
    .split(",")
    .map((a) => a.trim().split(":")[0]?.replace("$", ""))
    .filter(Boolean)
    .map((name) => `, ${name}: $${name}`)
    .join("");
  const selection = cursorOnly ? "" : `edges { node { ${spec.fields} } }`;
  return gql`
    query ${spec.typeName}List($first: Int!, $after: String${args}) {
      connection: ${spec.listField}(first: $first, after: $after${passed}) {
        ${countSelection(spec)}
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
          ${countSelection(spec)}
          pageInfo { hasNextPage hasPreviousPage endCursor }
          ${selection}
        }
      }
    }`;
}

/**
 * A connection as react-admin's page, with the cursor that continues it. Past a capped
 * count's cap the total is unknown: react-admin pages by `pageInfo`, and `meta.moreThan`
 * lets the list say «أكثر من 1000».
 */
function connectionPage(connection: Connection) {
  const capped = connection.cappedCount;
  return {
    data: (connection.edges ?? []).map((edge) => edge.node),
    total: capped ? (capped.more ? undefined : capped.count) : connection.totalCount,
    pageInfo: {
      hasNextPage: connection.pageInfo.hasNextPage,
      hasPreviousPage: connection.pageInfo.hasPreviousPage,
    },
    meta: {
      endCursor: connection.pageInfo.endCursor,
      ...(capped?.more ? { moreThan: capped.count } : {}),
    },
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

function mutationResult(spec: MutationSpec, response: Response) {
  const result = response.data.result as (TypedErrorResult & Record<string, unknown>) | null;
  if (result && result.__typename === spec.success)
    return { data: result[spec.dataField] as RaRecord };
  throw typedResultError(result ?? { __typename: "Error", message: "" });
}

/** A create or update: the record's fields on success, else the typed error's. */
function mutationRequest(
  verb: "Create" | "Update",
  spec: ResourceSpec,
  mutation: MutationSpec & { errors?: string },
  input: unknown,
): BuildQueryResult {
  return {
    query: gql`mutation ${verb}${spec.typeName}($input: ${mutation.inputType}!) {
      result: ${mutation.field}(input: $input) {
        __typename
        ... on ${mutation.success} { ${mutation.dataField} { ${spec.recordFields ?? spec.fields} } }
        ${errorSelection}
        ${mutation.errors ?? ""}
      }
    }`,
    variables: { input },
    parseResponse: (response: Response) => mutationResult(mutation, response),
  };
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
            ...spec.listVariables?.({ ...params, filter }),
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
        return mutationRequest("Create", spec, create, create.input(params.data ?? {}));
      }
      case "UPDATE": {
        const update = spec.update ?? unknownResource(`${resource}.update`);
        const data = params.data ?? {};
        const input = update.input(String(params.id), data, params.previousData);
        return mutationRequest("Update", spec, update, input);
      }
      default:
        // No resource of ours can be deleted through the API yet: refuse rather than guess.
        throw new Error(`${fetchType} is not supported for ${resource}`);
    }
  };
}
