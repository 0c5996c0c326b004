// Imports every module (each registers its types and root fields) and builds the schema.
import "./errors.js";
import "../modules/members/queries.js";
import "../modules/members/mutations.js";
import "../modules/members/subscriptions.js";
import "../modules/users/queries.js";
import "../modules/users/mutations.js";
import "../modules/audit/queries.js";
import { lexicographicSortSchema } from "graphql";
import { builder } from "./builder.js";

export const schema = lexicographicSortSchema(builder.toSchema());
