// The data provider's GraphQL documents, checked against the API's own schema.
import { type DocumentNode, parse, validate } from "graphql";
import { expect } from "vitest";
import { schema } from "../../api/graphql/schema.js";

/** Expects a document (or its text) to be valid against the schema; names every error. */
export const valid = (document: DocumentNode | string) =>
  expect(
    validate(schema, typeof document === "string" ? parse(document) : document).map(
      (e) => e.message,
    ),
  ).toEqual([]);
