// The demo CSAT survey's history: invitations sent after finished demo requests and the
// anonymous responses to some of them, so that the figures screen has numbers to show from
// the first start. Generated from its own seeded PRNG (adding them shifts no other demo
// data); responses keep what the API keeps for an anonymous survey (type, channel, staff
// member, month) and nothing that names a person.
import { createHash } from "node:crypto";
import type { Prisma } from "../../api/db/client.js";
import type { Channel, RequestTypeCode } from "../../api/db/generated/enums.js";
import { monthOf } from "../../api/modules/surveys/rules.js";
import { csatSurvey } from "./content.js";
import { createRandom, dayMs, hourMs, type Random } from "./random.js";

/** The request types whose completion or resolution invites the member: the services. */
export const surveyedRequestTypes: RequestTypeCode[] = [
  "FINANCIAL_SUPPORT",
  "IN_KIND_SUPPORT",
  "DATA_UPDATE",
  "INQUIRY",
  "COMPLAINT",
  "SUGGESTION",
];

/** At most this many demo invitations; about two in three are answered. */
const maxInvitations = 72;
const answeredShare = 0.65;

type FinishedRequest = {
  id: string;
  memberId: string;
  typeCode: RequestTypeCode;
  channel: Channel;
  assigneeId: string | null;
  finishedAt: Date;
};

export type DemoSurveyRows = {
  invitations: Prisma.SurveyInvitationCreateManyInput[];
  responses: Prisma.SurveyResponseCreateManyInput[];
  answers: Prisma.SurveyAnswerCreateManyInput[];
};

/** A version-4 UUID from the PRNG: the same seed gives the same rows. */
function seededUuid(rng: Random): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
  hex[12] = "4";
  hex[16] = (8 + rng.int(0, 3)).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Mostly satisfied members, with a tail of unhappy ones (so NPS has detractors). */
function rating(rng: Random, min: number, max: number): number {
  const roll = rng.next();
  const span = max - min;
  if (roll < 0.55) return max - rng.int(0, Math.max(1, Math.round(span * 0.15)));
  if (roll < 0.85) return min + Math.round(span * 0.6) + rng.int(0, Math.round(span * 0.2));
  return min + rng.int(0, Math.round(span * 0.4));
}

const comments = [
  "شكراً على سرعة الرد وحسن التعامل.",
  "الموظف كان متعاوناً وشرح لي الإجراءات بوضوح.",
  "أتمنى تقليل المستندات المطلوبة.",
  "تأخر الرد أكثر مما توقعت.",
  "خدمة ممتازة، جزاكم الله خيراً.",
  "أقترح إرسال رسالة عند كل خطوة في الطلب.",
];

/**
 * Invitations for finished requests of the surveyed types (spread over the history, up to the cap),
 * each sent when its request finished, and an anonymous response for about two in three.
 */
export function demoSurveyRows(
  seed: number,
  now: Date,
  surveyId: string,
  questionIds: readonly string[],
  finished: readonly FinishedRequest[],
): DemoSurveyRows {
  const rng = createRandom(seed + 17);
  const validDays = 14;
  const eligible = finished
    .filter((r) => surveyedRequestTypes.includes(r.typeCode))
    // A stable sort: ties keep the demo's order (request ids are not seeded).
    .sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime());
  // Evenly through the history, so that the month trend has months to show.
  const step = Math.max(1, eligible.length / maxInvitations);
  const picked = Array.from(
    { length: Math.min(maxInvitations, eligible.length) },
    (_, i) => eligible[Math.floor(i * step)]!,
  );
  const rows: DemoSurveyRows = { invitations: [], responses: [], answers: [] };
  for (const request of picked) {
    const sentAt = new Date(request.finishedAt.getTime() + rng.int(0, 6) * hourMs);
    const expiresAt = new Date(sentAt.getTime() + validDays * dayMs);
    const answeredAt = new Date(sentAt.getTime() + rng.int(1, 72) * hourMs);
    const answered = rng.chance(answeredShare) && answeredAt <= now;
    rows.invitations.push({
      id: seededUuid(rng),
      surveyId,
      memberId: request.memberId,
      requestId: request.id,
      // The demo links are never handed out: a hash of nothing anyone holds.
      tokenHash: createHash("sha256")
        .update(`demo-survey-${seededUuid(rng)}`)
        .digest("hex"),
      status: answered ? "ANSWERED" : expiresAt < now ? "EXPIRED" : "SENT",
      sentAt,
      expiresAt,
      createdAt: sentAt,
    });
    if (!answered) continue;
    const responseId = seededUuid(rng);
    rows.responses.push({
      id: responseId,
      surveyId,
      requestTypeCode: request.typeCode,
      channel: request.channel,
      staffId: request.assigneeId,
      month: monthOf(answeredAt),
    });
    csatSurvey.questions.forEach((question, i) => {
      const questionId = questionIds[i]!;
      const base = { id: seededUuid(rng), responseId, questionId };
      if (question.type === "RATING") rows.answers.push({ ...base, rating: rating(rng, 1, 5) });
      else if (question.type === "NPS") rows.answers.push({ ...base, rating: rating(rng, 0, 10) });
      else if (rng.chance(0.4)) rows.answers.push({ ...base, text: rng.pick(comments) });
    });
  }
  return rows;
}
