// @vitest-environment node
// The committee room in the panel: every document it sends is valid against the API's schema;
// its live view drops stale events, takes the next one and reads the room again after a gap;
// and its connection, against the real server over a real WebSocket, starts with the room,
// follows the chair's commands and, when the socket drops, reconnects by itself and starts
// again from a fresh snapshot.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { nextPendingItem } from "../../admin/src/committee/agenda.js";
import { monthGrid } from "../../admin/src/committee/calendar.js";
import {
  applyRoomEvent,
  openRoomConnection,
  type RoomView,
  withRoom,
} from "../../admin/src/committee/roomLive.js";
import { changeInput, scheduleInput } from "../../admin/src/committee/sessionInputs.js";
import { buildQuery } from "../../admin/src/dataProvider/buildQuery.js";
import {
  type CommitteeRoom,
  type CommitteeRoomEvent,
  commandDocument,
  committeeCaseQuery,
  committeeCommands,
  committeeHistoryQuery,
  committeeRoomQuery,
  committeeRoomSubscription,
  sessionMinutesQuery,
} from "../../admin/src/dataProvider/committee.js";
import { sessionFilter } from "../../admin/src/dataProvider/resources/committee.js";
import type { LiveStatus } from "../../admin/src/live/useLiveUpdates.js";
import { canAccess, screenAction } from "../../admin/src/providers/canAccess.js";
import { seedDemo } from "../../prisma/seed/index.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { gid } from "../helpers/ids.js";
import { valid } from "./documents.js";

const room = (sequence: number, extra: Partial<CommitteeRoom> = {}) =>
  ({
    session: "S1",
    sequence,
    status: "OPEN",
    version: 1,
    members: [],
    items: [],
    ...extra,
  }) as unknown as CommitteeRoom;
const event = (
  change: string,
  sequence: number,
  withRoomState = true,
  inRoomNow: string[] = [],
): CommitteeRoomEvent => ({
  change,
  sequence,
  item: null,
  actor: null,
  at: new Date(0).toISOString(),
  inRoomNow,
  room: withRoomState ? room(sequence) : null,
});

describe("the committee's documents", () => {
  it("are valid against the schema: room, live events, every command, history, case, minutes", () => {
    for (const document of [
      committeeRoomQuery,
      committeeRoomSubscription,
      committeeHistoryQuery,
      committeeCaseQuery,
      sessionMinutesQuery,
      ...committeeCommands.map(commandDocument),
    ])
      valid(document);
    const build = buildQuery();
    valid(build("GET_LIST", "committee", { pagination: { page: 1, perPage: 25 } }).query);
    valid(build("GET_ONE", "committee", { id: "x" }).query);
    valid(build("GET_MANY", "committee", { ids: ["x"] }).query);
  });

  it("filters sessions by state and by the calendar's month", () => {
    const { variables } = buildQuery()("GET_LIST", "committee", {
      pagination: { page: 1, perPage: 100 },
      filter: { status: "OPEN", from: "2026-12-01T00:00:00+03:00", to: "" },
    });
    expect(variables?.filter).toEqual({ status: ["OPEN"], from: "2026-12-01T00:00:00+03:00" });
    expect(sessionFilter({})).toBeUndefined();
  });

  it("sends a session's change with only what changed and the version read", () => {
    const read = room(4, {
      session: "S1",
      version: 3,
      scheduledAt: "2026-12-06T07:00:00.000Z",
      ballotVisibility: "OPEN",
      tieBreak: "CHAIR_CASTING_VOTE",
      quorumPercent: 50,
      members: [
        { user: { id: "C", fullName: "c" }, chair: true, present: false, inRoomNow: false },
        { user: { id: "M1", fullName: "m" }, chair: false, present: false, inRoomNow: false },
      ],
    });
    const values = {
      scheduledAt: "2026-12-06T10:00",
      chair: "C",
      members: ["M1", "C", "M2"],
      ballotVisibility: "OPEN",
      tieBreak: "DEFER",
      quorumPercent: "50",
    };
    expect(changeInput(read, values)).toEqual({
      session: "S1",
      version: 3,
      members: ["C", "M1", "M2"],
      tieBreak: "DEFER",
    });
    expect(scheduleInput({ ...values, quorumPercent: "60" })).toEqual({
      scheduledAt: "2026-12-06T07:00:00.000Z",
      chair: "C",
      members: ["M1", "C", "M2"],
      ballotVisibility: "OPEN",
      tieBreak: "DEFER",
      quorumPercent: 60,
    });
  });

  it("opens the committee screens' changes to those who manage sessions only", () => {
    expect(screenAction("committee", "create")).toBe("manage");
    expect(screenAction("committee", "edit")).toBe("manage");
    expect(screenAction("committee", "list")).toBe("list");
    expect(canAccess(["STAFF"], "committee", screenAction("committee", "create"))).toBe(true);
    expect(canAccess(["COMMITTEE_CHAIR"], "committee", screenAction("committee", "edit"))).toBe(
      false,
    );
    expect(canAccess(["COMMITTEE_MEMBER"], "committee", "list")).toBe(true);
    expect(canAccess(["RESEARCHER"], "committee", "list")).toBe(false);
  });

  it("lays a month out in weeks from Sunday and puts the next pending item to the vote", () => {
    // 1 December 2026 is a Tuesday: two blanks, then 31 days, padded to five weeks.
    const grid = monthGrid({ year: 2026, month: 12 });
    expect(grid.slice(0, 3)).toEqual([null, null, "2026-12-01"]);
    expect(grid).toHaveLength(35);
    const items = [
      { id: "a", position: 2, status: "PENDING" },
      { id: "b", position: 1, status: "DECIDED" },
      { id: "c", position: 3, status: "PENDING" },
    ];
    expect(nextPendingItem(room(1, { items } as never))?.id).toBe("a");
  });
});

describe("the room's live view", () => {
  const start: RoomView = { room: null, inRoomNow: null };

  it("starts from the snapshot, takes the next change and drops an older one", () => {
    let { view, refetch } = applyRoomEvent(start, event("SNAPSHOT", 5, true, ["u1"]));
    expect(refetch).toBe(false);
    expect(view.room?.sequence).toBe(5);
    expect(view.inRoomNow).toEqual(["u1"]);
    ({ view, refetch } = applyRoomEvent(view, event("VOTE_CAST", 6)));
    expect([view.room?.sequence, refetch]).toEqual([6, false]);
    ({ view, refetch } = applyRoomEvent(view, event("VOTE_CAST", 6)));
    expect([view.room?.sequence, refetch]).toEqual([6, false]);
  });

  it("reads the room again after a gap, and keeps presence without a room", () => {
    const held: RoomView = { room: room(6), inRoomNow: ["u1"] };
    const gap = applyRoomEvent(held, event("VOTE_CAST", 8));
    expect(gap.refetch).toBe(true);
    expect(gap.view.room?.sequence).toBe(6);
    const presence = applyRoomEvent(held, event("PRESENCE", 6, false, ["u1", "u2"]));
    expect(presence.refetch).toBe(false);
    expect(presence.view).toEqual({ room: held.room, inRoomNow: ["u1", "u2"] });
  });

  it("takes a command's answer unless a live event already brought a newer room", () => {
    const held: RoomView = { room: room(9), inRoomNow: [] };
    expect(withRoom(held, room(8))).toBe(held);
    expect(withRoom(held, room(10)).room?.sequence).toBe(10);
  });
});

describe("the room's connection, against the server", () => {
  let t: TestApp;
  let sessionId: string;
  let chairToken: string;
  let memberToken: string;
  let memberId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo(t.database.prisma, { members: 40, requests: 120 });
    const session = await t.database.prisma.committeeSession.findFirstOrThrow();
    sessionId = gid("CommitteeSession", session.id);
    chairToken = await t.signIn("chair@wasl.demo", "Chair#2026");
    memberToken = await t.signIn("committee1@wasl.demo", "Committee#2026");
    const member = await t.database.prisma.user.findUniqueOrThrow({
      where: { email: "committee1@wasl.demo" },
    });
    memberId = gid("User", member.id);
  });
  afterAll(() => t?.close());

  it("follows the room, and after the socket drops reconnects by itself from a fresh snapshot", async () => {
    const sockets: WebSocket[] = [];
    // The browser sends the session cookie with the upgrade; so does this socket.
    class CookieSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie: `wasl_session=${memberToken}` } });
        sockets.push(this);
      }
    }
    const statuses: LiveStatus[] = [];
    const events: CommitteeRoomEvent[] = [];
    const dispose = openRoomConnection({
      url: `${t.url.replace(/^http/, "ws")}/graphql`,
      session: sessionId,
      webSocketImpl: CookieSocket,
      onStatus: (status) => statuses.push(status),
      onEvent: (e) => events.push(e),
      onSessionEnded: () => {
        throw new Error("the session did not end");
      },
    });
    try {
      await vi.waitFor(() => expect(events[0]?.change).toBe("SNAPSHOT"), { timeout: 10_000 });
      const snapshot = events[0]!.room!;
      expect(snapshot.status).toBe("SCHEDULED");
      expect(snapshot.viewerIsMember).toBe(true);
      await vi.waitFor(() => expect(events.some((e) => e.inRoomNow.includes(memberId))).toBe(true));

      const opened = await t.gql(
        `mutation($input: OpenCommitteeSessionInput!) { openCommitteeSession(input: $input) {
          __typename ... on OpenCommitteeSessionSuccess { room { sequence status } } } }`,
        { input: { session: sessionId, version: snapshot.version, present: [memberId] } },
        { token: chairToken },
      );
      expect(opened.data?.openCommitteeSession.__typename).toBe("OpenCommitteeSessionSuccess");
      await vi.waitFor(() =>
        expect(events.find((e) => e.change === "SESSION_OPENED")?.room?.status).toBe("OPEN"),
      );
      const openedEvent = events.find((e) => e.change === "SESSION_OPENED")!;
      expect(openedEvent.sequence).toBe(opened.data?.openCommitteeSession.room.sequence);
      const seat = openedEvent.room!.members.find((m) => m.user.id === memberId);
      expect(seat?.present).toBe(true);

      // The network drops the socket (no close frame): the connection says so and comes back.
      const before = events.length;
      sockets.at(-1)!.terminate();
      await vi.waitFor(() => expect(statuses).toContain("offline"), { timeout: 5_000 });
      await vi.waitFor(() => expect(statuses.at(-1)).toBe("live"), { timeout: 15_000 });
      expect(sockets.length).toBe(2);
      await vi.waitFor(() =>
        expect(events.slice(before).some((e) => e.change === "SNAPSHOT")).toBe(true),
      );
      const resumed = events.slice(before).find((e) => e.change === "SNAPSHOT")!;
      expect(resumed.room?.status).toBe("OPEN");
      expect(resumed.sequence).toBeGreaterThanOrEqual(openedEvent.sequence);
    } finally {
      dispose();
    }
  });
});
