// What a resource of the panel declares to the generic buildQuery (`buildQuery.ts`): the
// API's names for its list, record and mutations, and the pure functions turning
// react-admin's params and form data into the API's variables and inputs. Each resource's
// declaration lives in `resources/<resource>.ts`; the helpers they share are here, and the
// values' own in `values.ts`.

export type RaRecord = { id: string } & Record<string, unknown>;
export type Sort = { field: string; order: "ASC" | "DESC" | string };
export type ListParams = {
  pagination?: { page: number; perPage: number };
  sort?: Sort;
  filter?: Record<string, unknown>;
  meta?: { after?: string | null; cursorOnly?: boolean; take?: number };
  target?: string;
  id?: string;
};

/** The API's names for a mutation of the resource and the field of its success holding the record. */
export type MutationSpec = {
  field: string;
  inputType: string;
  success: string;
  dataField: string;
};

export type ResourceSpec = {
  typeName: string;
  listField: string;
  /**
   * "connection" (the default): paged by cursor, with totalCount. "plain": a short list the
   * API returns whole (`[RequestType!]!`); it is paged here and keeps the API's order.
   */
  listShape?: "connection" | "plain";
  /**
   * "exact" (the default): the list reads `totalCount`. "capped": it reads `cappedCount`, exact
   * up to the API's cap (1,000) and cheaper for a common search; past the cap react-admin's
   * total is unknown (it pages by `pageInfo`) and the page's `meta.moreThan` holds the cap.
   */
  count?: "exact" | "capped";
  /** The list field's arguments besides the page's (`$filter: MemberFilter, …`); none by default. */
  listArgs?: string;
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
  /** Their values for react-admin's params; none by default. */
  listVariables?(params: ListParams): Record<string, unknown>;
  /**
   * The query reading one record as `data`, for resources with a root field of their own;
   * by default `node(id:)` with the record's fields.
   */
  getOne?: string;
  create?: MutationSpec & {
    /** Selections of the result's other error types (e.g. IncompleteRequestError's gaps). */
    errors?: string;
    input(data: Record<string, unknown>): unknown;
  };
  update?: MutationSpec & {
    input(id: string, data: Record<string, unknown>, previous?: Record<string, unknown>): unknown;
  };
};

/** The API's order for a list: react-admin's sort field named in `fields`, else the API's default. */
export function orderBy(fields: Record<string, string>) {
  return (sort: Sort | undefined) => {
    const field = sort ? fields[sort.field] : undefined;
    return field ? { field, direction: sort?.order === "ASC" ? "ASC" : "DESC" } : undefined;
  };
}

/**
 * A mutation named the API's way: `createMember` takes `CreateMemberInput` and answers
 * `CreateMemberSuccess { member }` or one of its typed errors.
 */
export function mutation<Input extends (...args: never[]) => unknown>(
  field: string,
  dataField: string,
  input: Input,
) {
  const type = field[0]?.toUpperCase() + field.slice(1);
  return { field, inputType: `${type}Input`, success: `${type}Success`, dataField, input };
}

const asIs = (_field: string, value: unknown) => value;

/**
 * An update's input: what names the record, the version read, and only the fields whose value
 * changed from the record read (compared after `normalise`, sent as `send` makes them), so
 * what another user changed meanwhile in other fields is not undone.
 */
export function updateInput(
  key: Record<string, unknown>,
  fields: readonly string[],
  data: Record<string, unknown>,
  previous: Record<string, unknown>,
  normalise: (field: string, value: unknown) => unknown = asIs,
  send: (field: string, value: unknown) => unknown = normalise,
): Record<string, unknown> {
  const input: Record<string, unknown> = { ...key, version: data.version ?? previous.version };
  for (const field of fields) {
    const was = JSON.stringify(normalise(field, previous[field]));
    if (JSON.stringify(normalise(field, data[field])) !== was)
      input[field] = send(field, data[field]);
  }
  return input;
}

/**
 * A list the API filters and orders (`members(filter: MemberFilter, orderBy: MemberOrder)`):
 * react-admin's filters and sort through the resource's own mapping.
 */
export function filteredList(
  typeName: string,
  filter: (values?: Record<string, unknown>) => unknown,
  order: (sort: Sort | undefined) => unknown,
): Pick<ResourceSpec, "listArgs" | "listVariables"> {
  return {
    listArgs: `$filter: ${typeName}Filter, $orderBy: ${typeName}Order`,
    listVariables: (params) => ({ filter: filter(params.filter), orderBy: order(params.sort) }),
  };
}
