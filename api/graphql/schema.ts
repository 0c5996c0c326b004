// Imports every module (each registers its types and root fields) and builds the schema.
import "./errors.js";
import "../modules/members/queries.js";
import "../modules/members/mutations.js";
import "../modules/members/subscriptions.js";
import "../modules/users/queries.js";
import "../modules/users/mutations.js";
import "../modules/audit/queries.js";
import "../modules/dashboard/queries.js";
import "../modules/members/case-file.js";
import "../modules/requests/queries.js";
import "../modules/requests/mutations.js";
import "../modules/requests/subscriptions.js";
import "../modules/requests/request-types.js";
import "../modules/requests/attestation/queries.js";
import "../modules/requests/attestation/mutations.js";
import "../modules/requests/documents/mutations.js";
import "../modules/requests/research/mutations.js";
import "../modules/communications/types.js";
import "../modules/communications/mutations.js";
import { type GraphQLSchema, isObjectType, lexicographicSortSchema } from "graphql";
import { builder } from "./builder.js";

/** The Prisma plugin adds connections' `totalCount` without a way to describe it. */
function describeTotalCounts(built: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(built.getTypeMap())) {
    const field =
      isObjectType(type) && type.name.endsWith("Connection")
        ? type.getFields().totalCount
        : undefined;
    if (field && !field.description)
      field.description = "How many records match, across all pages.";
  }
  return built;
}

export const schema = describeTotalCounts(lexicographicSortSchema(builder.toSchema()));
