// The demo's committee session: the demo chair and both committee members meet two working
// days after the seed's "now", with a few requests raised to the committee on the agenda,
// so that the committee room has something to review. Made through the committee's own
// commands (as staff would, in the panel), so the session, its agenda, the requests'
// timelines and the audit log are as the API writes them; deterministic for a given seed.
import { createPubSub } from "graphql-yoga";
import type { StaffCaller } from "../../api/auth/caller.js";
import type { PrismaClient } from "../../api/db/client.js";
import { run } from "../../api/db/commands.js";
import { addToAgenda } from "../../api/modules/committee/agenda.js";
import { scheduleSession } from "../../api/modules/committee/sessions.js";
import { dayMs } from "./random.js";

/** How many requests with the committee go on the demo session's agenda (if there are as many). */
export const demoAgendaSize = 3;

/** 10:00 in Riyadh (07:00 UTC) two working days (Sunday to Thursday) after `now`. */
export function demoSessionTime(now: Date): Date {
  const at = new Date(now.getTime());
  at.setUTCHours(7, 0, 0, 0);
  for (let workingDays = 0; workingDays < 2; ) {
    at.setTime(at.getTime() + dayMs);
    const weekday = at.getUTCDay();
    if (weekday !== 5 && weekday !== 6) workingDays++;
  }
  return at;
}

/**
 * `now`: the seed's clock, which the session's date follows; `at`: when the desk schedules it
 * and sets its agenda (the commands' moment).
 */
export async function seedCommitteeSession(
  prisma: PrismaClient,
  { now, at }: { now: Date; at: Date },
): Promise<{ session: string; agenda: number }> {
  const user = (email: string) => prisma.user.findUniqueOrThrow({ where: { email } });
  const staff = await user("staff@wasl.demo");
  const chair = await user("chair@wasl.demo");
  const members = await Promise.all(["committee1@wasl.demo", "committee2@wasl.demo"].map(user));
  const caller: StaffCaller = {
    kind: "user",
    id: staff.id,
    email: staff.email,
    fullName: staff.fullName,
    roles: staff.roles,
    personalDataAccess: staff.personalDataAccess,
  };
  // Nobody listens yet while the demo is seeded: the room's live events go nowhere.
  const services = { prisma, pubsub: createPubSub() };
  const room = await run(
    services,
    caller,
    scheduleSession,
    { scheduledAt: demoSessionTime(now), chairId: chair.id, memberIds: members.map((m) => m.id) },
    { now: at },
  );
  const requests = await prisma.request.findMany({
    where: { status: "IN_COMMITTEE" },
    orderBy: { reference: "asc" },
    take: demoAgendaSize,
    select: { id: true },
  });
  for (const request of requests)
    await run(
      services,
      caller,
      addToAgenda,
      { sessionId: room.id, requestId: request.id },
      { now: at },
    );
  return { session: room.id, agenda: requests.length };
}
