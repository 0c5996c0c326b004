// Two reads of every row, answered from the row without the per-field machinery around them.
// A members page (50 members, 59 requests, 750 fields) ran that machinery on every field.
//
// A field that reads only columns of its row (`t.exposeString("city")`, or `select:
// { status: true, decisionDueAt: true }` with a resolver) on a Prisma type in select mode:
// plugin-prisma wraps each such field to look up which query loaded the row (a path string
// and a map lookup per field and row, and a record per field beneath it) so that it can load
// the row again when a column is missing. A column is missing only when the row came from
// somewhere that did not select it; when the row holds them all, the field's own resolver
// runs on the row, as it would after the lookup. Relations keep plugin-prisma's wrapper.
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
import { defaultFieldResolver, type GraphQLFieldResolver } from "graphql";
import { getDatamodel } from "../db/generated/pothos-types.js";

type Resolver = GraphQLFieldResolver<unknown, unknown>;

// Indexed by the model a type names, which may be none.
const models: Partial<ReturnType<typeof getDatamodel>["datamodel"]["models"]> =
  getDatamodel().datamodel.models;

export class DirectReadsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  /** The columns a field of a select-mode Prisma type reads, if it reads nothing else. */
  private columnsOnly(fieldConfig: PothosOutputFieldConfig<Types>): string[] | undefined {
    if (fieldConfig.kind !== "PrismaObject") return undefined;
    const select = (fieldConfig.extensions as { pothosPrismaSelect?: unknown } | undefined)
      ?.pothosPrismaSelect;
    // A function selects by arguments or nests a relation's selection: plugin-prisma's own.
    if (!select || typeof select !== "object") return undefined;
    const type = this.buildCache.getTypeConfig(fieldConfig.parentType);
    const model = (type.extensions as { pothosPrismaModel?: string } | undefined)
      ?.pothosPrismaModel;
    const fields = model ? models[model as keyof typeof models]?.fields : undefined;
    if (!fields) return undefined;
    const columns = Object.keys(select);
    const isColumn = (name: string) =>
      (select as Record<string, unknown>)[name] === true &&
      fields.some((field) => field.name === name && field.kind !== "object");
    return columns.length > 0 && columns.every(isColumn) ? columns : undefined;
  }

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
    const columns = this.columnsOnly(fieldConfig);
    if (columns) {
      const loading = resolver as Resolver;
      const own = (fieldConfig.resolve ?? defaultFieldResolver) as Resolver;
      // Prisma answers null, never undefined, for a selected empty column.
      const read: Resolver = (parent, args, context, info) => {
        const row = parent as Record<string, unknown>;
        for (const column of columns) {
          if (row[column] === undefined) return loading(parent, args, context, info);
        }
        return own(parent, args, context, info);
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
