// The committee's decision rule, case by case (api/modules/committee/rules.ts): quorum from
// the members present and not recused, majority of the votes that are not abstentions, a tie
// broken by the chair's vote or deferred, and no decision without quorum.
import { describe, expect, it } from "vitest";
import { hijriYear, outcomeOf, quorumOf, tallyOf } from "../../api/modules/committee/rules.js";

const votes = (...choices: ("APPROVE" | "REJECT" | "ABSTAIN")[]) =>
  tallyOf(choices.map((choice) => ({ choice })));

describe("quorum", () => {
  it("is strictly more than half of the session's members by default", () => {
    expect(quorumOf(5, 3, 50)).toMatchObject({ required: 3, met: true });
    expect(quorumOf(5, 2, 50)).toMatchObject({ required: 3, met: false });
    expect(quorumOf(4, 2, 50)).toMatchObject({ required: 3, met: false });
    expect(quorumOf(4, 3, 50)).toMatchObject({ required: 3, met: true });
  });

  it("follows the session's share and never holds without members", () => {
    expect(quorumOf(6, 4, 66)).toMatchObject({ required: 4, met: true });
    expect(quorumOf(6, 4, 67)).toMatchObject({ required: 5, met: false });
    expect(quorumOf(0, 0, 50).met).toBe(false);
  });
});

describe("outcome", () => {
  const quorate = quorumOf(5, 4, 50);

  it("is the majority of the votes that are not abstentions", () => {
    expect(outcomeOf(votes("APPROVE", "APPROVE", "REJECT"), quorate, "DEFER", undefined)).toEqual({
      kind: "DECIDED",
      decision: "APPROVED",
      chairBrokeTie: false,
    });
    // Abstentions count for neither side: one rejection against none decides.
    expect(outcomeOf(votes("REJECT", "ABSTAIN", "ABSTAIN"), quorate, "DEFER", undefined)).toEqual({
      kind: "DECIDED",
      decision: "REJECTED",
      chairBrokeTie: false,
    });
  });

  it("breaks a tie with the chair's vote when the session says so", () => {
    const tie = votes("APPROVE", "REJECT", "APPROVE", "REJECT");
    expect(outcomeOf(tie, quorate, "CHAIR_CASTING_VOTE", "REJECT")).toEqual({
      kind: "DECIDED",
      decision: "REJECTED",
      chairBrokeTie: true,
    });
    expect(outcomeOf(tie, quorate, "CHAIR_CASTING_VOTE", "APPROVE")).toMatchObject({
      decision: "APPROVED",
      chairBrokeTie: true,
    });
    // A chair who abstained (or did not vote) breaks nothing: the item cannot be decided.
    expect(outcomeOf(tie, quorate, "CHAIR_CASTING_VOTE", "ABSTAIN")).toEqual({
      kind: "TIE_UNBROKEN",
    });
    expect(outcomeOf(tie, quorate, "CHAIR_CASTING_VOTE", undefined)).toEqual({
      kind: "TIE_UNBROKEN",
    });
  });

  it("defers a tie when the session says so, all abstentions included", () => {
    expect(outcomeOf(votes("APPROVE", "REJECT"), quorate, "DEFER", "APPROVE")).toEqual({
      kind: "DEFER",
    });
    expect(outcomeOf(votes("ABSTAIN", "ABSTAIN", "ABSTAIN"), quorate, "DEFER", "ABSTAIN")).toEqual({
      kind: "DEFER",
    });
  });

  it("decides nothing without quorum, whatever the votes", () => {
    const short = quorumOf(5, 2, 50);
    expect(outcomeOf(votes("APPROVE", "APPROVE"), short, "DEFER", "APPROVE")).toEqual({
      kind: "NO_QUORUM",
    });
  });
});

describe("numbering", () => {
  it("numbers sessions in the Hijri (Umm al-Qura) year of Riyadh", () => {
    expect(hijriYear(new Date("2026-12-03T09:00:00Z"))).toBe(1448);
    // 1 Muharram 1448 fell on 16 June 2026 (Umm al-Qura): the day before is still 1447.
    expect(hijriYear(new Date("2026-06-15T12:00:00Z"))).toBe(1447);
    expect(hijriYear(new Date("2026-06-16T12:00:00Z"))).toBe(1448);
  });
});
