import { ValidationError } from "../errors.js";

export const maxPageSize = 100;

/** Lists are paged: a caller says how many (first or last), at most 100. */
export function requirePageSize(args: { first?: number | null; last?: number | null }): void {
  const size = args.first ?? args.last;
  const field = args.first != null ? "first" : "last";
  if (size == null) {
    throw new ValidationError([
      { path: ["first"], messageKey: "errors.pageSizeRequired", params: { max: maxPageSize } },
    ]);
  }
  if (size < 0 || size > maxPageSize) {
    throw new ValidationError([
      { path: [field], messageKey: "errors.pageSizeTooLarge", params: { max: maxPageSize } },
    ]);
  }
}

/**
 * A related connection's `query`: the page size checked, then the connection's fixed
 * `query` (its order).
 */
export function pagedQuery<Query>(query: Query) {
  return (args: { first?: number | null; last?: number | null }): Query => {
    requirePageSize(args);
    return query;
  };
}
