// The committee room's rules through the real API and database (issue 15): sessions and
// agenda, attendance and quorum, votes and recusals, the decision in one transaction (and
// once), deferral, minutes, ballot visibility, and the chair's decision alone only for a
// meeting held outside Wasl.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { type Committee, setUpCommittee } from "../helpers/committee.js";
import { testEngine } from "../helpers/database.js";
import { outsideMeeting } from "../helpers/fixtures.js";
import { gid, rawId } from "../helpers/ids.js";

let t: TestApp;
let c: Committee;

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  c = await setUpCommittee(t);
});
afterAll(() => t?.close());

/** Opens the vote on the session's first item, has these members vote, and closes it. */
async function voteOn(room: { items: { id: string }[] }, ballots: [{ token: string }, string][]) {
  const item = room.items[0]!.id;
  await c.call("openCommitteeVoting", { item }, c.chair.token);
  for (const [who, choice] of ballots)
    expect((await c.call("castCommitteeVote", { item, choice }, who.token)).__typename).toBe(
      "CastCommitteeVoteSuccess",
    );
  return (await c.call("closeCommitteeVoting", { item }, c.chair.token)).room;
}

/** The chair finalises the room's first item, at the version its closed vote left. */
function finaliseFirst(room: { items: { id: string; version: number }[] }, reason: string) {
  const item = room.items[0]!;
  return c.call(
    "finaliseCommitteeItem",
    { item: item.id, version: item.version, reason },
    c.chair.token,
  );
}

describe("sessions and agenda", () => {
  it("numbers sessions per Hijri year and refuses a chair or members without the role, naming the field", async () => {
    const bad = await c.call(
      "scheduleCommitteeSession",
      {
        scheduledAt: new Date().toISOString(),
        chair: gid("User", c.m1.user.id),
        members: [gid("User", c.staff.user.id)],
        quorumPercent: 120,
      },
      c.staff.token,
    );
    expect(bad.__typename).toBe("ValidationError");
    expect(bad.fieldErrors.map((e: { path: string[] }) => e.path.join("."))).toEqual([
      "input.quorumPercent",
      "input.chair",
      "input.members",
    ]);
    expect(await c.db.committeeSession.count()).toBe(0);

    const first = await c.sessionWith([]);
    const second = await c.sessionWith([]);
    const stored = await c.db.committeeSession.findMany({ orderBy: { number: "asc" } });
    expect(stored.map((s) => [s.year, s.number])).toEqual([
      [stored[0]!.year, 1],
      [stored[0]!.year, 2],
    ]);
    expect(stored[0]!.year).toBeGreaterThanOrEqual(1448);
    expect(first.members).toHaveLength(4);
    expect(first.members[0]).toMatchObject({ chair: true, present: false });
    expect(second.status).toBe("SCHEDULED");
  });

  it("refuses scheduling to a committee member (the manage permission) and to a partner", async () => {
    const refused = await c.call(
      "scheduleCommitteeSession",
      { scheduledAt: new Date().toISOString(), chair: gid("User", c.chair.user.id), members: [] },
      c.m1.token,
    );
    expect(refused.code).toBe("FORBIDDEN");
  });

  it("puts a request on one open agenda only, and only a request with the committee", async () => {
    const request = await c.requestInCommittee();
    const a = await c.sessionWith([request.id]);
    const b = await c.sessionWith([]);
    const twice = await c.call(
      "addToCommitteeAgenda",
      { session: b.session, request: gid("Request", request.id) },
      c.staff.token,
    );
    expect(twice).toMatchObject({
      __typename: "PreconditionFailedError",
      reason: "ON_ANOTHER_AGENDA",
    });
    const first = await c.db.committeeSession.findUniqueOrThrow({
      where: { id: rawId(a.session) },
    });
    expect(twice.message).toContain(`${first.number}/${first.year}`);
    const notYet = await c.db.request.update({
      where: { id: (await c.requestInCommittee()).id },
      data: { status: "SUBMITTED" },
    });
    const early = await c.call(
      "addToCommitteeAgenda",
      { session: b.session, request: gid("Request", notYet.id) },
      c.staff.token,
    );
    expect(early).toMatchObject({
      __typename: "PreconditionFailedError",
      reason: "NOT_IN_COMMITTEE",
    });
  });

  it.skipIf(testEngine !== "postgresql")(
    "holds one open agenda per request against concurrent additions to two sessions",
    async () => {
      const request = await c.requestInCommittee();
      const [a, b] = [await c.sessionWith([]), await c.sessionWith([])];
      const results = await Promise.all(
        [a, b].map((room) =>
          c.call(
            "addToCommitteeAgenda",
            { session: room.session, request: gid("Request", request.id) },
            c.staff.token,
          ),
        ),
      );
      expect(results.map((r) => r.__typename).sort()).toEqual(
        ["AddToCommitteeAgendaSuccess", "PreconditionFailedError"].sort(),
      );
      expect(await c.db.agendaItem.count({ where: { requestId: request.id } })).toBe(1);
    },
  );

  it("reorders items not yet voted on, and only those", async () => {
    const [r1, r2, r3] = [
      await c.requestInCommittee(),
      await c.requestInCommittee(),
      await c.requestInCommittee(),
    ];
    const room = await c.sessionWith([r1.id, r2.id, r3.id]);
    const moved = await c.call(
      "moveCommitteeAgendaItem",
      { item: room.items[2].id, position: 1 },
      c.staff.token,
    );
    expect(moved.room.items.map((i: { request: string }) => rawId(i.request))).toEqual([
      r3.id,
      r1.id,
      r2.id,
    ]);
    expect(moved.room.items.map((i: { position: number }) => i.position)).toEqual([1, 2, 3]);
    const open = await c.open(moved.room, [c.m1, c.m2]);
    await c.call("openCommitteeVoting", { item: open.items[0].id }, c.chair.token);
    const voting = await c.call(
      "moveCommitteeAgendaItem",
      { item: open.items[0].id, position: 3 },
      c.staff.token,
    );
    expect(voting).toMatchObject({
      __typename: "AgendaItemTransitionError",
      code: "INVALID_TRANSITION",
      agendaItemStatus: "VOTING",
      allowedCommitteeActions: ["CAST_VOTE", "RECUSE", "CLOSE_VOTING", "DEFER"],
    });
    expect(voting.message).toContain("قيد التصويت");
  });
});

describe("voting", () => {
  it("takes one vote per member, changeable while the vote is open and refused after, clearly", async () => {
    const request = await c.requestInCommittee();
    const room = await c.open(await c.sessionWith([request.id]), [c.m1, c.m2, c.m3]);
    const item = room.items[0].id;
    const early = await c.call("castCommitteeVote", { item, choice: "APPROVE" }, c.m1.token);
    expect(early).toMatchObject({
      __typename: "AgendaItemTransitionError",
      agendaItemStatus: "PENDING",
      allowedCommitteeActions: ["BUILD_AGENDA", "OPEN_VOTING", "RECUSE", "DEFER"],
    });
    await c.call("openCommitteeVoting", { item }, c.chair.token);
    await c.call("castCommitteeVote", { item, choice: "APPROVE" }, c.m1.token);
    const changed = await c.call(
      "castCommitteeVote",
      { item, choice: "REJECT", comment: "بعد المراجعة" },
      c.m1.token,
    );
    expect(changed.room.items[0].tally).toEqual({ approve: 0, reject: 1, abstain: 0 });
    expect(changed.room.items[0].myVote).toEqual({ choice: "REJECT" });
    expect(await c.db.vote.count({ where: { agendaItemId: rawId(item) } })).toBe(1);
    await c.call("closeCommitteeVoting", { item }, c.chair.token);
    const late = await c.call("castCommitteeVote", { item, choice: "APPROVE" }, c.m2.token);
    expect(late).toMatchObject({
      __typename: "AgendaItemTransitionError",
      agendaItemStatus: "VOTING_CLOSED",
      allowedCommitteeActions: ["OPEN_VOTING", "FINALISE", "DEFER"],
    });
    expect(late.message).toContain("أُغلق التصويت");
  });

  it("lets only members present, invited and not recused vote; only the chair runs the vote", async () => {
    const request = await c.requestInCommittee();
    const room = await c.open(await c.sessionWith([request.id]), [c.m1]);
    const item = room.items[0].id;
    expect((await c.call("openCommitteeVoting", { item }, c.m1.token)).code).toBe("FORBIDDEN");
    await c.call("openCommitteeVoting", { item }, c.chair.token);
    const absent = await c.call("castCommitteeVote", { item, choice: "APPROVE" }, c.m2.token);
    expect(absent).toMatchObject({ __typename: "PreconditionFailedError", reason: "NOT_PRESENT" });
    expect(
      (await c.call("castCommitteeVote", { item, choice: "APPROVE" }, c.outsider.token)).code,
    ).toBe("NOT_FOUND");
    // The member joins, votes, then steps aside: the vote is withdrawn and no new one is taken.
    await c.call("markCommitteeAttendance", { session: room.session, present: true }, c.m2.token);
    await c.call("castCommitteeVote", { item, choice: "APPROVE" }, c.m2.token);
    const recused = await c.call(
      "recuseFromCommitteeItem",
      { item, reason: "قريب مقدّم الطلب" },
      c.m2.token,
    );
    expect(recused.room.items[0].recusals).toEqual([
      { member: { id: gid("User", c.m2.user.id) }, reason: "قريب مقدّم الطلب" },
    ]);
    expect(recused.room.items[0].tally.approve).toBe(0);
    expect(recused.room.items[0].quorum).toMatchObject({
      members: 4,
      eligiblePresent: 2,
      met: false,
    });
    const again = await c.call("castCommitteeVote", { item, choice: "APPROVE" }, c.m2.token);
    expect(again).toMatchObject({ __typename: "PreconditionFailedError", reason: "RECUSED" });
    const noReason = await c.call("recuseFromCommitteeItem", { item, reason: "  " }, c.m1.token);
    expect(noReason.fieldErrors).toEqual([
      { path: ["input", "reason"], message: expect.any(String) },
    ]);
  });
});

describe("decisions", () => {
  it("decides by majority and moves the request, with timeline, audit and the member's notification, in one commit", async () => {
    const request = await c.requestInCommittee("1800");
    const room = await c.open(await c.sessionWith([request.id]), [c.m1, c.m2, c.m3]);
    const closed = await voteOn(room, [
      [c.m1, "APPROVE"],
      [c.m2, "APPROVE"],
      [c.m3, "REJECT"],
      [c.chair, "ABSTAIN"],
    ]);
    const item = closed.items[0];
    const decided = await finaliseFirst(closed, "استوفى شروط الدعم");
    expect(decided.room.items[0]).toMatchObject({
      status: "DECIDED",
      outcome: "APPROVED",
      requestStatus: "APPROVED",
      tally: { approve: 2, reject: 1, abstain: 1 },
      decisionReason: "استوفى شروط الدعم",
    });
    const stored = await c.db.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored).toMatchObject({
      status: "APPROVED",
      decision: "APPROVED",
      decisionReason: "استوفى شروط الدعم",
    });
    expect(stored.amountApproved?.toString()).toBe("1800");
    expect(stored.decidedAt).not.toBeNull();
    const timeline = await c.db.timelineEvent.findFirstOrThrow({
      where: { requestId: request.id, kind: "DECISION_RECORDED" },
    });
    expect(timeline.data).toMatchObject({
      decision: "APPROVED",
      record: { via: "SESSION", approve: 2, reject: 1, abstain: 1, chairBrokeTie: false },
    });
    expect(
      await c.db.notification.count({ where: { requestId: request.id, event: "DECIDED" } }),
    ).toBeGreaterThan(0);
    expect(
      await c.db.auditEntry.count({
        where: { entityType: "AgendaItem", entityId: rawId(item.id), action: "TRANSITION" },
      }),
    ).toBeGreaterThan(0);
  });

  it("decides exactly once when the chair finalises twice at the same time", async () => {
    const request = await c.requestInCommittee();
    const room = await c.open(await c.sessionWith([request.id]), [c.m1, c.m2]);
    const closed = await voteOn(room, [
      [c.m1, "REJECT"],
      [c.m2, "REJECT"],
    ]);
    const item = closed.items[0];
    const input = { item: item.id, version: item.version, reason: "لا تنطبق الشروط" };
    const results = await Promise.all([
      c.call("finaliseCommitteeItem", input, c.chair.token),
      c.call("finaliseCommitteeItem", input, c.chair.token),
    ]);
    const kinds = results.map((r) => r.__typename);
    expect(kinds.filter((k) => k === "FinaliseCommitteeItemSuccess")).toHaveLength(1);
    expect(kinds.filter((k) => k !== "FinaliseCommitteeItemSuccess")[0]).toMatch(
      /TransitionError|ConflictError/,
    );
    expect(
      await c.db.timelineEvent.count({
        where: { requestId: request.id, kind: "DECISION_RECORDED" },
      }),
    ).toBe(1);
    // One notification per channel, not two.
    const sent = await c.db.notification.groupBy({
      by: ["channel"],
      where: { requestId: request.id, event: "DECIDED" },
      _count: true,
    });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((row) => row._count === 1)).toBe(true);
    expect((await c.db.request.findUniqueOrThrow({ where: { id: request.id } })).status).toBe(
      "REJECTED",
    );
  });

  it("decides nothing without quorum, and writes nothing", async () => {
    const request = await c.requestInCommittee();
    const room = await c.open(await c.sessionWith([request.id]), [c.m1]);
    const closed = await voteOn(room, [[c.m1, "APPROVE"]]);
    const item = closed.items[0];
    const refused = await finaliseFirst(closed, "مستوفٍ");
    expect(refused).toMatchObject({ __typename: "PreconditionFailedError", reason: "NO_QUORUM" });
    expect(refused.message).toContain("النصاب");
    expect((await c.db.request.findUniqueOrThrow({ where: { id: request.id } })).status).toBe(
      "IN_COMMITTEE",
    );
    expect(
      (await c.db.agendaItem.findUniqueOrThrow({ where: { id: rawId(item.id) } })).status,
    ).toBe("VOTING_CLOSED");
  });

  it("breaks a tie with the chair's casting vote", async () => {
    const request = await c.requestInCommittee();
    const room = await c.open(await c.sessionWith([request.id]), [c.m1, c.m2, c.m3]);
    const closed = await voteOn(room, [
      [c.m1, "APPROVE"],
      [c.m2, "REJECT"],
      [c.m3, "APPROVE"],
      [c.chair, "REJECT"],
    ]);
    const decided = await finaliseFirst(closed, "رجّح الرئيس");
    expect(decided.room.items[0]).toMatchObject({ outcome: "REJECTED", chairBrokeTie: true });
  });

  it("defers a tie when the session's rule says so: the request stays with the committee, free for the next agenda", async () => {
    const request = await c.requestInCommittee();
    const room = await c.open(await c.sessionWith([request.id], { tieBreak: "DEFER" }), [
      c.m1,
      c.m2,
      c.m3,
    ]);
    const closed = await voteOn(room, [
      [c.m1, "APPROVE"],
      [c.m2, "REJECT"],
    ]);
    const deferred = await finaliseFirst(closed, "—");
    expect(deferred.room.items[0]).toMatchObject({ status: "DEFERRED", deferral: "TIE" });
    const stored = await c.db.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored.status).toBe("IN_COMMITTEE");
    expect(stored.decisionDueAt).toEqual(request.decisionDueAt);
    const next = await c.sessionWith([request.id]);
    expect(next.items).toHaveLength(1);
  });

  it("closes the session with minutes written once: undecided items deferred, none left in a vote", async () => {
    const [decidedRequest, waiting] = [await c.requestInCommittee(), await c.requestInCommittee()];
    const room = await c.open(await c.sessionWith([decidedRequest.id, waiting.id]), [c.m1, c.m2]);
    const closed = await voteOn(room, [
      [c.m1, "APPROVE"],
      [c.m2, "APPROVE"],
    ]);
    await finaliseFirst(closed, "مستحق <للدعم>");
    await c.call("openCommitteeVoting", { item: closed.items[1].id }, c.chair.token);
    const fresh = (
      await c.call("markCommitteeAttendance", { session: room.session, present: true }, c.m3.token)
    ).room;
    const busy = await c.call(
      "closeCommitteeSession",
      { session: room.session, version: fresh.version },
      c.chair.token,
    );
    expect(busy).toMatchObject({
      __typename: "PreconditionFailedError",
      reason: "VOTING_IN_PROGRESS",
    });
    await c.call("closeCommitteeVoting", { item: closed.items[1].id }, c.chair.token);
    const ended = await c.call(
      "closeCommitteeSession",
      { session: room.session, version: fresh.version },
      c.chair.token,
    );
    expect(ended.room).toMatchObject({ status: "CLOSED", hasMinutes: true });
    expect(ended.room.items[1]).toMatchObject({ status: "DEFERRED", deferral: "SESSION_CLOSED" });
    const session = await c.db.committeeSession.findUniqueOrThrow({
      where: { id: rawId(room.session) },
    });
    expect(session.minutes).toContain("محضر اجتماع لجنة البحث");
    expect(session.minutes).toContain("العضو الأول");
    expect(session.minutes).toContain("مستحق &lt;للدعم&gt;");
    expect(session.minutes).toMatch(/1448|144\d/);
    // Read from the session and from the request's case file.
    const read = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Request { committeeHistory { status outcome session { minutes number } } } } }`,
      { id: gid("Request", decidedRequest.id) },
      { token: c.m1.token },
    );
    expect(read.data?.node.committeeHistory).toEqual([
      {
        status: "DECIDED",
        outcome: "APPROVED",
        session: { minutes: session.minutes, number: session.number },
      },
    ]);
    // Closed for good: the minutes do not change.
    const reclose = await c.call(
      "closeCommitteeSession",
      { session: room.session, version: ended.room.version },
      c.chair.token,
    );
    expect(reclose).toMatchObject({
      __typename: "CommitteeSessionTransitionError",
      sessionStatus: "CLOSED",
      allowedCommitteeActions: [],
    });
    expect(
      (await c.db.committeeSession.findUniqueOrThrow({ where: { id: session.id } })).minutes,
    ).toBe(session.minutes);
  });
});

describe("ballot visibility", () => {
  it("in a secret ballot shows counts live and names once decided", async () => {
    const request = await c.requestInCommittee();
    const room = await c.open(
      await c.sessionWith([request.id], { ballotVisibility: "SECRET_UNTIL_DECIDED" }),
      [c.m1, c.m2],
    );
    const item = room.items[0].id;
    await c.call("openCommitteeVoting", { item }, c.chair.token);
    await c.call("castCommitteeVote", { item, choice: "APPROVE" }, c.m1.token);
    const seen = await c.call("castCommitteeVote", { item, choice: "REJECT" }, c.m2.token);
    expect(seen.room.items[0]).toMatchObject({
      votesNamed: false,
      votes: [],
      voterCount: 2,
      tally: { approve: 1, reject: 1, abstain: 0 },
      myVote: { choice: "REJECT" },
    });
    await c.call("castCommitteeVote", { item, choice: "APPROVE" }, c.chair.token);
    const closed = (await c.call("closeCommitteeVoting", { item }, c.chair.token)).room;
    const decided = await c.call(
      "finaliseCommitteeItem",
      { item, version: closed.items[0].version, reason: "بالأغلبية" },
      c.chair.token,
    );
    expect(decided.room.items[0].votesNamed).toBe(true);
    expect(decided.room.items[0].votes).toHaveLength(3);
  });

  it("shows staff who manage sessions the counts but never named votes", async () => {
    const request = await c.requestInCommittee();
    const room = await c.open(await c.sessionWith([request.id]), [c.m1]);
    await c.call("openCommitteeVoting", { item: room.items[0].id }, c.chair.token);
    await c.call("castCommitteeVote", { item: room.items[0].id, choice: "APPROVE" }, c.m1.token);
    const read = await t.gql(
      `query($s: ID!) { committeeRoom(session: $s) { __typename ... on CommitteeRoomSuccess { room { items { votesNamed votes { choice } tally { approve } } } } } }`,
      { s: room.session },
      { token: c.staff.token },
    );
    expect(read.data?.committeeRoom.room.items[0]).toEqual({
      votesNamed: false,
      votes: [],
      tally: { approve: 1 },
    });
    const outsider = await t.gql(
      `query($s: ID!) { committeeRoom(session: $s) { __typename } }`,
      { s: room.session },
      { token: c.outsider.token },
    );
    expect(outsider.data?.committeeRoom.__typename).toBe("NotFoundError");
  });
});

describe("recordDecision alone", () => {
  it("is for a meeting outside Wasl: date and counts required, and refused for a request on an agenda", async () => {
    const text = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) {
      __typename ... on ValidationError { fieldErrors { path } } ... on PreconditionFailedError { reason } } }`;
    const onAgenda = await c.requestInCommittee();
    await c.sessionWith([onAgenda.id]);
    const refused = await t.gql(
      text,
      {
        input: {
          id: gid("Request", onAgenda.id),
          version: 1,
          decision: "APPROVED",
          reason: "x",
          ...outsideMeeting,
        },
      },
      { token: c.chair.token },
    );
    expect(refused.data?.recordDecision).toEqual({
      __typename: "PreconditionFailedError",
      reason: "ON_COMMITTEE_AGENDA",
    });
    const free = await c.requestInCommittee();
    const against = await t.gql(
      text,
      {
        input: {
          id: gid("Request", free.id),
          version: 1,
          decision: "APPROVED",
          reason: "x",
          ...outsideMeeting,
          meetingDate: "2999-01-01",
          votesFor: 1,
          votesAgainst: 3,
        },
      },
      { token: c.chair.token },
    );
    expect(
      against.data?.recordDecision.fieldErrors.map((e: { path: string[] }) => e.path[1]),
    ).toEqual(["meetingDate", "decision"]);
    const recorded = await t.gql(
      text,
      {
        input: {
          id: gid("Request", free.id),
          version: 1,
          decision: "APPROVED",
          reason: "x",
          ...outsideMeeting,
        },
      },
      { token: c.chair.token },
    );
    expect(recorded.data?.recordDecision.__typename).toBe("RecordDecisionSuccess");
    const timeline = await c.db.timelineEvent.findFirstOrThrow({
      where: { requestId: free.id, kind: "DECISION_RECORDED" },
    });
    expect(timeline.data).toMatchObject({
      record: {
        via: "OUTSIDE_MEETING",
        meetingDate: "2026-01-15",
        approve: 2,
        reject: 2,
        abstain: 1,
      },
    });
  });
});
