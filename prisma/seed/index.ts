// Demo and large data sets for Wasl. The server seeds the demo set on first start; the CLI
// (prisma/seed.ts) seeds on demand and adds the large set for load tests.
export { type DemoAccount, demoAccounts, demoPartner, disabledDemoAccount } from "./accounts.js";
export {
  firstDemoMember,
  isDatabaseEmpty,
  type SeedDemoOptions,
  type SeedSummary,
  seedDemo,
} from "./demo.js";
export { type SeedLargeOptions, type SeedLargeSummary, seedLarge } from "./large.js";
export {
  committeeStatuses,
  type RequestTypeDefinition,
  requestTypeCatalogue,
  serviceStatuses,
  statusesForType,
} from "./request-types.js";
