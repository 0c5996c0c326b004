// The live committee room over real graphql-ws clients against a real server: the first
// message is the whole room, every vote reaches every member in order, a late joiner starts
// from the current state, outsiders and anonymous sockets get nothing, a member taken off
// the session stops receiving, and presence shows who has the room open.
import type { Client } from "graphql-ws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sharing } from "../../api/live/shared-execution.js";
import { type Json, socketClient, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { type Committee, setUpCommittee } from "../helpers/committee.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
let c: Committee;
const clients: Client[] = [];

beforeAll(async () => {
  t = await startTestApp();
  c = await setUpCommittee(t);
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(() => t?.close());

const roomSubscription = `subscription($s: ID!) { committeeRoom(session: $s) {
  sequence change item inRoomNow
  room { sequence status currentItem { id }
    items { id status tally { approve reject abstain } votesNamed votes { voter { id } choice } } }
} }`;

type Follower = {
  events: Json[];
  errors: unknown[];
  completed: Promise<void>;
  closedWith: Promise<number>;
  /** Resolves once `count` events have arrived. */
  received(count: number): Promise<Json[]>;
};

function follow(sessionId: string, token?: string, query = roomSubscription): Follower {
  let closed: (code: number) => void = () => {};
  const closedWith = new Promise<number>((resolve) => (closed = resolve));
  const client = socketClient(t.url, {
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    lazy: false,
    onNonLazyError: () => {},
    on: { closed: (event) => closed((event as { code: number }).code) },
  });
  clients.push(client);
  const events: Json[] = [];
  const errors: unknown[] = [];
  const waiting: { count: number; resolve: (events: Json[]) => void }[] = [];
  const completed = new Promise<void>((resolve) => {
    client.subscribe(
      { query, variables: { s: sessionId } },
      {
        next: (result) => {
          if (result.errors) errors.push(result.errors);
          if (result.data) events.push(result.data.committeeRoom);
          for (const w of waiting.filter((w) => events.length >= w.count))
            w.resolve(events.slice());
        },
        error: (error) => {
          errors.push(error);
          resolve();
        },
        complete: resolve,
      },
    );
  });
  return {
    events,
    errors,
    completed,
    closedWith,
    received: (count) =>
      events.length >= count
        ? Promise.resolve(events.slice())
        : new Promise((resolve) => waiting.push({ count, resolve })),
  };
}

/** Waits until the follower's newest event satisfies the check (events arrive asynchronously). */
async function until(follower: Follower, check: (event: Json) => boolean): Promise<Json> {
  for (let i = 0; i < 200; i++) {
    const last = follower.events.at(-1);
    if (last && check(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never: ${JSON.stringify(follower.events.at(-1))}`);
}

describe("committeeRoom subscription", () => {
  it("sends the whole room first, then every vote to the chair and three members, in order", async () => {
    const request = await c.requestInCommittee();
    const room = await c.open(await c.sessionWith([request.id]), [c.m1, c.m2, c.m3]);
    const item = room.items[0].id;
    const followers = [c.chair, c.m1, c.m2, c.m3].map((who) => follow(room.session, who.token));
    const snapshots = await Promise.all(followers.map((f) => f.received(1)));
    for (const [first] of snapshots) {
      expect(first.change).toBe("SNAPSHOT");
      expect(first.room.sequence).toBe(room.sequence);
      expect(first.room.items[0].status).toBe("PENDING");
    }
    // Everyone's screen is in the room.
    await until(followers[0]!, () => true);
    for (let i = 0; i < 100 && (followers[0]!.events.at(-1)?.inRoomNow.length ?? 0) < 4; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(followers[0]!.events.at(-1).inRoomNow).toHaveLength(4);

    await c.call("openCommitteeVoting", { item }, c.chair.token);
    await c.call("castCommitteeVote", { item, choice: "APPROVE" }, c.m1.token);
    await c.call("castCommitteeVote", { item, choice: "REJECT" }, c.m2.token);
    await c.call("castCommitteeVote", { item, choice: "APPROVE" }, c.m3.token);
    await c.call("castCommitteeVote", { item, choice: "ABSTAIN" }, c.m2.token);

    for (const follower of followers) {
      const last = await until(
        follower,
        (e) => e.change === "VOTE_CAST" && e.room.items[0].tally.abstain === 1,
      );
      expect(last.room.items[0].tally).toEqual({ approve: 2, reject: 0, abstain: 1 });
      const changes = follower.events.filter((e) => e.change !== "PRESENCE");
      expect(changes.map((e) => e.change)).toEqual([
        "SNAPSHOT",
        "VOTING_OPENED",
        "VOTE_CAST",
        "VOTE_CAST",
        "VOTE_CAST",
        "VOTE_CAST",
      ]);
      const sequences = changes.map((e) => e.sequence);
      expect(sequences).toEqual(sequences.map((_, i) => sequences[0] + i));
      expect(last.room.items[0].votes.map((v: Json) => v.choice)).toEqual([
        "APPROVE",
        "APPROVE",
        "ABSTAIN",
      ]);
      expect(follower.errors).toEqual([]);
    }
  });

  it("starts a late joiner from the current state", async () => {
    const request = await c.requestInCommittee();
    const room = await c.open(await c.sessionWith([request.id]), [c.m1, c.m2]);
    const item = room.items[0].id;
    await c.call("openCommitteeVoting", { item }, c.chair.token);
    await c.call("castCommitteeVote", { item, choice: "REJECT" }, c.m1.token);
    const late = follow(room.session, c.m2.token);
    const [first] = await late.received(1);
    expect(first.change).toBe("SNAPSHOT");
    expect(first.room.currentItem.id).toBe(item);
    expect(first.room.items[0]).toMatchObject({
      status: "VOTING",
      tally: { approve: 0, reject: 1, abstain: 0 },
    });
  });

  it("refuses a committee member not invited, with an error and no event", async () => {
    const room = await c.sessionWith([]);
    const outsider = follow(room.session, c.outsider.token);
    await outsider.completed;
    expect(outsider.events).toEqual([]);
    expect(JSON.stringify(outsider.errors)).toMatch(/FORBIDDEN|NOT_FOUND|not allowed|غير مسموح/i);
    const staff = follow(room.session, c.staff.token);
    await staff.completed;
    expect(staff.events).toEqual([]);
  });

  it("closes an unauthenticated socket with 4401", async () => {
    const room = await c.sessionWith([]);
    const anonymous = follow(room.session);
    expect(await anonymous.closedWith).toBe(4401);
    expect(anonymous.events).toEqual([]);
  });

  it("stops sending to a member taken off the session", async () => {
    const request = await c.requestInCommittee();
    const room = await c.open(await c.sessionWith([request.id]), [c.m1, c.m2]);
    const removed = follow(room.session, c.m3.token);
    await removed.received(1);
    const changed = await c.call(
      "changeCommitteeSession",
      {
        session: room.session,
        version: room.version,
        members: [c.m1, c.m2].map((m) => gid("User", m.user.id)),
      },
      c.staff.token,
    );
    expect(changed.__typename).toBe("ChangeCommitteeSessionSuccess");
    await removed.completed;
    await c.call("openCommitteeVoting", { item: room.items[0].id }, c.chair.token);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(removed.events.filter((e) => e.change !== "PRESENCE").map((e) => e.change)).toEqual([
      "SNAPSHOT",
    ]);
  });

  it("executes a change once per kind of viewer, and never hands one viewer's fields to another", async () => {
    const request = await c.requestInCommittee();
    const secret = await c.sessionWith([request.id], { ballotVisibility: "SECRET_UNTIL_DECIDED" });
    const room = await c.open(secret, [c.m1, c.m2, c.m3]);
    const item = room.items[0].id;
    await c.call("openCommitteeVoting", { item }, c.chair.token);
    const admin2 = await signInStaff(t, "admin2@test.sa", ["ADMIN"]);
    const viewerFields = `subscription($s: ID!) { committeeRoom(session: $s) {
      sequence change
      room { viewerIsChair viewerIsMember
        items { voterCount votesNamed votes { voter { id } choice } myVote { choice } } }
    } }`;
    // m1 and m2 have the same roles: only the viewer part tells their screens apart.
    const [chair, m1, m2, admin, otherAdmin] = [c.chair, c.m1, c.m2, c.admin, admin2].map((who) =>
      follow(room.session, who.token, viewerFields),
    );
    const all = [chair, m1, m2, admin, otherAdmin];
    await Promise.all(all.map((f) => f!.received(1)));
    // Presence (each arrival) settles before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = { ...sharing };
    await c.call("castCommitteeVote", { item, choice: "APPROVE" }, c.m1.token);
    const voted = (e: Json) => e.change === "VOTE_CAST";
    const [seenByChair, seenByM1, seenByM2, seenByAdmin, seenByOtherAdmin] = await Promise.all(
      all.map((f) => until(f!, voted)),
    );
    // A secret ballot: counts for everyone, names for no one, each their own vote.
    expect(seenByM1.room).toEqual({
      viewerIsChair: false,
      viewerIsMember: true,
      items: [{ voterCount: 1, votesNamed: false, votes: [], myVote: { choice: "APPROVE" } }],
    });
    expect(seenByM2.room).toEqual({
      viewerIsChair: false,
      viewerIsMember: true,
      items: [{ voterCount: 1, votesNamed: false, votes: [], myVote: null }],
    });
    expect(seenByChair.room).toEqual({
      viewerIsChair: true,
      viewerIsMember: true,
      items: [{ voterCount: 1, votesNamed: false, votes: [], myVote: null }],
    });
    const outsider = {
      viewerIsChair: false,
      viewerIsMember: false,
      items: [{ voterCount: 1, votesNamed: false, votes: [], myVote: null }],
    };
    expect(seenByAdmin.room).toEqual(outsider);
    expect(seenByOtherAdmin.room).toEqual(outsider);
    // The chair, each member and the admins: four executions; the second admin shared one.
    expect(sharing.executed - before.executed).toBe(4);
    expect(sharing.reused - before.reused).toBe(1);
    for (const f of all) expect(f!.errors).toEqual([]);
  });
});
