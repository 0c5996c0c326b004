// The static cost of a partner's operation, computed from the document before it runs
// (GitHub's GraphQL API is the model). The rule, as docs/partners.md states it:
// - a scalar or enum field costs 0; an object field costs 1;
// - a connection (a `…Connection` field taking `first`/`last`) costs 1 for the page, and what
//   is selected inside it counts once per potential item: `first: 10` multiplies everything
//   under `edges { node { … } }` by 10, and a nested connection multiplies again;
// - `edges`, `pageInfo` and `totalCount` are the page itself (0); an unpaged list of objects
//   counts once (the API bounds those lists itself);
// - every root field of a mutation costs 10 more (a write, not a read);
// - an operation costs at least 1.
// Fragments count under each place they are spread; every member of an abstract type's
// inline fragments counts (an upper bound, as is ignoring @skip/@include).
// The node limit counts potential nodes as GitHub does: each connection's page size times the
// page sizes of the connections around it, summed over the connections.
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { maxPageSize } from "../../graphql/pagination.js";

export const mutationFieldCost = 10;

export type CostRefusal =
  /** A connection without `first`/`last`, or with a page size outside 1–100. */
  | { code: "PAGE_SIZE_REQUIRED"; field: string }
  /** More potential nodes than the limit. */
  | { code: "TOO_MANY_NODES"; nodes: number };

export type CostAnalysis = { cost: number; nodes: number } | { refusal: CostRefusal };

type Walk = {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  defaults: Map<string, ValueNode>;
  cost: number;
  nodes: number;
  refusal: CostRefusal | undefined;
};

const pageFields = new Set(["edges", "pageInfo", "totalCount"]);

function isConnection(field: GraphQLField<unknown, unknown>, type: GraphQLNamedType): boolean {
  return (
    isObjectType(type) &&
    type.name.endsWith("Connection") &&
    field.args.some((arg) => arg.name === "first" || arg.name === "last")
  );
}

/** The page size asked of a connection: `first` or `last`, literal or variable. */
function pageSize(walk: Walk, node: FieldNode): number | undefined {
  let size: number | undefined;
  for (const argument of node.arguments ?? []) {
    if (argument.name.value !== "first" && argument.name.value !== "last") continue;
    const value = argumentValue(walk, argument.value);
    if (typeof value === "number") size = Math.max(size ?? 0, value);
  }
  return size;
}

function argumentValue(walk: Walk, value: ValueNode | undefined): unknown {
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const name = value.name.value;
    return name in walk.variables
      ? walk.variables[name]
      : argumentValue(walk, walk.defaults.get(name));
  }
  return undefined;
}

function walkSelections(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType,
  multiplier: number,
  inConnection: boolean,
): void {
  for (const selection of selectionSet.selections) {
    if (walk.refusal) return;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition
        ? walk.schema.getType(selection.typeCondition.name.value)
        : parent;
      if (type) walkSelections(walk, selection.selectionSet, type, multiplier, inConnection);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments.get(selection.name.value);
      const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      if (fragment && type)
        walkSelections(walk, fragment.selectionSet, type, multiplier, inConnection);
      continue;
    }
    if (!(isObjectType(parent) || isInterfaceType(parent))) continue;
    // Meta fields (__typename, introspection) are not the type's fields and cost nothing.
    const field = parent.getFields()[selection.name.value];
    if (!field || !selection.selectionSet) continue;
    const type = getNamedType(field.type);
    if (isLeafType(type)) continue;
    if (isConnection(field, type)) {
      const size = pageSize(walk, selection);
      if (size === undefined || size < 1 || size > maxPageSize) {
        walk.refusal = { code: "PAGE_SIZE_REQUIRED", field: selection.name.value };
        return;
      }
      walk.cost += multiplier;
      walk.nodes += multiplier * size;
      walkSelections(walk, selection.selectionSet, type, multiplier * size, true);
      continue;
    }
    // The page's own parts: its items are counted by the multiplier, the rest is the page.
    if (!(inConnection && pageFields.has(field.name))) walk.cost += multiplier;
    walkSelections(walk, selection.selectionSet, type, multiplier, false);
  }
}

/**
 * The cost and potential nodes of the operation that will run, or why it is refused (a
 * connection without a page size, too many nodes). `variables` as the request sent them.
 */
export function analyseCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  maxNodes: number,
): CostAnalysis {
  const walk: Walk = {
    schema,
    fragments: new Map(),
    variables: variables ?? {},
    defaults: new Map(),
    cost: 0,
    nodes: 0,
    refusal: undefined,
  };
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      walk.fragments.set(definition.name.value, definition);
  for (const variable of operation.variableDefinitions ?? [])
    if (variable.defaultValue)
      walk.defaults.set(variable.variable.name.value, variable.defaultValue);
  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 1, nodes: 0 };
  if (operation.operation === "mutation")
    walk.cost +=
      mutationFieldCost *
      operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD).length;
  walkSelections(walk, operation.selectionSet, root, 1, false);
  if (walk.refusal) return { refusal: walk.refusal };
  if (walk.nodes > maxNodes) return { refusal: { code: "TOO_MANY_NODES", nodes: walk.nodes } };
  return { cost: Math.max(1, walk.cost), nodes: walk.nodes };
}
