// A version conflict says what happened: the record changed since it was opened, by whom
// (you, in another tab; or a named colleague) and when, and to reload it. It used to blame
// "another user" even when the same user had saved from another tab.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
let sara: string;
let omar: string;
let memberId: string;

const update = `mutation($input: UpdateMemberInput!) {
  updateMember(input: $input) {
    __typename
    ... on UpdateMemberSuccess { member { version } }
    ... on ConflictError { code message expectedVersion currentVersion changedBy changedAt }
  }
}`;

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  const db = t.database.prisma;
  sara = (await signInStaff(t, "sara@test.sa", ["STAFF"], { fullName: "سارة الموظفة" })).token;
  omar = (await signInStaff(t, "omar@test.sa", ["STAFF"], { fullName: "عمر الموظف" })).token;
  memberId = gid("Member", (await createMemberRecord(db)).id);
});

afterAll(() => t?.close());

describe("a stale version", () => {
  it("saved by the same user in another tab: says so, not 'another user', and to reload", async () => {
    const first = await t.gql(
      update,
      { input: { id: memberId, version: 1, city: "جدة" } },
      {
        token: sara,
      },
    );
    expect(first.data?.updateMember.member.version).toBe(2);

    // The second tab still holds version 1.
    const ar = await t.gql(
      update,
      { input: { id: memberId, version: 1, city: "مكة" } },
      {
        token: sara,
      },
    );
    const conflict = ar.data?.updateMember;
    expect(conflict).toMatchObject({
      __typename: "ConflictError",
      code: "CONFLICT",
      expectedVersion: 1,
      currentVersion: 2,
      changedBy: "سارة الموظفة",
    });
    expect(Date.now() - new Date(conflict.changedAt).getTime()).toBeLessThan(60_000);
    expect(conflict.message).not.toMatch(/مستخدم آخر/);
    expect(conflict.message).toMatch(/أنت/);
    expect(conflict.message).toMatch(/أعد تحميل/);

    const en = await t.gql(
      update,
      { input: { id: memberId, version: 1, city: "مكة" } },
      {
        token: sara,
        language: "en",
      },
    );
    expect(en.data?.updateMember.message).not.toMatch(/someone else|another user/i);
    expect(en.data?.updateMember.message).toMatch(/You changed this record/);
    expect(en.data?.updateMember.message).toMatch(/Reload/);
  });

  it("saved by a colleague: names them and when", async () => {
    const result = await t.gql(
      update,
      { input: { id: memberId, version: 1, city: "مكة" } },
      {
        token: omar,
        language: "en",
      },
    );
    const conflict = result.data?.updateMember;
    expect(conflict.changedBy).toBe("سارة الموظفة");
    expect(conflict.message).toMatch(/^سارة الموظفة changed this record/);
    // The time, in Riyadh's clock.
    expect(conflict.message).toMatch(/\d{1,2}:\d{2}/);
    expect(conflict.message).toMatch(/Reload/);
  });
});
