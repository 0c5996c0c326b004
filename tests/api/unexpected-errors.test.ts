// An unexpected failure stays masked for the client but is logged once, with what an operator
// needs (operation, caller, request id, stack), and the client gets the request id to quote.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfHeader } from "../../api/yoga.js";
import { type Json, socketClient, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";

let t: TestApp;
let token: string;
let staffId: string;
const logged: Json[] = [];

beforeAll(async () => {
  const log = pino({ level: "info" }, { write: (line: string) => logged.push(JSON.parse(line)) });
  t = await startTestApp({ log });
  const signedIn = await signInStaff(t, "staff@test.sa", ["STAFF"]);
  staffId = signedIn.user.id;
  token = signedIn.token;
});

afterAll(async () => {
  await t?.close();
});

/** Runs `body` while the Member table is renamed away: every resolver reading it fails. */
async function withoutMemberTable<T>(body: () => Promise<T>): Promise<T> {
  await t.database.prisma.$executeRawUnsafe(`ALTER TABLE "Member" RENAME TO "MemberAway"`);
  try {
    return await body();
  } finally {
    await t.database.prisma.$executeRawUnsafe(`ALTER TABLE "MemberAway" RENAME TO "Member"`);
  }
}

const failures = () => logged.filter((entry) => String(entry.msg).startsWith("unexpected error"));

describe("unexpected errors", () => {
  it("are logged once with operation, caller, request id and stack; the id is returned", async () => {
    const before = failures().length;
    const response = await withoutMemberTable(() =>
      fetch(`${t.url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [csrfHeader]: "1",
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({
          query: "query MembersCount { members(first: 5) { totalCount } }",
          operationName: "MembersCount",
        }),
      }),
    );
    const requestId = response.headers.get("x-request-id");
    const body = (await response.json()) as Json;
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].message).toBe("Unexpected error.");
    expect(body.errors[0].extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId });
    expect(JSON.stringify(body)).not.toMatch(/MemberAway|relation|does not exist|stack/);

    const entries = failures().slice(before);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry.level).toBe(50);
    expect(entry.requestId).toBe(requestId);
    expect(entry.operationName).toBe("MembersCount");
    expect(entry.callerId).toBe(staffId);
    expect(entry.path).toEqual(["members", "totalCount"]);
    expect(entry.err.stack).toMatch(/MemberAway|Member/);
  });

  it("over WebSocket too: logged once, the operation's request id returned", async () => {
    const before = failures().length;
    const client = socketClient(t.url, {
      connectionParams: { authorization: `Bearer ${token}` },
    });
    try {
      const outcome = await withoutMemberTable(
        () =>
          new Promise<Json>((resolve) => {
            client.subscribe(
              { query: "query SocketMembers { members(first: 5) { totalCount } }" },
              { next: resolve, error: (errors) => resolve({ errors }), complete: () => {} },
            );
          }),
      );
      expect(outcome.errors[0].message).toBe("Unexpected error.");
      const { code, requestId } = outcome.errors[0].extensions;
      expect(code).toBe("INTERNAL_SERVER_ERROR");
      const entries = failures().slice(before);
      expect(entries).toHaveLength(1);
      expect(entries[0].requestId).toBe(requestId);
      expect(entries[0].operationName).toBe("SocketMembers");
      expect(entries[0].callerId).toBe(staffId);
    } finally {
      await client.dispose();
    }
  });

  it("expected failures (typed errors, bad queries) are not logged as unexpected", async () => {
    const before = failures().length;
    await t.gql("{ membr }");
    await t.gql("{ me { email } }");
    expect(failures().slice(before)).toEqual([]);
  });
});
