// What a resource of the panel declares to the generic buildQuery (`buildQuery.ts`): the
// API's names for its list, record and mutations, and the pure functions turning
// react-admin's params and form data into the API's variables and inputs. Each resource's
// declaration lives in `resources/<resource>.ts`; the helpers they share are here.

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

type MutationSpec = {
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
  create?: MutationSpec & {
    /** Selections of the result's other error types (e.g. IncompleteRequestError's gaps). */
    errors?: string;
    input(data: Record<string, unknown>): unknown;
  };
  update?: MutationSpec & {
    input(id: string, data: Record<string, unknown>, previous?: Record<string, unknown>): unknown;
  };
};

export const blank = (value: unknown) => value === undefined || value === null || value === "";

/** Drops empty filter values: react-admin sends "" for cleared inputs. */
export function compact(values: Record<string, unknown>): Record<string, unknown> | undefined {
  const kept = Object.entries(values).filter(([, v]) => !blank(v));
  return kept.length ? Object.fromEntries(kept) : undefined;
}

/** The API's order for a list: react-admin's sort field named in `fields`, else the API's default. */
export function orderBy(fields: Record<string, string>) {
  return (sort: Sort | undefined) => {
    const field = sort ? fields[sort.field] : undefined;
    return field ? { field, direction: sort?.order === "ASC" ? "ASC" : "DESC" } : undefined;
  };
}

/** A trimmed string as typed, anything else as given. */
export const trimmed = (value: unknown) => (typeof value === "string" ? value.trim() : value);

/**
 * The fields whose value changed from the record read (compared after `normalise`): an update
 * sends only those, so what another user changed meanwhile in other fields is not undone.
 */
export function changedFields(
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

/** An update's input: the ID (or whatever names the record) and the version read. */
export function versioned(
  key: Record<string, unknown>,
  data: Record<string, unknown>,
  previous: Record<string, unknown>,
): Record<string, unknown> {
  return { ...key, version: data.version ?? previous.version };
}
