import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieName } from "../../api/auth/cookies.js";
import { csrfHeader } from "../../api/yoga.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createStaffUser, password } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
let admin: string;

const signInMutation = `mutation($input: SignInInput!) {
  signIn(input: $input) {
    __typename
    ... on SignInSuccess { session { token expiresAt viewer { email roles permissions } } }
    ... on InvalidCredentialsError { code message }
    ... on TooManyAttemptsError { code message retryAfterSeconds }
  }
}`;

const updateUserMutation = `mutation($input: UpdateUserInput!) {
  updateUser(input: $input) {
    __typename
    ... on UpdateUserSuccess { user { id disabled roles version } }
    ... on ValidationError { fieldErrors { path message } }
    ... on Error { code }
  }
}`;

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  admin = (await signInStaff(t, "admin@test.sa", ["ADMIN"])).token;
  await createStaffUser(t.database.prisma, "staff@test.sa", ["STAFF"]);
});

afterAll(() => t?.close());

describe("signing in", () => {
  it("returns a session with the viewer's permissions and sets an httpOnly SameSite cookie", async () => {
    const response = await t.app.yoga.fetch("http://wasl.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", [csrfHeader]: "1" },
      body: JSON.stringify({
        query: signInMutation,
        variables: { input: { email: "Staff@Test.sa ", password } },
      }),
    });
    const body = (await response.json()) as Json;
    expect(body.data.signIn.session.viewer).toMatchObject({
      email: "staff@test.sa",
      roles: ["STAFF"],
    });
    expect(body.data.signIn.session.viewer.permissions).toContain("members.edit");
    expect(body.data.signIn.session.viewer.permissions).not.toContain("users.list");
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(new RegExp(`^${sessionCookieName}=`));
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");

    // The cookie alone identifies the caller.
    const me = await t.gql(`{ me { email } }`, {}, { headers: { cookie: cookie.split(";")[0]! } });
    expect(me.data?.me).toEqual({ email: "staff@test.sa" });
  });

  it("refuses a wrong password with a translated message and audits the attempt", async () => {
    const result = await t.gql(signInMutation, {
      input: { email: "staff@test.sa", password: "wrong-password" },
    });
    expect(result.data?.signIn).toMatchObject({
      __typename: "InvalidCredentialsError",
      code: "INVALID_CREDENTIALS",
      message: "البريد الإلكتروني أو كلمة المرور غير صحيحة، أو أن الحساب موقوف.",
    });
    const failed = await t.database.prisma.auditEntry.count({
      where: { action: "SIGN_IN_FAILED" },
    });
    expect(failed).toBeGreaterThan(0);
  });

  it("answers an unknown e-mail exactly like a wrong password", async () => {
    const result = await t.gql(signInMutation, { input: { email: "nobody@test.sa", password } });
    expect(result.data?.signIn.__typename).toBe("InvalidCredentialsError");
  });

  it("delays the address that keeps failing on an account, even for the right password", async () => {
    await createStaffUser(t.database.prisma, "target@test.sa", ["STAFF"]);
    for (let i = 0; i < 5; i++) {
      await t.gql(signInMutation, { input: { email: "target@test.sa", password: `guess-${i}` } });
    }
    const locked = await t.gql(
      signInMutation,
      { input: { email: "target@test.sa", password } },
      { language: "en" },
    );
    expect(locked.data?.signIn).toMatchObject({
      __typename: "TooManyAttemptsError",
      code: "TOO_MANY_ATTEMPTS",
    });
    expect(locked.data?.signIn.retryAfterSeconds).toBeGreaterThan(0);
    // A few seconds after five failures: said in seconds, not rounded up to a minute.
    expect(locked.data?.signIn.message).toMatch(
      /^Too many sign-in attempts. Try again in \d+ seconds\.$/,
    );
  });

  it("ignores a forged token", async () => {
    const [header, payload] = admin.split(".");
    const forged = `${header}.${payload}.${"A".repeat(43)}`;
    const result = await t.gql(`{ me { email } }`, {}, { token: forged });
    expect(result.data?.me).toBeNull();
  });

  it("signs out: the token stops working at once", async () => {
    const token = await t.signIn("staff@test.sa", password);
    expect((await t.gql(`{ me { email } }`, {}, { token })).data?.me).toEqual({
      email: "staff@test.sa",
    });
    await t.gql(`mutation { signOut }`, {}, { token });
    expect((await t.gql(`{ me { email } }`, {}, { token })).data?.me).toBeNull();
  });
});

describe("users and roles", () => {
  const createUserMutation = `mutation($input: CreateUserInput!) {
    createUser(input: $input) {
      __typename
      ... on CreateUserSuccess { user { id email roles version } }
      ... on ValidationError { fieldErrors { path message } }
      ... on Error { code }
    }
  }`;

  it("lets an admin create a user with several roles, who can then sign in", async () => {
    const result = await t.gql(
      createUserMutation,
      {
        input: {
          email: "chair@test.sa",
          fullName: "رئيس اللجنة",
          password: "Chair-Pass-2026",
          roles: ["COMMITTEE_MEMBER", "COMMITTEE_CHAIR"],
        },
      },
      { token: admin },
    );
    expect(result.data?.createUser).toMatchObject({
      __typename: "CreateUserSuccess",
      user: { roles: ["COMMITTEE_MEMBER", "COMMITTEE_CHAIR"] },
    });
    expect(await t.signIn("chair@test.sa", "Chair-Pass-2026")).toBeTruthy();
  });

  it("refuses a duplicate e-mail and a short password, naming both fields", async () => {
    const result = await t.gql(
      createUserMutation,
      { input: { email: "staff@test.sa", fullName: "x", password: "short", roles: ["STAFF"] } },
      { token: admin },
    );
    const paths = result.data?.createUser.fieldErrors.map((e: Json) => e.path[1]);
    expect(paths).toEqual(expect.arrayContaining(["email", "password"]));
  });

  it("refuses user management to staff, both through the typed result and the list", async () => {
    const staff = await t.signIn("staff@test.sa", password);
    const created = await t.gql(
      createUserMutation,
      { input: { email: "x@test.sa", fullName: "x", password: "Long-enough-1", roles: ["ADMIN"] } },
      { token: staff },
    );
    expect(created.data?.createUser).toEqual({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    const list = await t.gql(`{ users(first: 10) { totalCount } }`, {}, { token: staff });
    expect(list.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses a disabled user at once, though their token has not expired", async () => {
    const { user, token } = await signInStaff(t, "leaving@test.sa", ["STAFF"]);
    const disabled = await t.gql(
      updateUserMutation,
      { input: { id: gid("User", user.id), version: 1, disabled: true } },
      { token: admin },
    );
    expect(disabled.data?.updateUser).toMatchObject({
      __typename: "UpdateUserSuccess",
      user: { disabled: true },
    });
    const after = await t.gql(`{ members(first: 1) { totalCount } }`, {}, { token });
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const again = await t.gql(signInMutation, { input: { email: "leaving@test.sa", password } });
    expect(again.data?.signIn.__typename).toBe("InvalidCredentialsError");
  });

  it("gives any staff member a directory of active colleagues by role, names only", async () => {
    await createStaffUser(t.database.prisma, "researcher@test.sa", ["RESEARCHER"]);
    await createStaffUser(t.database.prisma, "gone@test.sa", ["RESEARCHER"], { disabled: true });
    const staff = await t.signIn("staff@test.sa", password);
    const result = await t.gql(
      `{ staffDirectory(role: RESEARCHER) { id fullName } }`,
      {},
      { token: staff },
    );
    expect(result.data?.staffDirectory).toEqual([
      { id: expect.any(String), fullName: "موظف researcher" },
    ]);
    const anonymous = await t.gql(`{ staffDirectory { id } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("does not let an admin disable themself", async () => {
    const me = await t.database.prisma.user.findUniqueOrThrow({
      where: { email: "admin@test.sa" },
    });
    const result = await t.gql(
      updateUserMutation,
      { input: { id: gid("User", me.id), version: me.version, disabled: true } },
      { token: admin },
    );
    expect(result.data?.updateUser.__typename).toBe("ValidationError");
    expect(result.data?.updateUser.fieldErrors[0].path).toEqual(["input", "disabled"]);
  });
});
