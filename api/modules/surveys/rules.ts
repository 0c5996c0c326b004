// The surveys' rules that need no database: which answers a question accepts, what CSAT and
// NPS are, when a named answer calls for a follow-up, and how a moment is coarsened to the
// month an anonymous response keeps.
import type { QuestionType } from "../../db/generated/enums.js";
import type { MessageKey, MessageParams } from "../../i18n/messages.js";

export type SurveyChoice = { value: string; labelAr: string; labelEn: string };

export type QuestionRule = {
  position: number;
  type: QuestionType;
  required: boolean;
  choices: readonly SurveyChoice[];
};

export type AnswerInput = {
  position: number;
  rating?: number | null | undefined;
  choices?: readonly string[] | null | undefined;
  text?: string | null | undefined;
};

export type CheckedAnswer = {
  position: number;
  rating: number | null;
  choices: string[];
  text: string | null;
};
export type AnswerProblem = { position: number; messageKey: MessageKey; params?: MessageParams };

export const maxAnswerText = 2_000;

const ranges: Partial<Record<QuestionType, [number, number]>> = { RATING: [1, 5], NPS: [0, 10] };

/** One answer checked against its question: the stored form, or what is wrong with it. */
export function checkAnswer(
  question: QuestionRule,
  answer: AnswerInput | undefined,
): CheckedAnswer | AnswerProblem | null {
  const position = question.position;
  const range = ranges[question.type];
  if (range) {
    const rating = answer?.rating;
    if (rating == null)
      return question.required ? { position, messageKey: "surveys.answerRequired" } : null;
    if (!Number.isInteger(rating) || rating < range[0] || rating > range[1])
      return {
        position,
        messageKey: "surveys.ratingRange",
        params: { min: range[0], max: range[1] },
      };
    return { position, rating, choices: [], text: null };
  }
  if (question.type === "SINGLE_CHOICE" || question.type === "MULTIPLE_CHOICE") {
    const picked = [...new Set(answer?.choices ?? [])];
    if (!picked.length)
      return question.required ? { position, messageKey: "surveys.answerRequired" } : null;
    if (question.type === "SINGLE_CHOICE" && picked.length > 1)
      return { position, messageKey: "surveys.oneChoiceOnly" };
    if (picked.some((value) => !question.choices.some((c) => c.value === value)))
      return { position, messageKey: "surveys.unknownChoice" };
    return { position, rating: null, choices: picked, text: null };
  }
  const text = answer?.text?.trim() ?? "";
  if (!text) return question.required ? { position, messageKey: "surveys.answerRequired" } : null;
  if (text.length > maxAnswerText)
    return { position, messageKey: "surveys.textTooLong", params: { max: maxAnswerText } };
  return { position, rating: null, choices: [], text };
}

/** CSAT: the share (percent) of satisfied answers, 4 or 5 out of 5. */
export function csatOf(satisfied: number, answers: number): number | null {
  return answers ? round1((100 * satisfied) / answers) : null;
}

/** NPS: promoters (9–10) minus detractors (0–6), in percent of the answers. */
export function npsOf(promoters: number, detractors: number, answers: number): number | null {
  return answers ? round1((100 * (promoters - detractors)) / answers) : null;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** A named answer that says the service went badly: a rating of 1–2, or an NPS of 0–4. */
export function callsForFollowUp(
  answers: readonly CheckedAnswer[],
  types: Map<number, QuestionType>,
): boolean {
  return answers.some((a) => {
    if (a.rating === null) return false;
    const type = types.get(a.position);
    return type === "RATING" ? a.rating <= 2 : type === "NPS" ? a.rating <= 4 : false;
  });
}

/** The first day of the month in Riyadh: all an anonymous response keeps of its moment. */
export function monthOf(date: Date): Date {
  const [year, month] = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Riyadh",
    year: "numeric",
    month: "2-digit",
  })
    .format(date)
    .split("-");
  return new Date(`${year}-${month}-01T00:00:00Z`);
}
