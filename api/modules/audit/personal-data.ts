// Reading a member's full national ID, mobile or income is itself audited (DOMAIN.md). The
// value is released only after its audit entry is written; reads made while resolving one
// response are written together in one statement, so a page of 50 members costs one insert.
import type { Caller } from "../../auth/caller.js";
import type { Context } from "../../auth/context.js";
import type { Db } from "../../db/client.js";
import { recordAudits } from "./service.js";

export type PersonalDataRead = { memberId: string; field: string };

/** Writes that the caller read these members' personal fields: one audit entry per member. */
export function recordPersonalDataReads(
  db: Db,
  caller: Caller,
  reads: readonly { memberId: string; fields: string[] }[],
  requestId: string,
): Promise<void> {
  // A read is no command: its entries are dated when it happens.
  return recordAudits(
    { tx: db, caller, now: new Date() },
    reads.map((read) => ({
      action: "READ_PERSONAL_DATA" as const,
      entityType: "Member",
      entityId: read.memberId,
      changes: read.fields,
      requestId,
    })),
  );
}

const auditorKey = Symbol("personal-data auditor");

/**
 * Resolves once the audit entry for reading a member's personal field is written; the reads
 * of one request share one auditor (made on first use: most requests read none).
 */
export function auditPersonalDataRead(context: Context, read: PersonalDataRead): Promise<void> {
  return context.perRequest(auditorKey, () =>
    createPersonalDataAuditor(context.prisma, context.caller, context.requestId),
  )(read);
}

export function createPersonalDataAuditor(
  db: Db,
  caller: () => Promise<Caller>,
  requestId: string,
) {
  let pending: { reads: PersonalDataRead[]; written: Promise<void> } | undefined;
  const seen = new Set<string>();

  return async function auditRead(read: PersonalDataRead): Promise<void> {
    const key = `${read.memberId}:${read.field}`;
    if (!pending) {
      const batch: PersonalDataRead[] = [];
      const written = new Promise<void>((resolve, reject) => {
        setImmediate(async () => {
          pending = undefined;
          try {
            const byMember = new Map<string, string[]>();
            for (const r of batch)
              byMember.set(r.memberId, [...(byMember.get(r.memberId) ?? []), r.field]);
            await recordPersonalDataReads(
              db,
              await caller(),
              [...byMember].map(([memberId, fields]) => ({ memberId, fields })),
              requestId,
            );
            resolve();
          } catch (error) {
            reject(error);
          }
        });
      });
      pending = { reads: batch, written };
    }
    if (!seen.has(key)) {
      seen.add(key);
      pending.reads.push(read);
    }
    return pending.written;
  };
}
