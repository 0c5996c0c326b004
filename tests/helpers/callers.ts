// Who a test acts as, made one way: a staff caller for calling services directly (as the API
// resolves one from a session), or a signed-in staff account for calling the API.
import type { StaffCaller } from "../../api/auth/caller.js";
import type { Prisma } from "../../api/db/client.js";
import type { Role } from "../../api/db/generated/enums.js";
import type { TestApp } from "./app.js";
import { createStaffUser, password } from "./fixtures.js";

type StaffFields = {
  id: string;
  roles: Role[];
  email?: string;
  fullName?: string;
  personalDataAccess?: boolean;
};

/** A staff caller; give a stored user (or just its ID and roles) and what the test cares about. */
export function staffCaller(user: StaffFields): StaffCaller {
  return {
    kind: "user",
    id: user.id,
    email: user.email ?? "staff@test.sa",
    fullName: user.fullName ?? "staff",
    roles: user.roles,
    personalDataAccess: user.personalDataAccess ?? false,
  };
}

/** A new staff account signed in to the test app: the stored user and its session token. */
export async function signInStaff(
  t: TestApp,
  email: string,
  roles: Role[],
  extra: Partial<Prisma.UserCreateInput> = {},
) {
  const user = await createStaffUser(t.database.prisma, email, roles, extra);
  return { user, token: await t.signIn(email, password) };
}
