// A committee to test with: a chair, members and staff signed in to the test app, requests
// raised to the committee, and the room's mutations called one way.
import { readFileSync } from "node:fs";
import { buildSchema, isUnionType } from "graphql";
import type { PrismaClient } from "../../api/db/client.js";
import type { Json, TestApp } from "./app.js";
import { signInStaff } from "./callers.js";
import { createMemberRecord, seedReferenceData } from "./fixtures.js";
import { gid } from "./ids.js";

/**
 * The printed schema (kept current by a test): read from the file, not by introspection, which
 * a server with NODE_ENV=production (the benches') refuses.
 */
const printedSchema = buildSchema(
  readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"),
);

/** The refused-transition types a result union has (each command checks its own states). */
function transitionErrorsOf(union: string): string[] {
  const type = printedSchema.getType(union);
  if (!isUnionType(type)) throw new Error(`${union} is not a union of the schema`);
  return type
    .getTypes()
    .map((member) => member.name)
    .filter((name) => name.endsWith("TransitionError"));
}

export const roomFields = `session status version sequence hasMinutes viewerIsChair
  members { user { id fullName } chair present }
  currentItem { id }
  items { id position status version request reference requestStatus
    tally { approve reject abstain } quorum { members eligiblePresent required met }
    votesNamed voterCount votes { voter { id fullName } choice comment } myVote { choice }
    recusals { member { id } reason } outcome chairBrokeTie decisionReason deferral deferredReason }`;

export type Committee = Awaited<ReturnType<typeof setUpCommittee>>;

export async function setUpCommittee(t: TestApp) {
  const db: PrismaClient = t.database.prisma;
  await seedReferenceData(db, { templates: true });
  const [staff, chair, m1, m2, m3, outsider, admin] = await Promise.all([
    signInStaff(t, "staff@test.sa", ["STAFF"]),
    signInStaff(t, "chair@test.sa", ["COMMITTEE_MEMBER", "COMMITTEE_CHAIR"], {
      fullName: "رئيس اللجنة",
    }),
    signInStaff(t, "m1@test.sa", ["COMMITTEE_MEMBER"], { fullName: "العضو الأول" }),
    signInStaff(t, "m2@test.sa", ["COMMITTEE_MEMBER"], { fullName: "العضو الثاني" }),
    signInStaff(t, "m3@test.sa", ["COMMITTEE_MEMBER"], { fullName: "العضو الثالث" }),
    signInStaff(t, "outsider@test.sa", ["COMMITTEE_MEMBER"], { fullName: "عضو غير مدعو" }),
    signInStaff(t, "admin@test.sa", ["ADMIN"]),
  ]);
  let serial = 0;

  /** A financial support request raised to the committee, as the life cycle leaves it. */
  async function requestInCommittee(amount = "2500") {
    const member = await createMemberRecord(db);
    serial++;
    return db.request.create({
      data: {
        memberId: member.id,
        typeCode: "FINANCIAL_SUPPORT",
        channel: "IN_PERSON",
        subject: `طلب دعم مالي ${serial}`,
        amountRequested: amount,
        status: "IN_COMMITTEE",
        reference: `REQ-1448-${String(900_000 + serial)}`,
        submittedAt: new Date(),
        decisionDueAt: new Date(Date.now() + 10 * 86_400_000),
      },
    });
  }

  const transitionFields: Record<string, string> = {
    CommitteeSessionTransitionError: "sessionStatus allowedCommitteeActions",
    AgendaItemTransitionError: "agendaItemStatus allowedCommitteeActions",
    RequestTransitionError: "requestStatus allowedRequestActions",
  };

  /** Calls a room mutation; answers its result (room, or the error's fields). */
  async function call(name: string, input: Record<string, unknown>, token: string): Promise<Json> {
    const type = name[0]!.toUpperCase() + name.slice(1);
    const transitions = transitionErrorsOf(`${type}Result`)
      .map((error) => `... on ${error} { ${transitionFields[error]} }`)
      .join("\n");
    const result = await t.gql(
      `mutation($input: ${type}Input!) { ${name}(input: $input) {
        __typename
        ... on ${type}Success { room { ${roomFields} } }
        ... on Error { code message }
        ... on PreconditionFailedError { reason }
        ... on ValidationError { fieldErrors { path message } }
        ${transitions}
      } }`,
      { input },
      { token },
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data![name];
  }

  /** A scheduled session of the chair and the three members, with these requests on its agenda. */
  async function sessionWith(requestIds: string[], settings: Record<string, unknown> = {}) {
    const scheduled = await call(
      "scheduleCommitteeSession",
      {
        scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
        chair: gid("User", chair.user.id),
        members: [m1, m2, m3].map((m) => gid("User", m.user.id)),
        ...settings,
      },
      staff.token,
    );
    let room = scheduled.room;
    for (const id of requestIds)
      room = (
        await call(
          "addToCommitteeAgenda",
          { session: room.session, request: gid("Request", id) },
          staff.token,
        )
      ).room;
    return room;
  }

  /** Opens the session with these present (the chair always is). */
  async function open(room: Json, present: { user: { id: string } }[]) {
    return (
      await call(
        "openCommitteeSession",
        {
          session: room.session,
          version: room.version,
          present: present.map((p) => gid("User", p.user.id)),
        },
        chair.token,
      )
    ).room;
  }

  return {
    db,
    staff,
    chair,
    m1,
    m2,
    m3,
    outsider,
    admin,
    requestInCommittee,
    call,
    sessionWith,
    open,
  };
}
