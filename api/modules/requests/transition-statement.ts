// A transition's writes as one parameterised statement (ARCHITECTURE.md allows it for the
// life cycle): the guarded UPDATE, its timeline events, its audit entry and the member's
// notifications, in one round trip instead of four to six through Prisma (3.3–3.5 ms of CPU
// against well under 1 ms). tests/api/requests-transition-statement.test.ts runs every
// transition through it and through Prisma's calls and compares every row written.
import type { actorOf } from "../../auth/caller.js";
import type { Db, Prisma } from "../../db/client.js";
import type { Request } from "../../db/generated/client.js";
import type { Decision, RequestStatus } from "../../db/generated/enums.js";
import { newId } from "../../db/ids.js";
import type { AuditRecord } from "../audit/service.js";
import type { OutboxRow } from "../notifications/outbox.js";
import type { TimelineRecord } from "../timeline/service.js";

/** The columns a life-cycle effect may set (besides the status and version, always set). */
export type RequestPatch = {
  reference?: string;
  submittedAt?: Date;
  decisionDueAt?: Date;
  rulesSnapshot?: Prisma.InputJsonObject;
  clockPausedAt?: Date | null;
  researcherId?: string;
  decision?: Decision | null | undefined;
  decisionReason?: string;
  decidedAt?: Date;
  amountApproved?: Prisma.Decimal | string | null;
  completedAt?: Date;
  withdrawnAt?: Date;
  assigneeId?: string;
  answer?: string;
  resolvedAt?: Date;
  firstContactResolution?: boolean;
  closedAt?: Date;
};

export type TransitionWrites = {
  /** The request's id and the version it was read with. */
  id: string;
  version: number;
  status: RequestStatus;
  data: RequestPatch;
  actor: ReturnType<typeof actorOf>;
  /** The moment written everywhere (updatedAt, timeline, audit, outbox): the command's now. */
  at: Date;
  timeline: TimelineRecord[];
  audit: AuditRecord;
  outbox: OutboxRow[];
};

/**
 * Writes a transition: the request's row if it still has the version it was read with, and
 * with it (from the row the UPDATE returns, so nothing else is written when it matched none)
 * the timeline events, the audit entry and the member's notifications, all at the command's
 * moment (`at`: a command run with a given clock writes that time, as the seed's history does).
 * Returns the row as Prisma would (Decimal, Date, JSON, enums as strings), or undefined when
 * the version had moved.
 */
export async function transitionStatement(
  tx: Db,
  writes: TransitionWrites,
): Promise<Request | undefined> {
  const { actor, audit, at } = writes;
  const timeline = writes.timeline.map((event) => ({ ...event, id: newId() }));
  const outbox = writes.outbox.map((row) => ({ ...row, id: newId() }));
  // Each set column is in the patch (an explicit null clears it); the rest keep their value.
  // Dates travel as ISO strings in UTC, which is how the columns hold them.
  const [written] = await tx.$queryRaw<Request[]>`
    WITH patch AS (SELECT ${JSON.stringify(writes.data)}::jsonb AS p),
    moved AS (
      UPDATE "Request" r SET
        status = ${writes.status}::"RequestStatus",
        version = r.version + 1,
        "updatedAt" = ${at}::timestamp(3),
        reference = CASE WHEN p ? 'reference' THEN p->>'reference' ELSE r.reference END,
        "submittedAt" = CASE WHEN p ? 'submittedAt'
          THEN (p->>'submittedAt')::timestamp(3) ELSE r."submittedAt" END,
        "decisionDueAt" = CASE WHEN p ? 'decisionDueAt'
          THEN (p->>'decisionDueAt')::timestamp(3) ELSE r."decisionDueAt" END,
        "rulesSnapshot" = CASE WHEN p ? 'rulesSnapshot'
          THEN p->'rulesSnapshot' ELSE r."rulesSnapshot" END,
        "clockPausedAt" = CASE WHEN p ? 'clockPausedAt'
          THEN (p->>'clockPausedAt')::timestamp(3) ELSE r."clockPausedAt" END,
        "researcherId" = CASE WHEN p ? 'researcherId'
          THEN (p->>'researcherId')::uuid ELSE r."researcherId" END,
        decision = CASE WHEN p ? 'decision'
          THEN (p->>'decision')::"Decision" ELSE r.decision END,
        "decisionReason" = CASE WHEN p ? 'decisionReason'
          THEN p->>'decisionReason' ELSE r."decisionReason" END,
        "decidedAt" = CASE WHEN p ? 'decidedAt'
          THEN (p->>'decidedAt')::timestamp(3) ELSE r."decidedAt" END,
        "amountApproved" = CASE WHEN p ? 'amountApproved'
          THEN (p->>'amountApproved')::numeric(12, 2) ELSE r."amountApproved" END,
        "completedAt" = CASE WHEN p ? 'completedAt'
          THEN (p->>'completedAt')::timestamp(3) ELSE r."completedAt" END,
        "withdrawnAt" = CASE WHEN p ? 'withdrawnAt'
          THEN (p->>'withdrawnAt')::timestamp(3) ELSE r."withdrawnAt" END,
        "assigneeId" = CASE WHEN p ? 'assigneeId'
          THEN (p->>'assigneeId')::uuid ELSE r."assigneeId" END,
        answer = CASE WHEN p ? 'answer' THEN p->>'answer' ELSE r.answer END,
        "resolvedAt" = CASE WHEN p ? 'resolvedAt'
          THEN (p->>'resolvedAt')::timestamp(3) ELSE r."resolvedAt" END,
        "firstContactResolution" = CASE WHEN p ? 'firstContactResolution'
          THEN (p->>'firstContactResolution')::boolean ELSE r."firstContactResolution" END,
        "closedAt" = CASE WHEN p ? 'closedAt'
          THEN (p->>'closedAt')::timestamp(3) ELSE r."closedAt" END
      FROM patch
      WHERE r.id = ${writes.id}::uuid AND r.version = ${writes.version}::int
      RETURNING r.*
    ),
    timeline AS (
      INSERT INTO "TimelineEvent"
        (id, "memberId", "requestId", kind, "actorId", "fromStatus", "toStatus", note, data, at)
      SELECT e.id, m."memberId", m.id, e.kind, ${actor.kind === "USER" ? actor.id : null}::uuid,
             e."fromStatus", e."toStatus", e.note, e.data, ${at}::timestamp(3)
      FROM moved m, jsonb_to_recordset(${JSON.stringify(timeline)}::jsonb) AS e(
        id uuid, kind "TimelineEventKind", "fromStatus" "RequestStatus",
        "toStatus" "RequestStatus", note text, data jsonb)
    ),
    audit AS (
      INSERT INTO "AuditEntry" (id, "actorKind", "actorId", "actorLabel", action, "entityType",
                                "entityId", changes, "requestId", at)
      SELECT ${newId()}::uuid, ${actor.kind}::"ActorKind", ${actor.id}::text, ${actor.label}::text,
             ${audit.action}::"AuditAction", ${audit.entityType}::text, m.id::text,
             ${JSON.stringify(audit.changes)}::jsonb, m.id::text, ${at}::timestamp(3)
      FROM moved m
    ),
    outbox AS (
      INSERT INTO "Notification" (id, event, channel, "memberId", "requestId", address,
                                  language, subject, body, "nextAttemptAt", "createdAt",
                                  "updatedAt")
      SELECT n.id, n.event, n.channel, m."memberId", m.id, n.address, n.language, n.subject,
             n.body, COALESCE(n."nextAttemptAt", ${at}::timestamp(3)), ${at}::timestamp(3),
             ${at}::timestamp(3)
      FROM moved m, jsonb_to_recordset(${JSON.stringify(outbox)}::jsonb) AS n(
        id uuid, event "NotificationEvent", channel "NotificationChannel", address text,
        language "Language", subject text, body text, "nextAttemptAt" timestamp(3))
    )
    SELECT * FROM moved`;
  return written;
}
