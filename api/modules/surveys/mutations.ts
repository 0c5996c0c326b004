// Survey commands in the schema: admins define and send surveys; the member answers from the
// link (public: the link is the proof); staff close follow-ups of low named ratings.
import { anonymous } from "../../auth/caller.js";
import { run } from "../../db/commands.js";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { ChannelEnum, MembershipStatusEnum, RequestTypeCodeEnum } from "../../graphql/enums.js";
import {
  answerSurvey,
  closeFollowUp,
  createSurvey,
  type QuestionInput,
  sendSurveyRound,
  updateSurvey,
} from "./service.js";
import { QuestionTypeEnum, SurveyFollowUpNode, SurveyKindEnum, SurveyNode } from "./types.js";

const ChoiceInput = builder.inputType("SurveyChoiceInput", {
  description: "A choice of a choice question.",
  fields: (t) => ({
    value: t.string({
      required: true,
      description: "What an answer sends; unique in the question.",
    }),
    labelAr: t.string({ required: true, description: "Arabic label." }),
    labelEn: t.string({ required: true, description: "English label." }),
  }),
});

const QuestionInputType = builder.inputType("SurveyQuestionInput", {
  description: "A question, in the order given.",
  fields: (t) => ({
    type: t.field({ type: QuestionTypeEnum, required: true, description: "Its kind." }),
    textAr: t.string({ required: true, description: "Arabic text." }),
    textEn: t.string({ required: true, description: "English text." }),
    required: t.boolean({
      required: false,
      description: "Whether an answer is required (default true).",
    }),
    choices: t.field({
      type: [ChoiceInput],
      required: false,
      description: "For choice questions: two or more.",
    }),
  }),
});

const surveyFields = {
  introAr: "Arabic introduction.",
  introEn: "English introduction.",
} as const;

const SurveyInputType = builder.inputType("CreateSurveyInput", {
  description: "A new survey.",
  fields: (t) => ({
    titleAr: t.string({ required: true, description: "Arabic title." }),
    titleEn: t.string({ required: true, description: "English title." }),
    introAr: t.string({ required: false, description: surveyFields.introAr }),
    introEn: t.string({ required: false, description: surveyFields.introEn }),
    kind: t.field({ type: SurveyKindEnum, required: true, description: "Its kind." }),
    anonymous: t.boolean({ required: false, description: "Anonymous (default true)." }),
    active: t.boolean({ required: false, description: "Taking answers (default true)." }),
    activeFrom: t.field({ type: "DateTime", required: false, description: "Window start." }),
    activeUntil: t.field({ type: "DateTime", required: false, description: "Window end." }),
    requestTypes: t.field({
      type: [RequestTypeCodeEnum],
      required: false,
      description: "Invite after completing or resolving requests of these types.",
    }),
    inviteDelayHours: t.int({
      required: false,
      description: "Hours after the service, 0–720 (default 0).",
    }),
    invitationValidDays: t.int({
      required: false,
      description: "Days a link works, 1–90 (default 14).",
    }),
    minimumGroupSize: t.int({
      required: false,
      description: "Fewest responses shown in a breakdown, 3–100 (default 5).",
    }),
    questions: t.field({
      type: [QuestionInputType],
      required: true,
      description: "1–30 questions, in order.",
    }),
  }),
});

const UpdateSurveyInputType = builder.inputType("UpdateSurveyInput", {
  description:
    "What to change; omitted fields stay. Questions and anonymity are fixed once answered.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: SurveyNode, description: "The survey." }),
    version: t.int({ required: true, description: "The version you read." }),
    titleAr: t.string({ required: false, description: "Arabic title." }),
    titleEn: t.string({ required: false, description: "English title." }),
    introAr: t.string({ required: false, description: surveyFields.introAr }),
    introEn: t.string({ required: false, description: surveyFields.introEn }),
    anonymous: t.boolean({ required: false, description: "Anonymous." }),
    active: t.boolean({ required: false, description: "Taking answers." }),
    activeFrom: t.field({ type: "DateTime", required: false, description: "Window start." }),
    activeUntil: t.field({ type: "DateTime", required: false, description: "Window end." }),
    requestTypes: t.field({
      type: [RequestTypeCodeEnum],
      required: false,
      description: "Invite after these types.",
    }),
    inviteDelayHours: t.int({ required: false, description: "Hours after the service." }),
    invitationValidDays: t.int({ required: false, description: "Days a link works." }),
    minimumGroupSize: t.int({ required: false, description: "Fewest responses in a breakdown." }),
    questions: t.field({
      type: [QuestionInputType],
      required: false,
      description: "All questions, replacing them.",
    }),
  }),
});

const questionsOf = (list: readonly QuestionInput[] | null | undefined) => list ?? undefined;

const AnswerInputType = builder.inputType("SurveyAnswerInput", {
  description: "The answer to one question.",
  fields: (t) => ({
    position: t.int({ required: true, description: "The question's number." }),
    rating: t.int({ required: false, description: "For RATING (1–5) and NPS (0–10)." }),
    choices: t.stringList({
      required: false,
      description: "For choice questions: the values chosen.",
    }),
    text: t.string({ required: false, description: "For FREE_TEXT, at most 2,000 characters." }),
  }),
});

const AnsweredType = builder.objectRef<{ recorded: boolean }>("SurveyAnswered").implement({
  description: "The answers were recorded.",
  fields: (t) => ({ recorded: t.exposeBoolean("recorded", { description: "Always true." }) }),
});

const RoundType = builder.objectRef<{ invited: number }>("SurveyRound").implement({
  description: "A round of invitations queued.",
  fields: (t) => ({ invited: t.exposeInt("invited", { description: "Members invited." }) }),
});

builder.mutationFields((t) => ({
  createSurvey: t.field({
    type: SurveyNode,
    description: "Defines a survey (admins).",
    authScopes: { permission: "surveys.edit" },
    errors: {
      types: [ValidationError],
      union: { name: "CreateSurveyResult", description: "The survey, or why not." },
      result: { name: "CreateSurveySuccess", description: "Created." },
      dataField: { name: "survey", description: "The survey." },
    },
    args: { input: t.arg({ type: SurveyInputType, required: true, description: "The survey." }) },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), createSurvey, {
        ...input,
        requestTypeCodes: input.requestTypes,
      }),
  }),
  updateSurvey: t.field({
    type: SurveyNode,
    description:
      "Changes a survey (admins); its questions and anonymity are fixed once it has answers.",
    authScopes: { permission: "surveys.edit" },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError],
      union: { name: "UpdateSurveyResult", description: "The survey, or why not." },
      result: { name: "UpdateSurveySuccess", description: "Changed." },
      dataField: { name: "survey", description: "The survey." },
    },
    args: {
      input: t.arg({ type: UpdateSurveyInputType, required: true, description: "The changes." }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), updateSurvey, {
        ...input,
        id: input.id.id,
        titleAr: input.titleAr ?? undefined,
        titleEn: input.titleEn ?? undefined,
        requestTypeCodes: input.requestTypes,
        questions: questionsOf(input.questions),
      }),
  }),
  sendSurveyRound: t.field({
    type: RoundType,
    description:
      "Invites the members selected (active members by default) to an open survey now, e.g. a periodic NPS round; members holding an unexpired invitation to it are skipped.",
    authScopes: { permission: "surveys.send" },
    errors: {
      types: [ValidationError, NotFoundError, PreconditionFailedError],
      union: { name: "SendSurveyRoundResult", description: "The round, or why not." },
      result: { name: "SendSurveyRoundSuccess", description: "Queued." },
      dataField: { name: "round", description: "The round." },
    },
    args: {
      input: t.arg({
        type: builder.inputType("SendSurveyRoundInput", {
          description: "The survey and whom to invite.",
          fields: (f) => ({
            survey: f.globalID({ required: true, for: SurveyNode, description: "The survey." }),
            statuses: f.field({
              type: [MembershipStatusEnum],
              required: false,
              description: "Membership statuses (default ACTIVE).",
            }),
            cities: f.stringList({ required: false, description: "Only these cities." }),
            channels: f.field({
              type: [ChannelEnum],
              required: false,
              description: "Only members preferring these channels.",
            }),
          }),
        }),
        required: true,
        description: "The round.",
      }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), sendSurveyRound, {
        surveyId: input.survey.id,
        selection: { statuses: input.statuses, cities: input.cities, channels: input.channels },
      }),
  }),
  answerSurvey: t.field({
    type: AnsweredType,
    description:
      "The member answers from their invitation's link (public: the link is the proof), once. Each answer is checked against its question; fieldErrors name `answers.<position>`.",
    authScopes: { public: true },
    errors: {
      types: [ValidationError, NotFoundError, PreconditionFailedError],
      union: { name: "AnswerSurveyResult", description: "Recorded, or why not." },
      result: { name: "AnswerSurveySuccess", description: "Recorded." },
      dataField: { name: "answer", description: "The receipt." },
    },
    args: {
      input: t.arg({
        type: builder.inputType("AnswerSurveyInput", {
          description: "The link's token and the answers.",
          fields: (f) => ({
            token: f.string({ required: true, description: "The token from the link." }),
            answers: f.field({
              type: [AnswerInputType],
              required: true,
              description: "One per question answered.",
            }),
          }),
        }),
        required: true,
        description: "The answers.",
      }),
    },
    resolve: (_root, { input }, context) => run(context, anonymous, answerSurvey, input),
  }),
  closeSurveyFollowUp: t.field({
    type: SurveyFollowUpNode,
    description: "Closes the follow-up of a low named rating with what was done.",
    authScopes: { permission: "surveys.followUp" },
    errors: {
      types: [ValidationError, NotFoundError, ForbiddenError],
      union: { name: "CloseSurveyFollowUpResult", description: "The follow-up, or why not." },
      result: { name: "CloseSurveyFollowUpSuccess", description: "Closed." },
      dataField: { name: "followUp", description: "The follow-up." },
    },
    args: {
      input: t.arg({
        type: builder.inputType("CloseSurveyFollowUpInput", {
          description: "The follow-up and what was done.",
          fields: (f) => ({
            id: f.globalID({
              required: true,
              for: SurveyFollowUpNode,
              description: "The follow-up.",
            }),
            note: f.string({
              required: true,
              description: "What was done, at most 2,000 characters.",
            }),
          }),
        }),
        required: true,
        description: "What to close.",
      }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), closeFollowUp, { id: input.id.id, note: input.note }),
  }),
}));
