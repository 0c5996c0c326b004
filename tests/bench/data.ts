// The benchmark data: the demo data set (prisma/seed), seeded with a fixed seed and reference
// date so that PostgreSQL and PGlite hold the same case load, and the STAFF account the
// members page is read as.
import type { PrismaClient } from "../../api/db/client.js";
import { demoAccounts, seedDemo } from "../../prisma/seed/index.js";
import { createStaffUser, password as fixturePassword } from "../helpers/fixtures.js";

export type Credentials = { email: string; password: string };

export const benchNow = new Date("2026-06-01T09:00:00Z");

export const membersPageQuery =
  "{ members(first: 50) { totalCount edges { node { id memberNumber fullNameAr city status " +
  "requests(first: 10) { totalCount edges { node { id reference status subject } } } } } } }";

/**
 * Seeds the demo data and returns a STAFF sign-in WITHOUT personal-data access: reading
 * personal data writes audit rows, which would turn a read benchmark into a write one.
 */
export async function seedBenchData(
  prisma: PrismaClient,
): Promise<Credentials & { members: number; requests: number }> {
  const summary = await seedDemo(prisma, { now: benchNow, seed: 2026 });
  const demoStaff = demoAccounts.find((a) => a.email === "staff@wasl.demo");
  const row = demoStaff
    ? await prisma.user.findUnique({
        where: { email: demoStaff.email },
        select: { roles: true, personalDataAccess: true, disabled: true },
      })
    : null;
  let credentials: Credentials;
  if (demoStaff && row && !row.personalDataAccess && !row.disabled && row.roles.includes("STAFF")) {
    credentials = { email: demoStaff.email, password: demoStaff.password };
  } else {
    const email = "bench-staff@wasl.test";
    await createStaffUser(prisma, email, ["STAFF"], { personalDataAccess: false });
    credentials = { email, password: fixturePassword };
  }
  return { ...credentials, members: summary.members, requests: summary.requests };
}
