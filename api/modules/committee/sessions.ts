import type { Db } from "../../db/client.js";
import type { CommandContext } from "../../db/commands.js";
import { nextSerial } from "../../db/counters.js";
import type { BallotVisibility, TieBreak } from "../../db/generated/client.js";
import { FieldErrors, ForbiddenError, PreconditionFailedError } from "../../errors.js";
import { changedFields, expectVersion, recordAudit } from "../audit/service.js";
import { renderMinutes } from "./minutes.js";
import { managesSessions } from "./policy.js";
import {
  announce,
  enterSession,
  membership,
  namesOf,
  requireChair,
  requireSessionState,
  staff,
} from "./room.js";
import { hijriYear, undecidedItemStates } from "./rules.js";
import { loadRoomState, type RoomState } from "./state.js";

export type SessionSettingsInput = {
  ballotVisibility?: BallotVisibility | null | undefined;
  tieBreak?: TieBreak | null | undefined;
  quorumPercent?: number | null | undefined;
};

export type ScheduleSessionInput = SessionSettingsInput & {
  scheduledAt: Date;
  chairId: string;
  memberIds: readonly string[];
};

/** Checks the chair and members named for a session; the chair is always a member. */
async function checkPeople(
  tx: Db,
  errors: FieldErrors,
  chairId: string | undefined,
  memberIds: readonly string[] | undefined,
): Promise<string[] | undefined> {
  const ids = memberIds ? [...new Set([...(chairId ? [chairId] : []), ...memberIds])] : undefined;
  const wanted = [...new Set([...(ids ?? []), ...(chairId ? [chairId] : [])])];
  const users = await tx.user.findMany({
    where: { id: { in: wanted }, disabled: false },
    select: { id: true, roles: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  if (chairId && !byId.get(chairId)?.roles.includes("COMMITTEE_CHAIR"))
    errors.add("chair", "committee.notAChair");
  if (ids) {
    const outsiders = ids.filter(
      (id) =>
        id !== chairId &&
        !byId
          .get(id)
          ?.roles.some((role) => role === "COMMITTEE_MEMBER" || role === "COMMITTEE_CHAIR"),
    );
    if (outsiders.length)
      errors.add("members", "committee.notACommitteeMember", {
        count: { counted: "members", n: outsiders.length },
      });
    if (ids.length < 2) errors.add("members", "committee.tooFewMembers");
  }
  return ids;
}

function checkSettings(errors: FieldErrors, input: SessionSettingsInput) {
  const percent = input.quorumPercent;
  if (percent != null && (!Number.isInteger(percent) || percent < 1 || percent > 99))
    errors.add("quorumPercent", "committee.quorumPercentRange");
}

function settingsData(input: SessionSettingsInput) {
  return {
    ...(input.ballotVisibility ? { ballotVisibility: input.ballotVisibility } : {}),
    ...(input.tieBreak ? { tieBreak: input.tieBreak } : {}),
    ...(input.quorumPercent != null ? { quorumPercent: input.quorumPercent } : {}),
  };
}

/** Schedules a session: numbered within its Hijri year, with its chair and invited members. */
export async function scheduleSession(context: CommandContext, input: ScheduleSessionInput) {
  const { tx, caller, now } = context;
  staff(caller);
  const errors = new FieldErrors();
  if (Number.isNaN(input.scheduledAt.getTime())) errors.add("scheduledAt", "validation.required");
  checkSettings(errors, input);
  const memberIds = await checkPeople(tx, errors, input.chairId, input.memberIds);
  errors.throwIfAny();
  const year = hijriYear(input.scheduledAt);
  const session = await tx.committeeSession.create({
    data: {
      year,
      number: await nextSerial(tx, "committeeSession", year),
      scheduledAt: input.scheduledAt,
      chairId: input.chairId,
      ...settingsData(input),
      createdAt: now,
      updatedAt: now,
      attendance: {
        createMany: { data: (memberIds ?? []).map((userId) => ({ userId, markedAt: now })) },
      },
    },
  });
  await recordAudit(
    { tx, caller, now },
    {
      action: "CREATE",
      entityType: "CommitteeSession",
      entityId: session.id,
      changes: changedFields({} as Record<string, unknown>, {
        year: session.year,
        number: session.number,
        scheduledAt: session.scheduledAt,
        chair: (await namesOf(tx, [session.chairId]))[0],
        members: await namesOf(tx, memberIds ?? []),
        ballotVisibility: session.ballotVisibility,
        tieBreak: session.tieBreak,
        quorumPercent: session.quorumPercent,
      }),
    },
  );
  return announce(context, session.id, "SESSION_SCHEDULED");
}

export type ChangeSessionInput = SessionSettingsInput & {
  id: string;
  version: number;
  scheduledAt?: Date | null | undefined;
  memberIds?: readonly string[] | null | undefined;
};

/**
 * Reschedules a session, changes its settings (until it opens: the decision rule is fixed
 * from then on) or its members (until it closes). A member taken off the session loses
 * their votes on the items still undecided, and leaves the room at once.
 */
export async function changeSession(context: CommandContext, input: ChangeSessionInput) {
  const { tx, caller, now } = context;
  staff(caller);
  const session = await enterSession(context, input.id);
  if (!managesSessions(caller)) throw new ForbiddenError();
  requireSessionState(session, "CHANGE_SESSION");
  await expectVersion(context, "CommitteeSession", session, input.version);
  const errors = new FieldErrors();
  checkSettings(errors, input);
  const settings = settingsData(input);
  const rescheduled = input.scheduledAt ?? undefined;
  if (session.status !== "SCHEDULED" && (Object.keys(settings).length || rescheduled))
    errors.add(
      rescheduled ? "scheduledAt" : Object.keys(settings)[0]!,
      "committee.ruleFixedOnOpen",
    );
  const memberIds = await checkPeople(tx, errors, undefined, input.memberIds ?? undefined);
  if (memberIds && !memberIds.includes(session.chairId)) memberIds.push(session.chairId);
  errors.throwIfAny();
  const before = await tx.sessionAttendance.findMany({ where: { sessionId: session.id } });
  if (memberIds) {
    const removed = before.map((a) => a.userId).filter((id) => !memberIds.includes(id));
    const added = memberIds.filter((id) => !before.some((a) => a.userId === id));
    if (removed.length) {
      await tx.vote.deleteMany({
        where: {
          voterId: { in: removed },
          agendaItem: { sessionId: session.id, status: { in: [...undecidedItemStates] } },
        },
      });
      await tx.sessionAttendance.deleteMany({
        where: { sessionId: session.id, userId: { in: removed } },
      });
    }
    if (added.length)
      await tx.sessionAttendance.createMany({
        data: added.map((userId) => ({ sessionId: session.id, userId, markedAt: now })),
      });
  }
  const updated = await tx.committeeSession.update({
    where: { id: session.id },
    data: {
      ...settings,
      ...(rescheduled ? { scheduledAt: rescheduled } : {}),
      version: { increment: 1 },
      updatedAt: now,
    },
  });
  await recordAudit(
    { tx, caller, now },
    {
      action: "UPDATE",
      entityType: "CommitteeSession",
      entityId: session.id,
      changes: {
        ...changedFields(session as unknown as Record<string, unknown>, {
          ...settings,
          ...(rescheduled ? { scheduledAt: updated.scheduledAt } : {}),
        }),
        ...(memberIds
          ? {
              members: {
                before: await namesOf(
                  tx,
                  before.map((a) => a.userId),
                ),
                after: await namesOf(tx, memberIds),
              },
            }
          : {}),
      },
    },
  );
  return announce(context, session.id, "SESSION_CHANGED");
}

/**
 * The chair opens the session and takes attendance: those named are present (the chair
 * always). The decision rule stored on the session is the one in force from now on.
 */
export async function openSession(
  context: CommandContext,
  input: { id: string; version: number; presentIds: readonly string[] },
) {
  const { tx, caller, now } = context;
  const chair = staff(caller);
  const session = await enterSession(context, input.id);
  requireChair(chair, session);
  requireSessionState(session, "OPEN_SESSION");
  await expectVersion(context, "CommitteeSession", session, input.version);
  const members = await tx.sessionAttendance.findMany({ where: { sessionId: session.id } });
  const present = new Set([...input.presentIds, chair.id]);
  const errors = new FieldErrors();
  if ([...present].some((id) => !members.some((m) => m.userId === id)))
    errors.add("present", "committee.notInvited");
  errors.throwIfAny();
  await tx.sessionAttendance.updateMany({
    where: { sessionId: session.id, userId: { in: [...present] } },
    data: { present: true, markedAt: now, version: { increment: 1 } },
  });
  await tx.committeeSession.update({
    where: { id: session.id },
    data: { status: "OPEN", openedAt: now, version: { increment: 1 }, updatedAt: now },
  });
  await recordAudit(
    { tx, caller, now },
    {
      action: "TRANSITION",
      entityType: "CommitteeSession",
      entityId: session.id,
      changes: {
        status: { before: "SCHEDULED", after: "OPEN" },
        present: { before: null, after: await namesOf(tx, [...present]) },
      },
    },
  );
  return announce(context, session.id, "SESSION_OPENED");
}

/**
 * Attendance as the meeting goes: a member joins or leaves (themselves), or the chair marks
 * anyone. Leaving takes nothing back: votes already cast stay, as on paper.
 */
export async function markAttendance(
  context: CommandContext,
  input: { sessionId: string; userId?: string | undefined; present: boolean },
) {
  const { tx, caller, now } = context;
  const user = staff(caller);
  const session = await enterSession(context, input.sessionId);
  const userId = input.userId || user.id;
  if (userId !== user.id) requireChair(user, session);
  requireSessionState(session, "MARK_ATTENDANCE");
  const row = await membership(tx, session.id, userId);
  if (!row) throw new PreconditionFailedError("NOT_INVITED", "committee.notInvited");
  if (row.present !== input.present) {
    await tx.sessionAttendance.update({
      where: { sessionId_userId: { sessionId: session.id, userId } },
      data: { present: input.present, markedAt: now, version: { increment: 1 } },
    });
    await recordAudit(
      { tx, caller, now },
      {
        action: "UPDATE",
        entityType: "SessionAttendance",
        entityId: `${session.id}:${userId}`,
        changes: { present: { before: row.present, after: input.present } },
      },
    );
  }
  return announce(context, session.id, "ATTENDANCE");
}

/**
 * The chair closes the session: no item may still be in a vote. Items not decided go back
 * to the next session (their requests stay with the committee, clocks running), and the
 * minutes are written, once and for good.
 */
export async function closeSession(
  context: CommandContext,
  input: { id: string; version: number },
) {
  const { tx, caller, now } = context;
  const chair = staff(caller);
  const session = await enterSession(context, input.id);
  requireChair(chair, session);
  requireSessionState(session, "CLOSE_SESSION");
  await expectVersion(context, "CommitteeSession", session, input.version);
  const voting = await tx.agendaItem.count({ where: { sessionId: session.id, status: "VOTING" } });
  if (voting) throw new PreconditionFailedError("VOTING_IN_PROGRESS", "committee.votingInProgress");
  await tx.agendaItem.updateMany({
    where: { sessionId: session.id, status: { in: ["PENDING", "VOTING_CLOSED"] } },
    data: {
      status: "DEFERRED",
      activeRequestId: null,
      deferral: "SESSION_CLOSED",
      version: { increment: 1 },
      updatedAt: now,
    },
  });
  await tx.committeeSession.update({
    where: { id: session.id },
    data: {
      status: "CLOSED",
      closedAt: now,
      currentItemId: null,
      version: { increment: 1 },
      updatedAt: now,
    },
  });
  const state = await loadRoomState(tx, session.id);
  await tx.committeeSession.update({
    where: { id: session.id },
    data: { minutes: renderMinutes(state, chairName(state)), minutesAt: now, updatedAt: now },
  });
  await recordAudit(
    { tx, caller, now },
    {
      action: "TRANSITION",
      entityType: "CommitteeSession",
      entityId: session.id,
      changes: { status: { before: "OPEN", after: "CLOSED" } },
    },
  );
  return announce(context, session.id, "SESSION_CLOSED");
}

function chairName(state: RoomState): string {
  return state.members.find((m) => m.chair)?.fullName ?? "";
}
