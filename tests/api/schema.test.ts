// The schema is a contract partners read: printed and committed, described throughout,
// and secure by default (every root field says who may call it).
import { readFileSync } from "node:fs";
import {
  type GraphQLField,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { printedSchema, schemaFile } from "../../api/graphql/print.js";
import { schema } from "../../api/graphql/schema.js";

const ownTypes = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith("__"));
const builtInScalars = new Set(["String", "Int", "Float", "Boolean", "ID"]);

describe("schema.graphql", () => {
  it("is current: run `npm run schema:print` after changing the schema", () => {
    expect(
      readFileSync(schemaFile, "utf8"),
      "schema.graphql is stale: run `npm run schema:print`",
    ).toBe(printedSchema());
  });
});

describe("descriptions", () => {
  it("describe every type, field, argument and input field", () => {
    const missing: string[] = [];
    const check = (where: string, description: string | null | undefined) => {
      if (!description?.trim()) missing.push(where);
    };
    for (const type of ownTypes as GraphQLNamedType[]) {
      if (!builtInScalars.has(type.name)) check(type.name, type.description);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          check(`${type.name}.${field.name}`, field.description);
          for (const arg of field.args)
            check(`${type.name}.${field.name}(${arg.name})`, arg.description);
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields()))
          check(`${type.name}.${field.name}`, field.description);
      }
      if (isEnumType(type) && type.getValues().length === 0)
        missing.push(`${type.name} (no values)`);
    }
    expect(missing, `Described nowhere:\n${missing.join("\n")}`).toEqual([]);
  });
});

describe("authorization", () => {
  it("declares auth scopes on every query, mutation and subscription field", () => {
    const undeclared: string[] = [];
    for (const root of [
      schema.getQueryType(),
      schema.getMutationType(),
      schema.getSubscriptionType(),
    ]) {
      for (const field of Object.values(root?.getFields() ?? {}) as GraphQLField<
        unknown,
        unknown
      >[]) {
        const options = (field.extensions as { pothosOptions?: { authScopes?: unknown } })
          .pothosOptions;
        if (!options?.authScopes) undeclared.push(`${root?.name}.${field.name}`);
      }
    }
    expect(undeclared, `Root fields without authScopes:\n${undeclared.join("\n")}`).toEqual([]);
  });

  it("has root fields to check (the walk above is not vacuous)", () => {
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {})).toContain("createMember");
    expect(Object.keys(schema.getSubscriptionType()?.getFields() ?? {})).toContain("memberChanged");
  });
});
