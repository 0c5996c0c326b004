// Two reads of every row, answered from the row without the per-field machinery around them.
// A members page (50 members, 59 requests, 750 fields) ran that machinery on every field.
//
// A column a Prisma type exposes (`t.exposeString("city")` on a type in select mode):
// plugin-prisma wraps each such field to look up which query loaded the row (a path string and
// a map lookup per field and row, and a record per field beneath it) so that it can load the
// row again when the column is missing. It is missing only when the row came from somewhere
// that did not select it; when the row holds it, the lookup ends in reading the same value.
//
// A node's global ID: the relay plugin resolves every `id` through an async function, so
// every row of a page held a promise, and each object with a promise among its fields is
// awaited field by field (the executor's promiseForObject). The ID is the row's key, encoded:
// synchronous whenever the key is.
import SchemaBuilder, {
  BasePlugin,
  completeValue,
  type PothosOutputFieldConfig,
  type SchemaTypes,
} from "@pothos/core";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { GraphQLFieldResolver } from "graphql";

type Resolver = GraphQLFieldResolver<unknown, unknown>;

/** The column an exposed field of a select-mode Prisma type reads, if it is one. */
function exposedColumn<Types extends SchemaTypes>(
  field: PothosOutputFieldConfig<Types>,
): string | undefined {
  if (field.kind !== "PrismaObject") return undefined;
  const extensions = field.extensions as
    | { pothosExposedField?: string; pothosPrismaSelect?: Record<string, unknown> | false }
    | undefined;
  const column = extensions?.pothosExposedField;
  const select = extensions?.pothosPrismaSelect;
  // plugin-prisma's expose selects exactly the exposed column: nothing else to load.
  return column && select && Object.keys(select).length === 1 && select[column] === true
    ? column
    : undefined;
}

export class DirectReadsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  /**
   * The key of a node type's rows, as the relay plugin reads it (`id.resolve` of the type's
   * node options: plugin-prisma's serializer of the row's ID column), if this is its `id`.
   */
  private nodeKey(fieldConfig: PothosOutputFieldConfig<Types>): Resolver | undefined {
    if (fieldConfig.name !== "id" || fieldConfig.graphqlKind !== "Object") return undefined;
    const type = this.buildCache.getTypeConfig(fieldConfig.parentType);
    if (type.kind !== "Object" || !type.interfaces.some((i) => i.name === "Node")) return undefined;
    const node = type.pothosOptions as { id?: { resolve?: Resolver } };
    return node.id?.resolve;
  }

  // Listed before plugin-prisma and the relay plugin, so this wraps what they made of a field.
  override wrapResolve<R>(resolver: R, fieldConfig: PothosOutputFieldConfig<Types>): R {
    const column = exposedColumn(fieldConfig);
    if (column) {
      const loading = resolver as Resolver;
      // Prisma answers null, never undefined, for a selected empty column.
      const read: Resolver = (parent, args, context, info) => {
        const value = (parent as Record<string, unknown>)[column];
        return value === undefined ? loading(parent, args, context, info) : value;
      };
      return read as R;
    }
    const key = this.nodeKey(fieldConfig);
    // Only an `id` no plugin inside this one wrapped: its resolver is the relay plugin's own.
    if (key && resolver === fieldConfig.resolve) {
      const typename = fieldConfig.parentType;
      const encode = (id: unknown) => encodeGlobalID(typename, String(id));
      const globalId: Resolver = (parent, args, context, info) =>
        completeValue(key(parent, args, context, info), encode);
      return globalId as R;
    }
    return resolver;
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      directReads: DirectReadsPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin("directReads", DirectReadsPlugin);

export const directReadsPlugin = "directReads" as const;
