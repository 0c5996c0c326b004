// The committee's decision rule (policy step 5), as pure functions: the session's settings
// (fixed when it opens), the members present and not recused, and the votes decide; nothing
// here reads the database, so every case is a unit test.
import type {
  AgendaItemStatus,
  SessionStatus,
  TieBreak,
  VoteChoice,
} from "../../db/generated/enums.js";

/** What the chair or a member does in the room; named in refusals like life-cycle actions. */
export const committeeActions = [
  "OPEN_SESSION",
  "CLOSE_SESSION",
  "CHANGE_SESSION",
  "BUILD_AGENDA",
  "MARK_ATTENDANCE",
  "OPEN_VOTING",
  "CAST_VOTE",
  "RECUSE",
  "CLOSE_VOTING",
  "FINALISE",
  "DEFER",
] as const;
export type CommitteeAction = (typeof committeeActions)[number];

/** The session states each action needs. */
export const sessionStatesFor: Record<CommitteeAction, readonly SessionStatus[]> = {
  OPEN_SESSION: ["SCHEDULED"],
  CLOSE_SESSION: ["OPEN"],
  CHANGE_SESSION: ["SCHEDULED", "OPEN"],
  BUILD_AGENDA: ["SCHEDULED", "OPEN"],
  MARK_ATTENDANCE: ["OPEN"],
  OPEN_VOTING: ["OPEN"],
  CAST_VOTE: ["OPEN"],
  RECUSE: ["SCHEDULED", "OPEN"],
  CLOSE_VOTING: ["OPEN"],
  FINALISE: ["OPEN"],
  DEFER: ["SCHEDULED", "OPEN"],
};

/** The agenda item states each item action needs. */
export const itemStatesFor: Partial<Record<CommitteeAction, readonly AgendaItemStatus[]>> = {
  BUILD_AGENDA: ["PENDING"],
  // Reopening a closed vote is allowed until the item is decided (a member arrived late).
  OPEN_VOTING: ["PENDING", "VOTING_CLOSED"],
  CAST_VOTE: ["VOTING"],
  RECUSE: ["PENDING", "VOTING"],
  CLOSE_VOTING: ["VOTING"],
  FINALISE: ["VOTING_CLOSED"],
  DEFER: ["PENDING", "VOTING", "VOTING_CLOSED"],
};

/** Items still to be decided: the request is on this agenda and on no other. */
export const undecidedItemStates: readonly AgendaItemStatus[] = [
  "PENDING",
  "VOTING",
  "VOTING_CLOSED",
];

export type Tally = { approve: number; reject: number; abstain: number };

export function tallyOf(votes: readonly { choice: VoteChoice }[]): Tally {
  const tally: Tally = { approve: 0, reject: 0, abstain: 0 };
  for (const vote of votes) {
    if (vote.choice === "APPROVE") tally.approve++;
    else if (vote.choice === "REJECT") tally.reject++;
    else tally.abstain++;
  }
  return tally;
}

export type Quorum = {
  /** Members of the session (invited, the chair among them). */
  members: number;
  /** Of them, present now and not recused from the item. */
  eligiblePresent: number;
  /** The fewest eligible members present for a decision. */
  required: number;
  met: boolean;
};

/**
 * Quorum: strictly more than `percent`% of the session's members, present and not recused
 * from the item. A recused member counts among the members (the quorum does not shrink
 * when members step aside), as the policy's "more than half of the members" reads.
 */
export function quorumOf(members: number, eligiblePresent: number, percent: number): Quorum {
  const required = Math.floor((members * percent) / 100) + 1;
  return { members, eligiblePresent, required, met: members > 0 && eligiblePresent >= required };
}

export type Outcome =
  | { kind: "DECIDED"; decision: "APPROVED" | "REJECTED"; chairBrokeTie: boolean }
  | { kind: "DEFER" }
  | { kind: "NO_QUORUM" }
  | { kind: "TIE_UNBROKEN" };

/**
 * The outcome of an item: without quorum nothing is decided; otherwise the majority of the
 * votes that are not abstentions; a tie (all abstaining included) goes to the session's tie
 * rule: the chair's vote decides, or the item is deferred. A tie the chair did not break
 * (they abstained, did not vote or are recused) can only be deferred.
 */
export function outcomeOf(
  tally: Tally,
  quorum: Quorum,
  tieBreak: TieBreak,
  chairVote: VoteChoice | undefined,
): Outcome {
  if (!quorum.met) return { kind: "NO_QUORUM" };
  if (tally.approve > tally.reject)
    return { kind: "DECIDED", decision: "APPROVED", chairBrokeTie: false };
  if (tally.reject > tally.approve)
    return { kind: "DECIDED", decision: "REJECTED", chairBrokeTie: false };
  if (tieBreak === "DEFER") return { kind: "DEFER" };
  if (chairVote === "APPROVE")
    return { kind: "DECIDED", decision: "APPROVED", chairBrokeTie: true };
  if (chairVote === "REJECT") return { kind: "DECIDED", decision: "REJECTED", chairBrokeTie: true };
  return { kind: "TIE_UNBROKEN" };
}

/**
 * The Hijri (Umm al-Qura) year in Riyadh: sessions are numbered per Hijri year, as the
 * association's registers (letters, minutes) are and as committee members cite them
 * («الجلسة 3 لعام 1448»).
 */
export function hijriYear(date: Date): number {
  const year = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", {
    timeZone: "Asia/Riyadh",
    year: "numeric",
  })
    .formatToParts(date)
    .find((part) => part.type === "year")?.value;
  return Number(year);
}
