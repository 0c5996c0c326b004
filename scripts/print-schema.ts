// `npm run schema:print`: writes schema.graphql from the Pothos schema. Partners read it;
// tests/api/schema.test.ts fails when it is stale.
import { writeFileSync } from "node:fs";
import { printedSchema, schemaFile } from "../api/graphql/print.js";

writeFileSync(schemaFile, printedSchema());
console.log(`Wrote ${schemaFile}`);
