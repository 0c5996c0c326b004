import type { ObjectRef } from "@pothos/core";
import { type FieldError, ValidationError } from "../errors.js";
import { builder, type SchemaBuilderTypes } from "./builder.js";

type Types = PothosSchemaTypes.ExtendDefaultTypes<SchemaBuilderTypes>;

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

/**
 * One connection type for every list of a node type (all requests and a member's, say), so
 * that one fragment reads any of them. A root `prismaConnection` hands its total over as a
 * function (counted only when asked for), a `relatedConnection` as the number loaded with the
 * page: `totalCount` reads either. Pass the ref as the connection options of each list, with
 * `totalCount` set there.
 */
export function sharedConnection<Node>(spec: {
  type: ObjectRef<Types, Node>;
  name: string;
  description: string;
  edge: ObjectRef<Types, { cursor: string; node?: Node }>;
}) {
  return builder.connectionObject(
    {
      type: spec.type,
      name: spec.name,
      description: spec.description,
      fields: (t) => ({
        totalCount: t.int({
          description: "How many records match, across all pages.",
          // Read by the root connections to answer a count-only selection without the page.
          extensions: { pothosPrismaTotalCount: true },
          resolve: (connection) => {
            // The connection's shape as the prisma plugin builds it (its types omit the total).
            const { totalCount } = connection as unknown as {
              totalCount: number | (() => number | Promise<number>);
            };
            return typeof totalCount === "function" ? totalCount() : totalCount;
          },
        }),
      }),
    },
    spec.edge,
  );
}
