// The sample partner client (examples/partner-client) is a package of its own, as a partner's
// would be: its code generator is installed there, not in the API's dependencies (one of its
// dependencies asks for a newer Node than the API supports). Installed once, before the tests
// that run it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const example = "examples/partner-client";
if (!existsSync(`${example}/node_modules/@graphql-codegen/core`)) {
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--prefix", example], {
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
