// The command runner (api/db/commands.ts) on a real database: events leave only after the
// commit and never after a rollback, a serialization failure is run again (a bounded number
// of times), and commands of two modules composed in one transaction commit or roll back
// together.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../api/auth/caller.js";
import { type CommandContext, isSerializationFailure, run } from "../../api/db/commands.js";
import { changeMember } from "../../api/modules/members/service.js";
import { createRequest } from "../../api/modules/requests/intake.js";
import { loadRequest } from "../../api/modules/requests/request-fields.js";
import { applyTransition } from "../../api/modules/requests/transition.js";
import type { WaslEvents } from "../../api/pubsub.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { createMemberRecord, createStaffUser, seedReferenceData } from "../helpers/fixtures.js";

let t: TestApp;
let staff: Caller;

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  const db = t.database.prisma;
  await seedReferenceData(db, { templates: true });
  const { id, email, fullName, roles } = await createStaffUser(db, "runner@test.sa", ["STAFF"]);
  staff = { kind: "user", id, email, fullName, roles, personalDataAccess: false };
});
afterAll(() => t?.close());

/** Every event of a topic published from now on, as it arrives. */
function listen<Topic extends keyof WaslEvents>(topic: Topic) {
  const received: WaslEvents[Topic][0][] = [];
  // Every topic here takes no id argument: subscribe(topic) alone.
  const subscribe = t.app.services.pubsub.subscribe as (topic: Topic) => AsyncIterable<unknown>;
  const iterator = subscribe(topic)[Symbol.asyncIterator]();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const next = await iterator.next();
      if (next.done) return;
      received.push(next.value as WaslEvents[Topic][0]);
    }
  })();
  return {
    received,
    async stop() {
      stopped = true;
      await iterator.return?.();
      await loop;
    },
  };
}

/** Lets any event already published reach the listeners. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** A real serialization failure, raised by the database itself (SQLSTATE 40001). */
async function serializationFailure(context: CommandContext) {
  await context.tx.$executeRawUnsafe(
    "DO $$ BEGIN RAISE EXCEPTION 'could not serialize access' USING ERRCODE = '40001'; END $$",
  );
}

/** A command that renames the member's district and announces it. */
function renameDistrict(district: string) {
  return async (context: CommandContext, memberId: string) => {
    const before = await context.tx.member.findUniqueOrThrow({ where: { id: memberId } });
    const changed = await changeMember(context, { before, data: { district } });
    return changed!.member;
  };
}

describe("events", () => {
  it("are published after the commit, not while the transaction runs", async () => {
    const member = await createMemberRecord(t.database.prisma);
    const events = listen("memberChanged");
    let seenDuringTransaction = -1;
    const rename = renameDistrict("الملقا");
    const updated = await run(
      t.app.services,
      staff,
      async (context, memberId: string) => {
        const result = await rename(context, memberId);
        await settle();
        seenDuringTransaction = events.received.length;
        return result;
      },
      member.id,
    );
    await settle();
    await events.stop();
    expect(seenDuringTransaction).toBe(0);
    expect(events.received).toEqual([
      expect.objectContaining({
        memberId: member.id,
        change: "UPDATED",
        version: updated.version,
        changedFields: ["district"],
      }),
    ]);
  });

  it("are not published at all when the transaction rolls back", async () => {
    const member = await createMemberRecord(t.database.prisma);
    const events = listen("memberChanged");
    const rename = renameDistrict("الياسمين");
    await expect(
      run(
        t.app.services,
        staff,
        async (context, memberId: string) => {
          await rename(context, memberId);
          throw new Error("fails after the change");
        },
        member.id,
      ),
    ).rejects.toThrow("fails after the change");
    await settle();
    await events.stop();
    expect(events.received).toEqual([]);
    const stored = await t.database.prisma.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(stored).toMatchObject({ district: member.district, version: member.version });
  });
});

describe("a serialization failure", () => {
  it("is recognised as the database reports it", async () => {
    const error = await run(t.app.services, staff, serializationFailure, undefined, {
      retries: 0,
    }).catch((e: unknown) => e);
    expect(isSerializationFailure(error)).toBe(true);
    expect(isSerializationFailure(new Error("something else"))).toBe(false);
  });

  it("is run again from the start; only the attempt that committed announces", async () => {
    const member = await createMemberRecord(t.database.prisma);
    const events = listen("memberChanged");
    let attempts = 0;
    const rename = renameDistrict("النرجس");
    const updated = await run(
      t.app.services,
      staff,
      async (context, memberId: string) => {
        attempts += 1;
        const result = await rename(context, memberId);
        if (attempts === 1) await serializationFailure(context);
        return result;
      },
      member.id,
    );
    await settle();
    await events.stop();
    expect(attempts).toBe(2);
    // The first attempt's write rolled back: the version moved once.
    expect(updated.version).toBe(member.version + 1);
    expect(events.received).toHaveLength(1);
    const audits = await t.database.prisma.auditEntry.count({
      where: { entityType: "Member", entityId: member.id, action: "UPDATE" },
    });
    expect(audits).toBe(1);
  });

  it("is retried a bounded number of times, then is the caller's error", async () => {
    let attempts = 0;
    const error = await run(
      t.app.services,
      staff,
      async (context) => {
        attempts += 1;
        await serializationFailure(context);
      },
      undefined,
      { retries: 2 },
    ).catch((e: unknown) => e);
    expect(isSerializationFailure(error)).toBe(true);
    expect(attempts).toBe(3);
  });

  it("is the only failure retried", async () => {
    let attempts = 0;
    await expect(
      run(
        t.app.services,
        staff,
        async () => {
          attempts += 1;
          throw new Error("not a conflict");
        },
        undefined,
      ),
    ).rejects.toThrow("not a conflict");
    expect(attempts).toBe(1);
  });
});

describe("commands of two modules in one transaction", () => {
  /** An inquiry, submitted at intake: START_WORK moves it to IN_PROGRESS. */
  async function submittedInquiry() {
    const member = await createMemberRecord(t.database.prisma);
    const request = await run(t.app.services, staff, createRequest, {
      memberId: member.id,
      type: "INQUIRY",
      channel: "PHONE",
      subject: "استفسار",
      description: "متى يصرف الدعم؟",
    });
    return { member, request };
  }

  async function writtenFor(requestId: string, memberId: string) {
    const db = t.database.prisma;
    return {
      request: await db.request.findUniqueOrThrow({ where: { id: requestId } }),
      member: await db.member.findUniqueOrThrow({ where: { id: memberId } }),
      timeline: await db.timelineEvent.count({ where: { memberId } }),
      audit: await db.auditEntry.count({
        where: { OR: [{ requestId }, { entityType: "Member", entityId: memberId }] },
      }),
    };
  }

  /** The request moves through the life cycle, then the member changes (requests → members). */
  function startWorkAndChangeMember(data: { district?: string; mobile?: string }) {
    return async (context: CommandContext, input: { requestId: string }) => {
      const before = await loadRequest(context.tx, context.caller, input.requestId);
      const request = await applyTransition(context, {
        request: before,
        action: "START_WORK",
        params: {},
      });
      const changed = await changeMember(context, {
        before: request.member,
        data,
        onBehalfOf: { id: request.id, reference: request.reference },
      });
      return { request, member: changed?.member };
    };
  }

  it("commit together, each module's events after the commit", async () => {
    const { member, request } = await submittedInquiry();
    const requestEvents = listen("requestChanged");
    const memberEvents = listen("memberChanged");
    const result = await run(
      t.app.services,
      staff,
      startWorkAndChangeMember({ district: "العارض" }),
      {
        requestId: request.id,
      },
    );
    await settle();
    await requestEvents.stop();
    await memberEvents.stop();
    const stored = await writtenFor(request.id, member.id);
    expect(stored.request.status).toBe("IN_PROGRESS");
    expect(stored.member).toMatchObject({ district: "العارض", version: member.version + 1 });
    expect(result.member?.version).toBe(member.version + 1);
    expect(requestEvents.received.map((e) => e.change)).toEqual(["START_WORK"]);
    expect(memberEvents.received.map((e) => e.changedFields)).toEqual([["district"]]);
  });

  it("roll back together when the second fails: nothing written, nothing announced", async () => {
    const { member, request } = await submittedInquiry();
    const other = await createMemberRecord(t.database.prisma);
    const before = await writtenFor(request.id, member.id);
    const requestEvents = listen("requestChanged");
    const memberEvents = listen("memberChanged");
    // Another member's mobile: the unique index refuses it after the transition was written.
    const error = await run(
      t.app.services,
      staff,
      startWorkAndChangeMember({ mobile: other.mobile }),
      { requestId: request.id },
    ).catch((e: unknown) => e);
    await settle();
    await requestEvents.stop();
    await memberEvents.stop();
    expect(error).toMatchObject({
      code: "VALIDATION_FAILED",
      fieldErrors: [expect.objectContaining({ messageKey: "validation.mobileTaken" })],
    });
    expect(await writtenFor(request.id, member.id)).toEqual(before);
    expect(before.request.status).toBe("SUBMITTED");
    expect(requestEvents.received).toEqual([]);
    expect(memberEvents.received).toEqual([]);
  });
});
