// Stopping the server lets requests in flight finish, and their writes commit, before the
// database closes: a supervisor's SIGTERM loses no member that was being created.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMember } from "../helpers/process.js";

let t: TestApp;
let token: string;
let onInsert: (() => void) | undefined;

beforeAll(async () => {
  t = await startTestApp({
    onQuery: (sql) => {
      if (/INSERT INTO "?(public"?\.)?"?Member"? /i.test(sql)) onInsert?.();
    },
  });
  token = (
    await signInStaff(t, "staff@test.sa", ["STAFF"], {
      personalDataAccess: true,
    })
  ).token;
});

afterAll(() => t?.close());

describe("stop()", () => {
  it("answers the requests in flight, then closes", async () => {
    const inserting = new Promise<void>((resolve) => (onInsert = resolve));
    const creation = createMember(t, token);
    // Stop while the member's transaction is open.
    await inserting;
    const stopping = t.app.stop();
    expect(await creation).toEqual(expect.any(String));
    await stopping;
    expect(await t.database.prisma.member.count()).toBe(1);
    // New connections are refused once it stopped.
    await expect(fetch(`${t.url}/health`)).rejects.toThrow();
  });
});
