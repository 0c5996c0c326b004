// A request's committee history (`Request.committeeHistory`) lists only the sessions the
// caller may see (the session's one visibility policy, api/modules/committee/policy.ts): a
// committee member not invited to a session reads the rest of the history, not an error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed/index.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.database.prisma, { members: 40, requests: 120 });
});
afterAll(() => t?.close());

const historyQuery = `query($id: ID!) { request(id: $id) { id
  committeeHistory { id status session { id number year } } } }`;

describe("Request.committeeHistory", () => {
  it("shows each caller the sessions they may see, and no error for the others", async () => {
    const item = await t.database.prisma.agendaItem.findFirstOrThrow({
      include: { session: true },
    });
    const requestId = gid("Request", item.requestId);
    const sessionId = gid("CommitteeSession", item.sessionId);

    const invited = await t.signIn("committee1@wasl.demo", "Committee#2026");
    const staff = await t.signIn("staff@wasl.demo", "Staff#2026");
    for (const token of [invited, staff]) {
      const seen = await t.gql(historyQuery, { id: requestId }, { token });
      expect(seen.errors).toBeUndefined();
      expect(seen.data?.request.committeeHistory).toEqual([
        {
          id: expect.any(String),
          status: "PENDING",
          session: { id: sessionId, number: item.session.number, year: item.session.year },
        },
      ]);
    }

    const { token: outsider } = await signInStaff(t, "member3@test.sa", ["COMMITTEE_MEMBER"]);
    const notInvited = await t.gql(historyQuery, { id: requestId }, { token: outsider });
    expect(notInvited.errors).toBeUndefined();
    expect(notInvited.data?.request).toEqual({ id: requestId, committeeHistory: [] });
  });
});
