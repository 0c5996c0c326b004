// What a status change costs the database: the statements one `startWork` sends, counted
// at the driver. A regression guard for the transition benchmark (tests/bench/transition.ts).
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord, seedReferenceData, takeInInquiry } from "../helpers/fixtures.js";

let t: TestApp;
let statements: string[] = [];
let token: string;

beforeAll(async () => {
  t = await startTestApp({ listen: false, onQuery: (sql) => statements.push(sql) });
  const db = t.database.prisma;
  await seedReferenceData(db, { templates: true });
  token = (await signInStaff(t, "staff@test.sa", ["STAFF"])).token;
});
afterAll(() => t.close());

it("moves a request SUBMITTED → IN_PROGRESS in one transaction of few statements", async () => {
  const member = await createMemberRecord(t.database.prisma);
  // Non-committee types are submitted at intake.
  const request = await takeInInquiry(t, token, member.id, {
    subject: "استفسار",
    description: "متى يصرف الدعم؟",
  });
  statements = [];
  const moved: Json = await t.gql(
    `mutation($input: StartWorkInput!) { startWork(input: $input) {
      __typename ... on StartWorkSuccess { request { id status version } } } }`,
    { input: { id: request.id, version: request.version } },
    { token },
  );
  expect(moved.data.startWork.request.status).toBe("IN_PROGRESS");
  const sent = statements.filter((sql) => !/^BEGIN/i.test(sql));
  const count = (pattern: RegExp) => sent.filter((sql) => pattern.test(sql)).length;
  // The request with its type and member; one statement for the writes (transition-
  // statement.ts: the guarded UPDATE RETURNING the row, the timeline event and the audit
  // entry); COMMIT. The answer selects the row's own columns: the row written answers them,
  // nothing is read after the commit. Not the caller's user row: it is in memory since the
  // request before.
  const writes = sent.filter((sql) => /UPDATE "Request"/.test(sql));
  expect(writes).toHaveLength(1);
  expect(writes[0]).toMatch(/INSERT INTO "TimelineEvent"/);
  expect(writes[0]).toMatch(/INSERT INTO "AuditEntry"/);
  expect(count(/^UPDATE|^INSERT/)).toBe(0);
  expect(count(/FROM "public"."Request"/)).toBe(1);
  expect(count(/FROM "public"."User"/)).toBe(0);
  expect(sent.length, sent.join("\n")).toBeLessThanOrEqual(3);

  // An answer that reaches past the row (the member) is read after the commit, as stored.
  const closing: Json = await t.gql(
    `mutation($input: ResolveRequestInput!) { resolveRequest(input: $input) {
      __typename ... on ResolveRequestSuccess {
        request { status version answer member { memberNumber } } } } }`,
    { input: { id: request.id, version: request.version + 1, answer: "يصرف نهاية الشهر" } },
    { token },
  );
  expect(closing.data.resolveRequest).toEqual({
    __typename: "ResolveRequestSuccess",
    request: {
      status: "RESOLVED",
      version: request.version + 2,
      answer: "يصرف نهاية الشهر",
      member: { memberNumber: member.memberNumber },
    },
  });
});
