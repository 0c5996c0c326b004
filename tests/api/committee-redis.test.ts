// Two API instances on one PostgreSQL database, their live events crossing through Redis
// (REDIS_URL): a vote cast through instance A reaches a screen connected to instance B.
// Runs in the "postgresql" project when TEST_REDIS_URL names a Redis server (.ci/run starts one).
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../api/db/client.js";
import { openDatabase } from "../../api/db/client.js";
import type { Json } from "../helpers/app.js";
import { socketClient } from "../helpers/app.js";
import { createServerDatabase, testEngine, testServerUrl } from "../helpers/database.js";
import {
  createMemberRecord,
  createStaffUser,
  password,
  seedReferenceData,
} from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";
import {
  cleanUpProcesses,
  gql,
  type ServerProcess,
  signIn,
  startServer,
} from "../helpers/process.js";

const redisUrl = process.env.TEST_REDIS_URL;
const runs = testEngine === "postgresql" && !!testServerUrl && !!redisUrl;

describe.runIf(process.env.CI && testEngine === "postgresql")("the CI machine", () => {
  it("provides a Redis server for the cross-instance test (TEST_REDIS_URL)", () => {
    expect(redisUrl).toBeTruthy();
  });
});

describe.runIf(runs)("a committee room across two instances through Redis", () => {
  let server: { url: string; drop(): Promise<void> };
  let database: Database;
  let a: ServerProcess;
  let b: ServerProcess;
  const clients: Client[] = [];

  beforeAll(async () => {
    server = await createServerDatabase();
    database = await openDatabase({ databaseUrl: server.url, dataDir: "memory://" });
    const db = database.prisma;
    await seedReferenceData(db);
    await createStaffUser(db, "staff@test.sa", ["STAFF"]);
    await createStaffUser(db, "chair@test.sa", ["COMMITTEE_MEMBER", "COMMITTEE_CHAIR"]);
    await createStaffUser(db, "m1@test.sa", ["COMMITTEE_MEMBER"]);
    const env = { DATABASE_URL: server.url, REDIS_URL: redisUrl!, WASL_SEED_DEMO: "false" };
    a = await startServer({ env });
    await a.ready;
    b = await startServer({ env });
    await b.ready;
  }, 240_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await cleanUpProcesses();
    await database?.close();
    await server?.drop();
  });

  it("delivers a vote cast through A to a member watching through B", async () => {
    const db = database.prisma;
    const staff = await signIn(a, { email: "staff@test.sa", password });
    const chair = await signIn(a, { email: "chair@test.sa", password });
    const m1 = await signIn(a, { email: "m1@test.sa", password });
    const users = await db.user.findMany({
      where: { email: { in: ["chair@test.sa", "m1@test.sa"] } },
    });
    const id = (email: string) => gid("User", users.find((u) => u.email === email)!.id);
    const member = await createMemberRecord(db);
    const request = await db.request.create({
      data: {
        memberId: member.id,
        typeCode: "FINANCIAL_SUPPORT",
        channel: "IN_PERSON",
        subject: "طلب دعم",
        amountRequested: "1000",
        status: "IN_COMMITTEE",
        reference: "REQ-1448-000777",
        submittedAt: new Date(),
        decisionDueAt: new Date(Date.now() + 86_400_000),
      },
    });
    const room = (text: string, variables: Record<string, unknown>, token: string) =>
      gql<Json>(a, text, variables, token).then((result) => {
        const answer = Object.values(result.data ?? {})[0] as Json;
        if (!answer?.room) throw new Error(JSON.stringify(result));
        return answer.room;
      });
    const scheduled = await room(
      `mutation($input: ScheduleCommitteeSessionInput!) { scheduleCommitteeSession(input: $input) {
        ... on ScheduleCommitteeSessionSuccess { room { session version items { id } } } } }`,
      {
        input: {
          scheduledAt: new Date().toISOString(),
          chair: id("chair@test.sa"),
          members: [id("m1@test.sa")],
        },
      },
      staff,
    );
    const agenda = await room(
      `mutation($input: AddToCommitteeAgendaInput!) { addToCommitteeAgenda(input: $input) {
        ... on AddToCommitteeAgendaSuccess { room { session version items { id } } } } }`,
      { input: { session: scheduled.session, request: gid("Request", request.id) } },
      staff,
    );
    const item = agenda.items[0].id;
    await room(
      `mutation($input: OpenCommitteeSessionInput!) { openCommitteeSession(input: $input) {
        ... on OpenCommitteeSessionSuccess { room { version } } } }`,
      {
        input: { session: scheduled.session, version: agenda.version, present: [id("m1@test.sa")] },
      },
      chair,
    );
    await room(
      `mutation($input: OpenCommitteeVotingInput!) { openCommitteeVoting(input: $input) {
        ... on OpenCommitteeVotingSuccess { room { version } } } }`,
      { input: { item } },
      chair,
    );

    // The chair watches through B.
    const events: Json[] = [];
    // The vote cast through A once the room's snapshot arrived; awaited below, since the event
    // through B may come before A's answer, which must not be cut off by the instances stopping.
    let cast: Promise<unknown> | undefined;
    const voteSeen = new Promise<Json>((resolve, reject) => {
      const client = socketClient(b.url, {
        connectionParams: { authorization: `Bearer ${chair}` },
      });
      clients.push(client);
      client.subscribe(
        {
          query: `subscription($s: ID!) { committeeRoom(session: $s) { change sequence room { items { tally { approve } } } } }`,
          variables: { s: scheduled.session },
        },
        {
          next: (result) => {
            const event = result.data?.committeeRoom as Json;
            events.push(event);
            if (event?.change === "VOTE_CAST") resolve(event);
            else if (event?.change === "SNAPSHOT" && !cast) {
              cast = castThroughA();
              cast.catch(reject);
            }
          },
          error: reject,
          complete: () => reject(new Error("completed early")),
        },
      );
    });
    const castThroughA = () =>
      room(
        `mutation($input: CastCommitteeVoteInput!) { castCommitteeVote(input: $input) {
          ... on CastCommitteeVoteSuccess { room { version } } } }`,
        { input: { item, choice: "APPROVE" } },
        m1,
      );
    const seen = await voteSeen;
    await cast;
    expect(seen.room.items[0].tally.approve).toBe(1);
    expect(events[0].change).toBe("SNAPSHOT");
    expect(seen.sequence).toBeGreaterThan(events[0].sequence);
  });
});
