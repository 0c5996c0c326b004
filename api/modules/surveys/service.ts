// Surveys (policy: rating is the member's right, a tool for improvement, not for blame):
// admins define them; members are invited through the outbox with a single-use, expiring
// link once a service is done (or in a periodic round); answering records the answers once.
// An anonymous survey's response keeps no member, request, invitation or moment (the month
// only, a random id): nothing in the data can join it back to a person.
import type { Db, Prisma } from "../../db/client.js";
import type { CommandContext } from "../../db/commands.js";
import type {
  Channel,
  MembershipStatus,
  RequestTypeCode,
  SurveyKind,
} from "../../db/generated/enums.js";
import {
  FieldErrors,
  NotFoundError,
  PreconditionFailedError,
  refusal,
  ValidationError,
} from "../../errors.js";
import type { MessageKey } from "../../i18n/messages.js";
import { isLinkToken, linkTokenHash, newLinkToken } from "../../shared/link-tokens.js";
import { changedFields, expectVersion, recordAudit } from "../audit/service.js";
import { enqueueNotification } from "../notifications/outbox.js";
import type { RequestAction } from "../requests/lifecycle.js";
import type { RequestWithContext } from "../requests/request-fields.js";
import {
  type AnswerInput,
  type CheckedAnswer,
  callsForFollowUp,
  checkAnswer,
  monthOf,
  type SurveyChoice,
} from "./rules.js";

const hourMs = 3_600_000;
const dayMs = 86_400_000;

export type QuestionInput = {
  type: Prisma.SurveyQuestionCreateWithoutSurveyInput["type"];
  textAr: string;
  textEn: string;
  required?: boolean | null | undefined;
  choices?: readonly SurveyChoice[] | null | undefined;
};

export type SurveyInput = {
  titleAr: string;
  titleEn: string;
  introAr?: string | null | undefined;
  introEn?: string | null | undefined;
  kind: SurveyKind;
  anonymous?: boolean | null | undefined;
  active?: boolean | null | undefined;
  activeFrom?: Date | null | undefined;
  activeUntil?: Date | null | undefined;
  requestTypeCodes?: readonly RequestTypeCode[] | null | undefined;
  inviteDelayHours?: number | null | undefined;
  invitationValidDays?: number | null | undefined;
  minimumGroupSize?: number | null | undefined;
  questions: readonly QuestionInput[];
};

function wholeIn(
  errors: FieldErrors,
  field: string,
  value: number | null | undefined,
  min: number,
  max: number,
) {
  if (value != null && (!Number.isInteger(value) || value < min || value > max))
    errors.add(field, "surveys.numberRange", { min, max });
}

/** The survey's fields checked and shaped for the database (questions apart). */
function checkedSurvey(input: Partial<Omit<SurveyInput, "questions">>, errors: FieldErrors) {
  const titleAr = errors.text("titleAr", input.titleAr, 200, input.titleAr !== undefined);
  const titleEn = errors.text("titleEn", input.titleEn, 200, input.titleEn !== undefined);
  const introAr = errors.text("introAr", input.introAr, 2_000);
  const introEn = errors.text("introEn", input.introEn, 2_000);
  wholeIn(errors, "inviteDelayHours", input.inviteDelayHours, 0, 24 * 30);
  wholeIn(errors, "invitationValidDays", input.invitationValidDays, 1, 90);
  wholeIn(errors, "minimumGroupSize", input.minimumGroupSize, 3, 100);
  if (input.activeFrom && input.activeUntil && input.activeUntil <= input.activeFrom)
    errors.add("activeUntil", "surveys.windowOrder");
  const data = {
    ...(titleAr !== undefined ? { titleAr } : {}),
    ...(titleEn !== undefined ? { titleEn } : {}),
    ...(introAr !== undefined ? { introAr } : {}),
    ...(introEn !== undefined ? { introEn } : {}),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.anonymous != null ? { anonymous: input.anonymous } : {}),
    ...(input.active != null ? { active: input.active } : {}),
    ...(input.activeFrom !== undefined ? { activeFrom: input.activeFrom } : {}),
    ...(input.activeUntil !== undefined ? { activeUntil: input.activeUntil } : {}),
    ...(input.requestTypeCodes ? { requestTypeCodes: [...new Set(input.requestTypeCodes)] } : {}),
    ...(input.inviteDelayHours != null ? { inviteDelayHours: input.inviteDelayHours } : {}),
    ...(input.invitationValidDays != null
      ? { invitationValidDays: input.invitationValidDays }
      : {}),
    ...(input.minimumGroupSize != null ? { minimumGroupSize: input.minimumGroupSize } : {}),
  };
  return data;
}

function checkedQuestions(errors: FieldErrors, questions: readonly QuestionInput[]) {
  if (!questions.length) errors.add("questions", "surveys.noQuestions");
  if (questions.length > 30) errors.add("questions", "surveys.tooManyQuestions", { max: 30 });
  return questions.map((q, index) => {
    const field = `questions.${index + 1}`;
    const textAr = errors.text(`${field}.textAr`, q.textAr, 500, true) ?? "";
    const textEn = errors.text(`${field}.textEn`, q.textEn, 500, true) ?? "";
    const choices = (q.choices ?? []).map((c) => ({
      value: c.value.trim(),
      labelAr: c.labelAr.trim(),
      labelEn: c.labelEn.trim(),
    }));
    const choosing = q.type === "SINGLE_CHOICE" || q.type === "MULTIPLE_CHOICE";
    if (choosing && choices.length < 2) errors.add(`${field}.choices`, "surveys.twoChoices");
    if (!choosing && choices.length) errors.add(`${field}.choices`, "surveys.choicesNotForType");
    if (
      choices.some((c) => !c.value || !c.labelAr || !c.labelEn) ||
      new Set(choices.map((c) => c.value)).size !== choices.length
    )
      errors.add(`${field}.choices`, "surveys.choiceIncomplete");
    return {
      position: index + 1,
      type: q.type,
      textAr,
      textEn,
      required: q.required ?? true,
      ...(choosing ? { choices } : {}),
    };
  });
}

function requireAdmin(context: CommandContext) {
  if (context.caller.kind !== "user") throw refusal(context.caller.kind !== "anonymous");
}

export async function createSurvey(context: CommandContext, input: SurveyInput) {
  requireAdmin(context);
  const { tx } = context;
  const errors = new FieldErrors();
  const data = checkedSurvey(input, errors);
  const questions = checkedQuestions(errors, input.questions);
  errors.throwIfAny();
  const survey = await tx.survey.create({
    data: {
      ...data,
      titleAr: data.titleAr ?? "",
      titleEn: data.titleEn ?? "",
      kind: input.kind,
      questions: { create: questions },
      createdAt: context.now,
      updatedAt: context.now,
    },
  });
  await recordAudit(context, {
    action: "CREATE",
    entityType: "Survey",
    entityId: survey.id,
    changes: changedFields({} as Record<string, unknown>, { ...data, questions: questions.length }),
  });
  return survey;
}

export type UpdateSurveyInput = Partial<Omit<SurveyInput, "questions">> & {
  id: string;
  version: number;
  questions?: readonly QuestionInput[] | null | undefined;
};

/**
 * Changes a survey. Once answered, its questions and its anonymity stay as they were: the
 * answers given mean what they were asked as, and a promise of anonymity is not withdrawn.
 */
export async function updateSurvey(context: CommandContext, input: UpdateSurveyInput) {
  requireAdmin(context);
  const { tx } = context;
  const before = await tx.survey.findUnique({ where: { id: input.id } });
  if (!before) throw new NotFoundError("Survey", input.id);
  await expectVersion(context, "Survey", before, input.version);
  const errors = new FieldErrors();
  const data = checkedSurvey(input, errors);
  const questions = input.questions ? checkedQuestions(errors, input.questions) : undefined;
  const answered = (await tx.surveyResponse.count({ where: { surveyId: before.id } })) > 0;
  if (answered && questions) errors.add("questions", "surveys.answeredSurveyFixed");
  if (answered && data.anonymous !== undefined && data.anonymous !== before.anonymous)
    errors.add("anonymous", "surveys.answeredSurveyFixed");
  errors.throwIfAny();
  if (questions) await tx.surveyQuestion.deleteMany({ where: { surveyId: before.id } });
  const survey = await tx.survey.update({
    where: { id: before.id },
    data: {
      ...data,
      version: { increment: 1 },
      updatedAt: context.now,
      ...(questions ? { questions: { create: questions } } : {}),
    },
  });
  await recordAudit(context, {
    action: "UPDATE",
    entityType: "Survey",
    entityId: survey.id,
    changes: {
      ...changedFields(before as unknown as Record<string, unknown>, data),
      ...(questions ? { questions: { before: null, after: questions.length } } : {}),
    },
  });
  return survey;
}

/** Whether a survey is taking answers at this moment. */
function isOpen(
  survey: { active: boolean; activeFrom: Date | null; activeUntil: Date | null },
  now: Date,
) {
  return (
    survey.active &&
    (!survey.activeFrom || survey.activeFrom <= now) &&
    (!survey.activeUntil || survey.activeUntil > now)
  );
}

type Invitee = { memberId: string; requestId: string | null; reference: string | null };

/** Creates an invitation and queues its message (delivered not before `notBefore`). */
async function invite(
  context: CommandContext,
  survey: { id: string; invitationValidDays: number },
  invitee: Invitee,
  notBefore: Date,
) {
  const { tx, publicUrl } = context;
  const { token, hash } = newLinkToken();
  const expiresAt = new Date(notBefore.getTime() + survey.invitationValidDays * dayMs);
  await tx.surveyInvitation.create({
    data: {
      surveyId: survey.id,
      memberId: invitee.memberId,
      requestId: invitee.requestId,
      tokenHash: hash,
      status: "SENT",
      sentAt: notBefore,
      expiresAt,
      createdAt: context.now,
    },
  });
  await enqueueNotification(context, {
    event: "SURVEY_INVITATION",
    memberId: invitee.memberId,
    requestId: invitee.requestId ?? undefined,
    // In the fragment: browsers do not send it to the server nor in Referer headers.
    params: {
      reference: invitee.reference,
      surveyLink: `${publicUrl}/survey#${token}`,
      validUntil: expiresAt,
    },
    notBefore,
  });
}

/** The actions after which the member is asked how the service went. */
const serviceDone: readonly RequestAction[] = ["COMPLETE", "RESOLVE"];

/**
 * Once a request is completed or resolved, each open after-service survey configured for its
 * type invites the member (after the survey's delay), once per request.
 */
export async function inviteAfterService(
  context: CommandContext,
  request: RequestWithContext,
  action: RequestAction,
): Promise<void> {
  if (!serviceDone.includes(action)) return;
  const { tx, now } = context;
  // A handful of surveys at most: filtered here, as the driver adapters refuse `has` on an
  // array of enum values ("malformed array literal").
  const surveys = await tx.survey.findMany({
    where: { kind: { in: ["CSAT", "GENERAL"] }, active: true },
  });
  for (const survey of surveys.filter(
    (s) => s.requestTypeCodes.includes(request.typeCode) && isOpen(s, now),
  )) {
    const already = await tx.surveyInvitation.findUnique({
      where: { surveyId_requestId: { surveyId: survey.id, requestId: request.id } },
      select: { id: true },
    });
    if (already) continue;
    await invite(
      context,
      survey,
      { memberId: request.memberId, requestId: request.id, reference: request.reference },
      new Date(now.getTime() + survey.inviteDelayHours * hourMs),
    );
  }
}

export type MemberSelection = {
  statuses?: readonly MembershipStatus[] | null | undefined;
  cities?: readonly string[] | null | undefined;
  channels?: readonly Channel[] | null | undefined;
};

/** The most members one round may invite: a larger round is split by its filters. */
export const roundLimit = 5_000;

/**
 * A periodic round (an NPS survey, say) sent now to the members the filter selects (active
 * members by default), skipping those holding an unexpired invitation to it.
 */
export async function sendSurveyRound(
  context: CommandContext,
  input: { surveyId: string; selection: MemberSelection },
): Promise<{ invited: number }> {
  requireAdmin(context);
  const { tx, caller, now } = context;
  const survey = await tx.survey.findUnique({ where: { id: input.surveyId } });
  if (!survey) throw new NotFoundError("Survey", input.surveyId);
  if (!isOpen(survey, now)) throw new PreconditionFailedError("SURVEY_CLOSED", "surveys.closed");
  const where: Prisma.MemberWhereInput = {
    status: {
      in: [...(input.selection.statuses?.length ? input.selection.statuses : ["ACTIVE" as const])],
    },
    ...(input.selection.cities?.length ? { city: { in: [...input.selection.cities] } } : {}),
    ...(input.selection.channels?.length
      ? { preferredChannel: { in: [...input.selection.channels] } }
      : {}),
    invitations: { none: { surveyId: survey.id, status: "SENT", expiresAt: { gt: now } } },
  };
  const count = await tx.member.count({ where });
  if (count > roundLimit)
    throw new ValidationError([
      {
        path: ["input", "selection"],
        messageKey: "surveys.roundTooLarge",
        params: {
          count: { counted: "members", n: count },
          max: { counted: "members", n: roundLimit },
        },
      },
    ]);
  const members = await tx.member.findMany({ where, select: { id: true } });
  for (const member of members)
    await invite(context, survey, { memberId: member.id, requestId: null, reference: null }, now);
  await recordAudit(
    { tx, caller, now },
    {
      action: "CREATE",
      entityType: "SurveyRound",
      entityId: survey.id,
      changes: {
        invited: { before: null, after: members.length },
        selection: { before: null, after: input.selection },
      },
    },
  );
  return { invited: members.length };
}

export type LinkState = "VALID" | "USED" | "EXPIRED" | "CLOSED";

const linkRefusals: Record<Exclude<LinkState, "VALID">, MessageKey> = {
  USED: "surveys.linkUsed",
  EXPIRED: "surveys.linkExpired",
  CLOSED: "surveys.linkClosed",
};

async function invitationOf(db: Db, token: string) {
  if (!isLinkToken(token)) return null;
  return db.surveyInvitation.findUnique({
    where: { tokenHash: linkTokenHash(token) },
    include: { survey: { include: { questions: { orderBy: { position: "asc" } } } } },
  });
}

function linkState(
  invitation: {
    status: string;
    expiresAt: Date;
    survey: { active: boolean; activeFrom: Date | null; activeUntil: Date | null };
  },
  now: Date,
): LinkState {
  if (invitation.status === "ANSWERED") return "USED";
  if (invitation.expiresAt <= now) return "EXPIRED";
  return isOpen(invitation.survey, now) ? "VALID" : "CLOSED";
}

/** What the answer page shows for a token: the survey while the link is valid, else why not. */
export async function readSurveyLink(db: Db, token: string, now = new Date()) {
  const invitation = await invitationOf(db, token);
  if (!invitation) return null;
  const state = linkState(invitation, now);
  return {
    state,
    expiresAt: invitation.expiresAt,
    survey: state === "VALID" ? invitation.survey : null,
  };
}

export type AnswerSurveyInput = { token: string; answers: readonly AnswerInput[] };

/**
 * Records the member's answers once. The invitation is consumed first, guarded by its
 * version: of two submissions of one link, one records. For an anonymous survey the response
 * keeps only its analytic dimensions and the invitation only that it was used.
 */
export async function answerSurvey(context: CommandContext, input: AnswerSurveyInput) {
  const { tx, now } = context;
  const invitation = await invitationOf(tx, input.token);
  if (!invitation) throw new NotFoundError("SurveyInvitation", "token");
  const state = linkState(invitation, now);
  if (state !== "VALID") throw new PreconditionFailedError(`LINK_${state}`, linkRefusals[state]);
  const survey = invitation.survey;
  const given = new Map(input.answers.map((a) => [a.position, a]));
  const checked: CheckedAnswer[] = [];
  const errors = new FieldErrors();
  for (const question of survey.questions) {
    const result = checkAnswer(
      { ...question, choices: (question.choices as SurveyChoice[] | null) ?? [] },
      given.get(question.position),
    );
    if (!result) continue;
    if ("messageKey" in result)
      errors.add(`answers.${question.position}`, result.messageKey, result.params);
    else checked.push(result);
  }
  for (const position of given.keys())
    if (!survey.questions.some((q) => q.position === position))
      errors.add(`answers.${position}`, "surveys.unknownQuestion");
  errors.throwIfAny();

  const consumed = await tx.surveyInvitation.updateMany({
    where: { id: invitation.id, version: invitation.version, status: "SENT" },
    data: {
      status: "ANSWERED",
      ...(survey.anonymous ? {} : { answeredAt: now }),
      version: { increment: 1 },
    },
  });
  if (consumed.count !== 1) throw new PreconditionFailedError("LINK_USED", "surveys.linkUsed");
  const request = invitation.requestId
    ? await tx.request.findUnique({
        where: { id: invitation.requestId },
        select: { typeCode: true, channel: true, assigneeId: true },
      })
    : null;
  const types = new Map(survey.questions.map((q) => [q.position, q.type]));
  const questionIds = new Map(survey.questions.map((q) => [q.position, q.id]));
  const named = !survey.anonymous;
  await tx.surveyResponse.create({
    data: {
      surveyId: survey.id,
      ...(named ? { memberId: invitation.memberId, requestId: invitation.requestId } : {}),
      requestTypeCode: request?.typeCode ?? null,
      channel: request?.channel ?? null,
      staffId: request?.assigneeId ?? null,
      month: monthOf(now),
      ...(named && callsForFollowUp(checked, types) ? { followUp: "OPEN" as const } : {}),
      answers: {
        create: checked.map((a) => ({
          questionId: questionIds.get(a.position)!,
          rating: a.rating,
          choices: a.choices,
          text: a.text,
        })),
      },
    },
  });
  return { recorded: true };
}

/** Staff close a follow-up on a low rating, saying what was done. */
export async function closeFollowUp(context: CommandContext, input: { id: string; note: string }) {
  requireAdmin(context);
  const { tx } = context;
  const errors = new FieldErrors();
  const note = errors.text("note", input.note, 2_000, true) ?? "";
  errors.throwIfAny();
  const closed = await tx.surveyResponse.updateMany({
    where: { id: input.id, followUp: "OPEN" },
    data: { followUp: "CLOSED", followUpNote: note },
  });
  if (!closed.count) throw new NotFoundError("SurveyFollowUp", input.id);
  await recordAudit(context, {
    action: "UPDATE",
    entityType: "SurveyResponse",
    entityId: input.id,
    changes: { followUp: { before: "OPEN", after: "CLOSED" } },
  });
  return tx.surveyResponse.findUniqueOrThrow({ where: { id: input.id } });
}
