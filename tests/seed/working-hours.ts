// What a staff member wrote in the demo, and whether it falls in the association's working
// hours: Sunday to Thursday, 08:00–17:00 on the clock the app shows every moment by
// (Asia/Riyadh: api/i18n/messages.ts, api/graphql/scalars.ts). Read through Intl's time-zone
// data, not the seed's own arithmetic (prisma/seed/office-hours.ts), so that the test checks it.
import type { Db } from "../../api/db/client.js";

const riyadh = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Riyadh",
  weekday: "short",
  hour: "numeric",
  hourCycle: "h23",
});

/** Sunday to Thursday, from 08:00 up to (not including) 17:00 in Riyadh. */
export function isWorkingTime(at: Date): boolean {
  const parts = Object.fromEntries(riyadh.formatToParts(at).map((p) => [p.type, p.value]));
  const hour = Number(parts.hour);
  return !["Fri", "Sat"].includes(parts.weekday ?? "") && hour >= 8 && hour < 17;
}

export type StaffWrittenMoment = { what: string; at: Date; label: string };

/**
 * Every moment a staff member (a user: desk, researcher, committee, admin) wrote something:
 * the audit log's user entries, the timeline's events with a user, and the rows whose own
 * columns name the staff member who wrote them (or that only staff write: members, letters,
 * requests taken in at the desk).
 */
export async function staffWrittenMoments(db: Db): Promise<StaffWrittenMoment[]> {
  const audit = await db.auditEntry.findMany({ where: { actorKind: "USER" } });
  const timeline = await db.timelineEvent.findMany({ where: { actorId: { not: null } } });
  const documents = await db.document.findMany();
  const attestations = await db.attestation.findMany({ where: { recordedById: { not: null } } });
  const reports = await db.researchReport.findMany();
  const communications = await db.communication.findMany({
    where: { handledById: { not: null } },
  });
  const letters = await db.letter.findMany();
  const members = await db.member.findMany();
  const requests = await db.request.findMany({ where: { channel: { not: "PARTNER" } } });
  return [
    ...audit.map((a) => ({
      what: `audit ${a.entityType}.${a.action}`,
      at: a.at,
      label: `${a.actorLabel} ${a.entityId}`,
    })),
    ...timeline.map((e) => ({ what: `timeline ${e.kind}`, at: e.at, label: e.requestId ?? "" })),
    ...documents.flatMap((d) => [
      ...(d.uploadedById ? [{ what: "document uploaded", at: d.createdAt, label: d.id }] : []),
      ...(d.verifiedAt ? [{ what: "document verified", at: d.verifiedAt, label: d.id }] : []),
    ]),
    ...attestations.map((a) => ({ what: "attestation recorded", at: a.signedAt, label: a.id })),
    ...reports.flatMap((r) => [
      { what: "research report saved", at: r.createdAt, label: r.id },
      ...(r.submittedAt
        ? [{ what: "research report submitted", at: r.submittedAt, label: r.id }]
        : []),
    ]),
    ...communications.map((c) => ({ what: "communication", at: c.occurredAt, label: c.id })),
    ...letters.map((l) => ({
      what: `letter ${l.direction}`,
      at: l.createdAt,
      label: l.registerNumber,
    })),
    ...members.flatMap((m) => [
      { what: "member registered", at: m.createdAt, label: m.memberNumber },
      { what: "member updated", at: m.updatedAt, label: m.memberNumber },
    ]),
    ...requests.map((r) => ({
      what: `request taken in (${r.channel})`,
      at: r.createdAt,
      label: r.id,
    })),
  ];
}
