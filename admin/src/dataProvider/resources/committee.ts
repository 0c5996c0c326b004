// The committee resource: sessions, latest scheduled first (every session for staff who
// schedule them, their own for committee members), narrowed by state or by a period (the
// calendar's month). Scheduling, changing and conducting a session are the room's own calls
// (`../committee.ts`): each answers the room, not the session record.
import type { ResourceSpec } from "../spec.js";
import { compact } from "../values.js";

export const sessionFields = `
  id number year scheduledAt status chair { id fullName } memberCount agendaCount ballotVisibility
  tieBreak quorumPercent openedAt closedAt version`;

/** The list's filters as the API's CommitteeSessionFilter: a state, or a period [from, to). */
export function sessionFilter(filter: Record<string, unknown> = {}) {
  const status = Array.isArray(filter.status)
    ? filter.status
    : typeof filter.status === "string" && filter.status
      ? [filter.status]
      : undefined;
  return compact({
    status,
    from: typeof filter.from === "string" ? filter.from : undefined,
    to: typeof filter.to === "string" ? filter.to : undefined,
  });
}

export const committee: ResourceSpec = {
  typeName: "CommitteeSession",
  listField: "committeeSessions",
  listArgs: "$filter: CommitteeSessionFilter",
  listVariables: (params) => ({ filter: sessionFilter(params.filter) }),
  fields: sessionFields,
  recordFields: `${sessionFields} minutes minutesAt`,
};
