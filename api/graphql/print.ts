import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { printSchema } from "graphql";
import { schema } from "./schema.js";

export const schemaFile = join(dirname(fileURLToPath(import.meta.url)), "../../schema.graphql");

export function printedSchema(): string {
  return `${printSchema(schema)}\n`;
}
