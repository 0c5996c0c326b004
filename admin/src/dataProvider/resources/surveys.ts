// The surveys resource: newest first; a survey is created with its questions and settings,
// and an update sends only what changed (questions and anonymity are refused by the API once
// the survey has answers).
import { mutation, type ResourceSpec, updateInput } from "../spec.js";
import { blank, trimmed } from "../values.js";

export const surveyQuestionFields =
  "position type textAr textEn required choices { value labelAr labelEn }";

const surveyFields = `
  id titleAr titleEn introAr introEn kind anonymous active activeFrom activeUntil requestTypes
  inviteDelayHours invitationValidDays minimumGroupSize responseCount version
  questions { ${surveyQuestionFields} }`;

type ChoiceValues = { value?: unknown; labelAr?: unknown; labelEn?: unknown };
type QuestionValues = {
  type?: unknown;
  textAr?: unknown;
  textEn?: unknown;
  required?: unknown;
  choices?: ChoiceValues[] | null;
};

const choiceTypes = ["SINGLE_CHOICE", "MULTIPLE_CHOICE"];

/**
 * The form's questions as the API takes them, in the editor's order (the API numbers them):
 * choices only for choice questions, a choice's value its own or its number.
 */
export function surveyQuestionsInput(value: unknown) {
  return ((value as QuestionValues[] | null) ?? []).map((q) => ({
    type: q.type,
    textAr: trimmed(q.textAr) ?? "",
    textEn: trimmed(q.textEn) ?? "",
    required: q.required !== false,
    ...(choiceTypes.includes(String(q.type))
      ? {
          choices: (q.choices ?? []).map((c, i) => ({
            value: blank(trimmed(c.value)) ? String(i + 1) : trimmed(c.value),
            labelAr: trimmed(c.labelAr) ?? "",
            labelEn: trimmed(c.labelEn) ?? "",
          })),
        }
      : {}),
  }));
}

const numbers = ["inviteDelayHours", "invitationValidDays", "minimumGroupSize"];
const surveyEditable = [
  "titleAr",
  "titleEn",
  "introAr",
  "introEn",
  "anonymous",
  "active",
  "activeFrom",
  "activeUntil",
  "requestTypes",
  "inviteDelayHours",
  "invitationValidDays",
  "minimumGroupSize",
  "questions",
] as const;

/** A value of the form as the API takes it ("" is no value; numbers as numbers). */
function surveyValue(field: string, value: unknown): unknown {
  if (field === "questions") return surveyQuestionsInput(value);
  if (numbers.includes(field)) return blank(value) ? null : Number(value);
  if (field === "activeFrom" || field === "activeUntil")
    return blank(value) ? null : new Date(String(value)).toISOString();
  if (field === "requestTypes") return [...((value as string[] | null) ?? [])].sort();
  return trimmed(value);
}

export function surveyCreateInput(data: Record<string, unknown>) {
  const input: Record<string, unknown> = { kind: data.kind };
  for (const field of surveyEditable) {
    const value = surveyValue(field, data[field]);
    if (value !== null && value !== undefined) input[field] = value;
  }
  return input;
}

export function surveyUpdateInput(
  id: string,
  data: Record<string, unknown>,
  previous: Record<string, unknown> = {},
) {
  return updateInput({ id }, surveyEditable, data, previous, surveyValue);
}

export const surveys: ResourceSpec = {
  typeName: "Survey",
  listField: "surveys",
  fields: surveyFields,
  create: mutation("createSurvey", "survey", surveyCreateInput),
  update: mutation("updateSurvey", "survey", surveyUpdateInput),
};
