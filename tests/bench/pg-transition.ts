// The baseline of the transition bench: `startWork` (SUBMITTED → IN_PROGRESS) written by hand
// with `pg` on node:http, with the same writes as our service and the same JSON answer.
// Per request, like our API: the caller from the bearer token (JWT check, then the user row,
// refused if disabled or signed out since), then one transaction —
//   UPDATE "Request" guarded by id + version + status (status, version+1, updatedAt, and the
//          caller as assignee if it has none: effect ASSIGN_IF_UNASSIGNED), returning the
//          values before;
//   INSERT "TimelineEvent" (STATUS_CHANGED, data { action });
//   INSERT "AuditEntry" (TRANSITION, changes { status, assigneeId if set, action }).
// START_WORK has no notification in the life-cycle table (lifecycle.ts), so no "Notification"
// row: our service writes none for it either.
import { randomBytes } from "node:crypto";
import type { RequestListener } from "node:http";
import pg from "pg";
import { readSessionToken } from "../../api/auth/tokens.js";
import { gid } from "../helpers/ids.js";
import { jsonListener } from "./hand-written.js";

export const transitionMutation =
  "mutation($input: StartWorkInput!) { startWork(input: $input) { __typename " +
  "... on StartWorkSuccess { request { id status version } } } }";

/** A UUID version 7 (time-ordered), as Prisma's @default(uuid(7)) makes them. */
function uuid7(): string {
  const bytes = randomBytes(16);
  const ms = Date.now();
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const userSql = `SELECT id, email, roles::text[] AS roles, disabled, "sessionsValidAfter"
FROM "User" WHERE id = $1`;

const updateSql = `
UPDATE "Request" r
SET status = 'IN_PROGRESS', version = r.version + 1, "updatedAt" = $4,
    "assigneeId" = COALESCE(r."assigneeId", $3)
FROM "Request" b
WHERE b.id = r.id AND r.id = $1 AND r.version = $2 AND r.status = 'SUBMITTED'
RETURNING r.id, r."memberId", r.version, b."assigneeId" AS "assigneeBefore"`;

const timelineSql = `
INSERT INTO "TimelineEvent" (id, "memberId", "requestId", kind, "actorId", "fromStatus", "toStatus", data)
VALUES ($1, $2, $3, 'STATUS_CHANGED', $4, 'SUBMITTED', 'IN_PROGRESS', $5)`;

const auditSql = `
INSERT INTO "AuditEntry" (id, "actorKind", "actorId", "actorLabel", action, "entityType", "entityId", changes, "requestId")
VALUES ($1, 'USER', $2, $3, 'TRANSITION', 'Request', $4, $5, $4)`;

type UserRow = {
  id: string;
  email: string;
  roles: string[];
  disabled: boolean;
  sessionsValidAfter: Date;
};

/** The caller's row, as the API reads it on every request. */
export async function readUser(pool: pg.Pool, userId: string): Promise<UserRow | undefined> {
  return (await pool.query<UserRow>(userSql, [userId])).rows[0];
}

/** The transaction of `startWork`; undefined when the version or status no longer match. */
export async function startWorkWrites(
  pool: pg.Pool,
  user: Pick<UserRow, "id" | "email">,
  requestId: string,
  version: number,
): Promise<{ id: string; version: number } | undefined> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const updated = await client.query<{
      id: string;
      memberId: string;
      version: number;
      assigneeBefore: string | null;
    }>(updateSql, [requestId, version, user.id, new Date()]);
    const row = updated.rows[0];
    if (!row) {
      await client.query("ROLLBACK");
      return undefined;
    }
    await client.query(timelineSql, [
      uuid7(),
      row.memberId,
      row.id,
      user.id,
      { action: "START_WORK" },
    ]);
    const changes = {
      status: { before: "SUBMITTED", after: "IN_PROGRESS" },
      ...(row.assigneeBefore ? {} : { assigneeId: { before: null, after: user.id } }),
      action: { before: null, after: "START_WORK" },
    };
    await client.query(auditSql, [uuid7(), user.id, user.email, row.id, changes]);
    await client.query("COMMIT");
    return row;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export function createTransitionHandler(
  databaseUrl: string,
  tokenSecret: Uint8Array,
): { listener: RequestListener; close(): Promise<void> } {
  // Pool size as our PrismaPg (10).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });

  async function startWork(authorization: string | undefined, body: string) {
    const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
    const claims = token ? await readSessionToken(tokenSecret, token) : null;
    const user = claims ? await readUser(pool, claims.userId) : undefined;
    if (!claims || !user || user.disabled || claims.issuedAt < user.sessionsValidAfter)
      return { errors: [{ message: "Not signed in", extensions: { code: "UNAUTHENTICATED" } }] };
    if (!user.roles.some((r) => r === "STAFF" || r === "ADMIN"))
      return { errors: [{ message: "Forbidden", extensions: { code: "FORBIDDEN" } }] };
    const { variables } = JSON.parse(body) as {
      variables: { input: { id: string; version: number } };
    };
    const [type, id] = Buffer.from(variables.input.id, "base64").toString().split(":");
    if (type !== "Request" || !id) throw new Error(`not a request id: ${variables.input.id}`);
    const row = await startWorkWrites(pool, user, id, variables.input.version);
    if (!row) return { data: { startWork: { __typename: "ConflictError" } } };
    return {
      data: {
        startWork: {
          __typename: "StartWorkSuccess",
          request: { id: gid("Request", row.id), status: "IN_PROGRESS", version: row.version },
        },
      },
    };
  }

  return { listener: jsonListener(startWork), close: () => pool.end() };
}
