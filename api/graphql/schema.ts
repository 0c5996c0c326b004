// Composition root of the schema: core's types, then the module list (one line per module;
// each module registers its types, fields, messages, errors, events and routes from its own
// folder), then the schema is built.
import "./errors.js";
import "../modules/members/module.js";
import "../modules/users/module.js";
import "../modules/audit/module.js";
import "../modules/dashboard/module.js";
import "../modules/requests/module.js";
import "../modules/communications/module.js";
import "../modules/committee/module.js";
import "../modules/surveys/module.js";
import "../modules/knowledge/module.js";
import "../modules/notifications/module.js";
import "../modules/partners/module.js";
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
