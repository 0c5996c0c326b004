// The caller's user row is kept in memory between requests (auth/session-cache.ts), and
// dropped at once when the user signs out, is disabled or changes roles — on every instance,
// through the shared event bus. Two apps on one database and one bus stand for two API
// instances behind a load balancer with REDIS_URL set.
import { createPubSub } from "graphql-yoga";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WaslPubSub } from "../../api/pubsub.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { gid } from "../helpers/ids.js";

let a: TestApp;
let b: TestApp;
let statements: string[] = [];
let admin: string;

/** One bus, two publishers/subscribers: what Redis does between instances. */
function sharedBus(bus: EventTarget): WaslPubSub {
  return createPubSub({ eventTarget: bus }) as unknown as WaslPubSub;
}

beforeAll(async () => {
  const bus = new EventTarget();
  a = await startTestApp({
    listen: false,
    onQuery: (sql) => statements.push(sql),
    pubsub: sharedBus(bus),
  });
  b = await startTestApp({ listen: false, database: a.database, pubsub: sharedBus(bus) });
  admin = (await signInStaff(a, "admin@test.sa", ["ADMIN", "STAFF"])).token;
});
afterAll(async () => {
  await b.app.stop();
  await a.close();
});

const me = `{ me { email roles } }`;
const updateUser = `mutation($input: UpdateUserInput!) { updateUser(input: $input) {
  __typename ... on UpdateUserSuccess { user { version } } } }`;
const userReads = () => statements.filter((sql) => /FROM "public"\."User"/.test(sql)).length;

/** Both instances have the user's row in memory (read once each, then not again). */
async function cachedOnBoth(token: string) {
  for (const app of [a, b]) expect((await app.gql(me, {}, { token })).data?.me).not.toBeNull();
  statements = [];
  for (const app of [a, b]) expect((await app.gql(me, {}, { token })).data?.me).not.toBeNull();
}

describe("the caller cache", () => {
  it("reads the caller's row once, not on every request", async () => {
    const { token } = await signInStaff(a, "cached@test.sa", ["STAFF"]);
    await a.gql(me, {}, { token });
    statements = [];
    for (let i = 0; i < 3; i++)
      expect((await a.gql(`{ members(first: 1) { totalCount } }`, {}, { token })).errors).toBe(
        undefined,
      );
    expect(userReads()).toBe(0);
  });

  it("drops the row on sign-out: the token is refused at once on both instances", async () => {
    const { token } = await signInStaff(a, "leaving-session@test.sa", ["STAFF"]);
    await cachedOnBoth(token);
    expect(userReads()).toBe(0);
    await a.gql(`mutation { signOut }`, {}, { token });
    expect((await a.gql(me, {}, { token })).data?.me).toBeNull();
    expect((await b.gql(me, {}, { token })).data?.me).toBeNull();
  });

  it("drops the row on deactivation, decided on the other instance", async () => {
    const { user, token } = await signInStaff(a, "deactivated@test.sa", ["STAFF"]);
    await cachedOnBoth(token);
    const result = await b.gql(
      updateUser,
      { input: { id: gid("User", user.id), version: 1, disabled: true } },
      { token: admin },
    );
    expect(result.data?.updateUser.__typename).toBe("UpdateUserSuccess");
    const refused = await a.gql(`{ members(first: 1) { totalCount } }`, {}, { token });
    expect(refused.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await b.gql(me, {}, { token })).data?.me).toBeNull();
  });

  it("drops the row on a role change: both instances authorise with the new roles", async () => {
    const { user, token } = await signInStaff(a, "demoted@test.sa", ["ADMIN"]);
    await cachedOnBoth(token);
    const users = `{ users(first: 1) { totalCount } }`;
    expect((await b.gql(users, {}, { token })).errors).toBe(undefined);
    const result = await a.gql(
      updateUser,
      { input: { id: gid("User", user.id), version: 1, roles: ["STAFF"] } },
      { token: admin },
    );
    expect(result.data?.updateUser.__typename).toBe("UpdateUserSuccess");
    for (const app of [a, b]) {
      expect((await app.gql(me, {}, { token })).data?.me).toEqual({
        email: "demoted@test.sa",
        roles: ["STAFF"],
      });
      expect((await app.gql(users, {}, { token })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });
});
