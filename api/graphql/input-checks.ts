// Input that no field of ours can hold, refused once for every argument of every field before
// any resolver (or the relay plugin's ID decoding) sees it: a string with a NUL byte or a lone
// surrogate (PostgreSQL cannot store the first; the second is not text), and a global ID that
// is not ours or not of the type the field takes. Each becomes a ValidationError naming the
// field, a typed result where the mutation lists ValidationError, a VALIDATION_FAILED error
// elsewhere; never "Unexpected error.".
// Pothos maps arguments (the relay plugin decodes IDs there) before any plugin's resolver
// wrapper, scope-auth's included. So the check runs as the first argument mapper but only
// records what it found (and blanks those values, so that relay has nothing to choke on);
// the error is thrown inside the authorization wrapper: a caller who may not call a field
// is refused as such, and learns nothing about its input.
import SchemaBuilder, {
  BasePlugin,
  type InputFieldsMapping,
  mapInputFields,
  type PartialResolveInfo,
  type PothosInputFieldConfig,
  type PothosOutputFieldConfig,
  type SchemaTypes,
  unwrapInputFieldType,
} from "@pothos/core";
import { decodeGlobalID } from "@pothos/plugin-relay";
import { isObjectType } from "graphql";
import * as databaseEnums from "../db/generated/enums.js";
import { getDatamodel } from "../db/generated/pothos-types.js";
import { type FieldError, ValidationError } from "../errors.js";
import { requirePageSize } from "./pagination.js";

type Check =
  | { kind: "text" }
  /** `for`: the Node types the field takes; null: any of our Node types (node(id:)). */
  | { kind: "globalId"; for: string[] | null };

type Mappings<Types extends SchemaTypes> = InputFieldsMapping<Types, Check>;

/** Half of a surrogate pair without its other half. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (text: string) => text.includes("\0") || loneSurrogate.test(text);

function problem(path: string[], messageKey: FieldError["messageKey"], params = {}): FieldError {
  // The field named in the message: the innermost name, not a list index.
  const field = [...path].reverse().find((segment) => !/^\d+$/.test(segment)) ?? "";
  return { path, messageKey, params: { field, ...params } };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a record of this Node type can have this database ID, from its Prisma model: every
 * String ID of ours is a UUID (schema.prisma: `@default(uuid(7)) @db.Uuid`), an enum ID one
 * of the enum's values (a request type's code). Anything else would reach the database and
 * fail there, as an unexpected error.
 */
function idFits(typename: string, id: string): boolean {
  const idField = datamodel[typename]?.fields.find((field) => field.isId);
  if (!idField) return true;
  if (idField.kind === "enum") {
    const values = (databaseEnums as Record<string, Record<string, string> | undefined>)[
      idField.type
    ];
    return !values || Object.values(values).includes(id);
  }
  return idField.type !== "String" || uuid.test(id);
}

// Indexed by a GraphQL type name, which may name no model.
const datamodel: Partial<ReturnType<typeof getDatamodel>["datamodel"]["models"]> =
  getDatamodel().datamodel.models;

function checkGlobalId(
  value: string,
  allowed: string[] | null,
  path: string[],
  info: PartialResolveInfo,
): FieldError | undefined {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(value);
  } catch {
    return problem(path, "validation.badGlobalId");
  }
  const { typename, id } = decoded;
  if (allowed && !allowed.includes(typename))
    return problem(path, "validation.wrongIdType", { expected: allowed.join(", ") });
  if (!allowed) {
    const type = info.schema.getType(typename);
    const isNode = isObjectType(type) && type.getInterfaces().some((i) => i.name === "Node");
    if (!isNode) return problem(path, "validation.badGlobalId");
  }
  return idFits(typename, id) ? undefined : problem(path, "validation.badGlobalId");
}

function checkValue(
  check: Check,
  value: unknown,
  path: string[],
  info: PartialResolveInfo,
): FieldError | undefined {
  if (typeof value !== "string") return undefined;
  if (unstorable(value)) return problem(path, "validation.invalidText");
  if (check.kind === "globalId") return checkGlobalId(value, check.for, path, info);
  return undefined;
}

type Mapping<Types extends SchemaTypes> = Mappings<Types> extends Map<string, infer M> ? M : never;

/** The problems in one argument's value at `at`, `depth` list levels above its input type. */
function visit<Types extends SchemaTypes>(
  mapping: Mapping<Types>,
  value: unknown,
  at: string[],
  depth: number,
  info: PartialResolveInfo,
  problems: FieldError[],
): void {
  if (value === null || value === undefined) return;
  if (depth > 0) {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries())
        visit(mapping, item, [...at, String(i)], depth - 1, info, problems);
    }
    return;
  }
  if (mapping.kind === "InputObject") {
    if (mapping.fields.map && typeof value === "object") {
      collect(value as Record<string, unknown>, mapping.fields.map, at, info, problems);
    }
    return;
  }
  const found = checkValue(mapping.value, value, at, info);
  if (found) problems.push(found);
}

/**
 * Every problem in `args`, walking input objects and lists along the field's input types.
 * Runs for every row's connection field (its `after`/`before`): an argument left out costs
 * no path and no closure.
 */
function collect<Types extends SchemaTypes>(
  args: Record<string, unknown>,
  mappings: Mappings<Types>,
  path: string[],
  info: PartialResolveInfo,
  problems: FieldError[],
) {
  for (const [name, mapping] of mappings) {
    const value = args[name];
    if (value !== null && value !== undefined)
      visit(mapping, value, [...path, name], mapping.listDepth, info, problems);
  }
}

/** Where the argument mapper leaves its findings for the resolver wrapper (spreads keep it). */
const found = Symbol("inputProblems");
/** The mark of a field whose arguments are checked. */
const checked = "waslInputChecks";

/** `value` with the leaf at `path` set to null, copying only the objects on the way. */
function blank(value: unknown, path: string[]): unknown {
  if (path.length === 0) return null;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(head)] = blank(copy[Number(head)], rest);
    return copy;
  }
  const record = value as Record<string | symbol, unknown>;
  return { ...record, [head]: blank(record[head], rest) };
}

type Resolver = (
  parent: unknown,
  args: Record<string | symbol, unknown>,
  ...rest: never[]
) => unknown;

/** A resolve or subscribe function that first throws what the argument check found. */
function refusingFound<R extends Resolver | undefined>(resolver: R): R {
  if (!resolver) return resolver;
  const wrapped: Resolver = (parent, args, ...rest) => {
    const problems = args[found] as FieldError[] | undefined;
    if (problems) throw new ValidationError(problems);
    return resolver(parent, args, ...rest);
  };
  return wrapped as R;
}

/** A Relay connection field: it takes `first` and `last` (the relay plugin's arguments). */
function isConnection<Types extends SchemaTypes>(field: PothosOutputFieldConfig<Types>): boolean {
  return "first" in field.args && "last" in field.args;
}

function pageSizeChecked(resolver: Resolver): Resolver {
  return (parent, args, ...rest) => {
    requirePageSize(args as { first?: number | null; last?: number | null });
    return resolver(parent, args, ...rest);
  };
}

export class InputChecksPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  private readonly cache = new Map();

  /** What to check in one input field: its strings and IDs; nothing in numbers or enums. */
  private checkOf(field: PothosInputFieldConfig<Types>): Check | null {
    const extensions = field.extensions as
      | { isRelayGlobalID?: boolean; relayGlobalIDFor?: { typename: string }[] | null }
      | undefined;
    if (extensions?.isRelayGlobalID) {
      return { kind: "globalId", for: extensions.relayGlobalIDFor?.map((t) => t.typename) ?? null };
    }
    const type = this.buildCache.getTypeConfig(unwrapInputFieldType(field.type));
    return type.kind === "Scalar" && (type.name === "String" || type.name === "ID")
      ? { kind: "text" }
      : null;
  }

  override onOutputFieldConfig(
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): PothosOutputFieldConfig<Types> {
    const mappings = mapInputFields(
      fieldConfig.args,
      this.buildCache,
      (field) => this.checkOf(field),
      this.cache,
    );
    if (!mappings) return fieldConfig;
    const checkArgs = (
      args: Record<string, unknown>,
      _context: unknown,
      info: PartialResolveInfo,
    ) => {
      const problems: FieldError[] = [];
      collect(args, mappings, [], info, problems);
      if (!problems.length) return args;
      const blanked = problems.reduce<unknown>((value, p) => blank(value, p.path), args);
      return { ...(blanked as Record<string, unknown>), [found]: problems };
    };
    // First: before the relay plugin decodes the IDs this has checked.
    return {
      ...fieldConfig,
      extensions: { ...fieldConfig.extensions, [checked]: true },
      argMappers: [checkArgs, ...fieldConfig.argMappers],
    };
  }

  // Only fields with strings or IDs among their arguments: the others keep graphql's default
  // resolver, which costs nothing. A connection (its `first` and `last` arguments) checks its
  // page size here too, so no module can forget to.
  override wrapResolve<R>(resolver: R, fieldConfig: PothosOutputFieldConfig<Types>): R {
    const paged = isConnection(fieldConfig) ? pageSizeChecked(resolver as Resolver) : resolver;
    if (!fieldConfig.extensions?.[checked]) return paged as R;
    return refusingFound(paged as Resolver) as R;
  }

  override wrapSubscribe<R>(subscribe: R, fieldConfig: PothosOutputFieldConfig<Types>): R {
    if (!fieldConfig.extensions?.[checked]) return subscribe;
    return refusingFound(subscribe as Resolver | undefined) as R;
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      inputChecks: InputChecksPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin("inputChecks", InputChecksPlugin);

export const inputChecksPlugin = "inputChecks" as const;
