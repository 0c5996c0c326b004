import { type FieldError, ValidationError } from "../errors.js";

export const maxPageSize = 100;

/**
 * Lists are paged: a caller says how many (first or last), 1 to 100. Every connection field
 * checks it before its resolver runs (input-checks.ts), whatever the module wrote.
 */
export function requirePageSize(args: { first?: number | null; last?: number | null }): void {
  const problems: FieldError[] = [];
  if (args.first == null && args.last == null) {
    problems.push({
      path: ["first"],
      messageKey: "errors.pageSizeRequired",
      params: { field: "first", max: maxPageSize },
    });
  }
  for (const field of ["first", "last"] as const) {
    const size = args[field];
    if (size == null) continue;
    if (size < 1 || size > maxPageSize) {
      problems.push({
        path: [field],
        messageKey: size < 1 ? "errors.pageSizeTooSmall" : "errors.pageSizeTooLarge",
        params: { field, max: maxPageSize },
      });
    }
  }
  if (problems.length) throw new ValidationError(problems);
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
