// Real graphql-ws clients against the real server: live member changes, filtered by the
// subscriber's permissions, and sockets of disabled users closed at once.
import type { Client } from "graphql-ws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { issueSessionToken } from "../../api/auth/tokens.js";
import { type Json, socketClient, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord, createStaffUser } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
let admin: string;
let staff: string;
let masked: string;
const clients: Client[] = [];

function connect(token?: string, onClosed?: (code: number) => void): Client {
  const client = socketClient(t.url, {
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    lazy: false,
    // A socket the server closes (4401/4403) is what these tests expect, not a console error.
    onNonLazyError: () => {},
    on: onClosed ? { closed: (event) => onClosed((event as { code: number }).code) } : {},
  });
  clients.push(client);
  return client;
}

/** Subscribes and resolves with the first `count` results (data or errors). */
function firstResults(
  client: Client,
  query: string,
  count = 1,
): { done: Promise<Json[]>; ready: Promise<void> } {
  const results: Json[] = [];
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const done = new Promise<Json[]>((resolve, reject) => {
    client.subscribe(
      { query },
      {
        next: (value) => {
          results.push(value);
          if (results.length >= count) resolve(results);
        },
        error: (error) => reject(error),
        complete: () => resolve(results),
      },
    );
    // The server acknowledges the connection before the subscription is registered.
    client.on("connected", () => setTimeout(markReady, 150));
  });
  return { done, ready };
}

const updateMutation = `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { __typename } }`;
beforeAll(async () => {
  t = await startTestApp();
  admin = (await signInStaff(t, "admin@test.sa", ["ADMIN"])).token;
  staff = (
    await signInStaff(t, "staff@test.sa", ["STAFF"], {
      personalDataAccess: true,
    })
  ).token;
  masked = (await signInStaff(t, "masked@test.sa", ["COMMITTEE_MEMBER"])).token;
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});

afterAll(() => t?.close());

describe("memberChanged", () => {
  it("delivers a change live, with personal fields masked for a subscriber who may not read them", async () => {
    const member = await createMemberRecord(t.database.prisma, { fullNameAr: "سلمان ناصر العنزي" });
    const subscription = firstResults(
      connect(masked),
      `subscription { memberChanged { change changedFields version at changedBy member { fullNameAr city nationalId nationalIdMasked } } }`,
    );
    await subscription.ready;
    const updated = await t.gql(
      updateMutation,
      { input: { id: gid("Member", member.id), version: 1, city: "نجران" } },
      { token: staff },
    );
    expect(updated.data?.updateMember.__typename).toBe("UpdateMemberSuccess");
    const [event] = await subscription.done;
    expect(event.data.memberChanged).toMatchObject({
      change: "UPDATED",
      changedFields: ["city"],
      version: 2,
      changedBy: "موظف staff", // who, and when: an open edit form names them
      member: { fullNameAr: "سلمان ناصر العنزي", city: "نجران" },
    });
    expect(Date.now() - Date.parse(event.data.memberChanged.at)).toBeLessThan(60_000);
    // Withheld (null), never a masked string in the full value's field.
    expect(event.data.memberChanged.member.nationalId).toBeNull();
    expect(event.data.memberChanged.member.nationalIdMasked).toMatch(/^1\*{7}\d{2}$/);
  });

  it("can follow one member only", async () => {
    const watched = await createMemberRecord(t.database.prisma, { fullNameAr: "هند خالد" });
    const other = await createMemberRecord(t.database.prisma, { fullNameAr: "مها سعيد" });
    const subscription = firstResults(
      connect(staff),
      `subscription { memberChanged(id: "${gid("Member", watched.id)}") { member { fullNameAr } } }`,
    );
    await subscription.ready;
    await t.gql(
      updateMutation,
      { input: { id: gid("Member", other.id), version: 1, city: "جدة" } },
      { token: staff },
    );
    await t.gql(
      updateMutation,
      { input: { id: gid("Member", watched.id), version: 1, city: "جدة" } },
      { token: staff },
    );
    const [event] = await subscription.done;
    expect(event.data.memberChanged.member.fullNameAr).toBe("هند خالد");
  });

  it("closes an anonymous socket that subscribes (4401), rather than leaving it open", async () => {
    let closedWith: number | undefined;
    const closed = new Promise<void>((resolve) => {
      const client = connect(undefined, (code) => {
        closedWith = code;
        resolve();
      });
      firstResults(client, `subscription { memberChanged { change } }`).done.catch(() => {});
    });
    await closed;
    expect(closedWith).toBe(4401);
  });

  it("closes a disabled user's open socket at once", async () => {
    const { user, token } = await signInStaff(t, "leaving@test.sa", ["STAFF"]);
    let closedWith: number | undefined;
    const closed = new Promise<void>((resolve) => {
      const client = connect(token, (code) => {
        closedWith = code;
        resolve();
      });
      firstResults(client, `subscription { memberChanged { change } }`).done.catch(() => {});
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await t.gql(
      `mutation($input: UpdateUserInput!) { updateUser(input: $input) { __typename } }`,
      { input: { id: gid("User", user.id), version: 1, disabled: true } },
      { token: admin },
    );
    await closed;
    expect(closedWith).toBe(4403);
  });
});

describe("a socket's session ends", () => {
  const userMutation = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { __typename } }`;

  /** A socket subscribed to member changes: its results, and the code it was closed with. */
  async function listening(token: string) {
    let resolveClosed: (code: number) => void = () => {};
    const closed = new Promise<number>((resolve) => (resolveClosed = resolve));
    const client = connect(token, (code) => resolveClosed(code));
    const results: Json[] = [];
    client.subscribe(
      { query: `subscription { memberChanged { memberId: member { id } version } }` },
      { next: (value) => void results.push(value), error: () => {}, complete: () => {} },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { closed, results };
  }

  async function changeAMember() {
    const member = await createMemberRecord(t.database.prisma);
    await t.gql(
      updateMutation,
      { input: { id: gid("Member", member.id), version: 1, city: "تبوك" } },
      { token: staff },
    );
  }

  it("when its token expires: closed with 4401", async () => {
    const user = await createStaffUser(t.database.prisma, "brief@test.sa", ["STAFF"]);
    // A real token, issued for two seconds.
    const { token } = await issueSessionToken(t.config.tokenSecret, user.id, 2);
    const socket = await listening(token);
    await changeAMember();
    await expect.poll(() => socket.results.length).toBe(1);
    expect(await socket.closed).toBe(4401);
    await changeAMember();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(socket.results).toHaveLength(1);
  });

  it("when the user signs out: closed with 4401", async () => {
    const { token } = await signInStaff(t, "leaving-now@test.sa", ["STAFF"]);
    const socket = await listening(token);
    await t.gql(`mutation { signOut }`, {}, { token });
    expect(await socket.closed).toBe(4401);
  });

  it("when the user loses a role: closed with 4403, and no event after it", async () => {
    const { user, token } = await signInStaff(t, "moved@test.sa", ["STAFF"]);
    const socket = await listening(token);
    const changed = await t.gql(
      userMutation,
      { input: { id: gid("User", user.id), version: 1, roles: ["RESEARCHER"] } },
      { token: admin },
    );
    expect(changed.data?.updateUser.__typename).toBe("UpdateUserSuccess");
    expect(await socket.closed).toBe(4403);
    await changeAMember();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(socket.results).toEqual([]);
  });

  it("when personal-data access is withdrawn: closed with 4403", async () => {
    const { user, token } = await signInStaff(t, "reader@test.sa", ["STAFF"], {
      personalDataAccess: true,
    });
    const socket = await listening(token);
    await t.gql(
      userMutation,
      { input: { id: gid("User", user.id), version: 1, personalDataAccess: false } },
      { token: admin },
    );
    expect(await socket.closed).toBe(4403);
  });

  it("when the user gains a role: stays open and keeps receiving", async () => {
    const { user, token } = await signInStaff(t, "promoted@test.sa", ["STAFF"]);
    const socket = await listening(token);
    let closed = false;
    void socket.closed.then(() => (closed = true));
    await t.gql(
      userMutation,
      { input: { id: gid("User", user.id), version: 1, roles: ["STAFF", "RESEARCHER"] } },
      { token: admin },
    );
    await changeAMember();
    await expect.poll(() => socket.results.length).toBe(1);
    expect(closed).toBe(false);
  });
});
