import { defineConfig } from "prisma/config";

// The CLI is used only for `prisma generate`; migrations run through api/db/migrations.ts
// (the WebAssembly schema engine), because the native engine cannot be downloaded here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
