// Configuration only: plugins, scalars' TypeScript types, scope resolution, error handling.
// Types and fields live in their domain modules (api/modules/*).
import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import type { Context } from "../auth/context.js";
import { type AuthScopes, authScopes, nodeLookupAllowed } from "../auth/policy.js";
import type { Prisma } from "../db/generated/client.js";
import type PrismaTypes from "../db/generated/pothos-types.js";
import { getDatamodel } from "../db/generated/pothos-types.js";
import { refusal, UnauthenticatedError } from "../errors.js";
import { directReadsPlugin } from "./direct-reads.js";
import { inputChecksPlugin } from "./input-checks.js";
import { addScalars } from "./scalars.js";

export type SchemaBuilderTypes = {
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    Decimal: { Input: string; Output: Prisma.Decimal | string };
    /** A file in a GraphQL multipart request; yoga hands resolvers a WHATWG File. */
    Upload: { Input: File; Output: never };
    /** Free-shaped JSON, output only (audit changes, type-specific request details). */
    JSON: { Input: never; Output: unknown };
  };
};

export const builder = new SchemaBuilder<SchemaBuilderTypes>({
  // Errors before scope-auth (STYLE.md lists them the other way round): the errors plugin
  // must wrap the scope check for a refused mutation to return its typed ForbiddenError.
  // inputChecks refuses unstorable strings and foreign IDs for every field (input-checks.ts),
  // after scope-auth's check and inside the errors plugin's typed results. directReads answers
  // exposed columns and node IDs from the row, around what plugin-prisma and relay make of them
  // (direct-reads.ts).
  plugins: [
    ErrorsPlugin,
    ScopeAuthPlugin,
    inputChecksPlugin,
    directReadsPlugin,
    PrismaPlugin,
    RelayPlugin,
  ],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    // A type's scopes (its entity's visibility policy) checked once per object, when the
    // executor asks the type whether the value is one of its own (isTypeOf), not again in
    // front of each of its fields: a members page evaluated them 536 times for 110 rows. A
    // refused object is still null with one FORBIDDEN error; no field declares skipTypeScopes,
    // which this mode does not support.
    runScopesOnType: true,
    // Refusals become our typed errors, UnauthenticatedError (not signed in) or ForbiddenError
    // (signed in, not allowed): a result on mutations that list them, a translated GraphQL
    // error (code UNAUTHENTICATED / FORBIDDEN) elsewhere.
    unauthorizedError: (_parent, context) => refusal(context.signedIn()),
    authScopes,
  },
  // Every field with typed errors may answer "not signed in": its own type, apart from
  // ForbiddenError (signed in, not allowed), so that a client knows to sign in again.
  errors: { defaultTypes: [UnauthenticatedError] },
  prisma: {
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    // Partners look up only what their scopes reach; anything else is null (not found).
    nodeQueryOptions: {
      description:
        "Any record by its global ID, if you may read it. Partners: only the requests they reach (REQUESTS_READ); null for any other ID.",
      authScopes: { signedIn: true, partner: "REQUESTS_READ" },
      args: { id: { description: "A global ID, as returned in `id` fields." } },
      resolve: async (_root, { id }, context, _info, resolveNode) =>
        (await nodeLookupAllowed(context, id)) ? resolveNode(id) : null,
    },
    nodesQueryOptions: {
      description: "Several records by their global IDs, if you may read them (staff only).",
      authScopes: { signedIn: true },
      args: { ids: { description: "Global IDs, as returned in `id` fields." } },
    },
    pageInfoTypeOptions: {
      description: "Where a page sits in its list (Relay cursor pagination).",
    },
    firstArgOptions: {
      description:
        "How many records from the start (after `after`), 1 to 100. Every connection requires `first` or `last`: without one, or out of range, the field answers VALIDATION_FAILED naming the argument.",
    },
    lastArgOptions: {
      description:
        "How many records from the end (before `before`), 1 to 100; `first` or `last` is required.",
    },
    afterArgOptions: { description: "A cursor: records after it." },
    beforeArgOptions: { description: "A cursor: records before it." },
    edgesFieldOptions: { description: "The records of this page, each with its cursor." },
    pageInfoFieldOptions: { description: "Whether there are more pages, and their cursors." },
    cursorFieldOptions: { description: "Opaque position of this record in the list." },
    nodeFieldOptions: { description: "The record." },
    hasNextPageFieldOptions: { description: "Whether records follow this page." },
    hasPreviousPageFieldOptions: { description: "Whether records precede this page." },
    startCursorFieldOptions: { description: "Cursor of the first record of the page." },
    endCursorFieldOptions: { description: "Cursor of the last record of the page." },
    idFieldOptions: { description: "Global ID." },
    nodesFieldOptions: { description: "The records." },
    nodeTypeOptions: { description: "A record with a global ID, readable through `node(id:)`." },
  },
});

export type SchemaBuilderType = typeof builder;

addScalars(builder);
builder.queryType({ description: "Reads: every field declares who may call it." });
builder.mutationType({
  description: "Changes: every field validates its input and returns typed errors.",
});
builder.subscriptionType({
  description: "Live updates over graphql-ws, filtered by the subscriber's permissions.",
});
