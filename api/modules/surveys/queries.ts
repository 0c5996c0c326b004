import { ForbiddenError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { requirePageSize } from "../../graphql/pagination.js";
import { surveyAnalytics, surveyComments } from "./analytics.js";
import { type LinkState, readSurveyLink } from "./service.js";
import {
  FollowUpStatusEnum,
  SurveyAnalyticsType,
  SurveyCommentType,
  SurveyDimensionEnum,
  SurveyFollowUpNode,
  SurveyNode,
  SurveyQuestionType,
} from "./types.js";

const SurveyLinkStateEnum = builder.enumType("SurveyLinkState", {
  description:
    "VALID (answer now), USED (already answered), EXPIRED, or CLOSED (the survey stopped taking answers).",
  values: {
    VALID: { description: "The link can be used to answer now." },
    USED: { description: "The survey was already answered through it." },
    EXPIRED: { description: "Its time ran out." },
    CLOSED: { description: "The survey stopped taking answers." },
  } as const,
});

type SurveyLinkShape = NonNullable<Awaited<ReturnType<typeof readSurveyLink>>>;
const SurveyLinkType = builder.objectRef<SurveyLinkShape>("SurveyLink").implement({
  description: "What a survey invitation's link shows its holder.",
  fields: (t) => ({
    state: t.field({
      type: SurveyLinkStateEnum,
      description: "Whether it can be answered.",
      resolve: (l): LinkState => l.state,
    }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", description: "Until when it works." }),
    titleAr: t.string({
      nullable: true,
      description: "The survey's Arabic title, while VALID.",
      resolve: (l) => l.survey?.titleAr ?? null,
    }),
    titleEn: t.string({
      nullable: true,
      description: "Its English title, while VALID.",
      resolve: (l) => l.survey?.titleEn ?? null,
    }),
    introAr: t.string({
      nullable: true,
      description: "Arabic introduction, while VALID.",
      resolve: (l) => l.survey?.introAr ?? null,
    }),
    introEn: t.string({
      nullable: true,
      description: "English introduction, while VALID.",
      resolve: (l) => l.survey?.introEn ?? null,
    }),
    anonymous: t.boolean({
      nullable: true,
      description: "Whether the answers are anonymous (told to the member before they answer).",
      resolve: (l) => l.survey?.anonymous ?? null,
    }),
    questions: t.field({
      type: [SurveyQuestionType],
      description: "The questions, while VALID; empty otherwise.",
      resolve: (l) => l.survey?.questions ?? [],
    }),
  }),
});

builder.queryFields((t) => ({
  surveyLink: t.field({
    type: SurveyLinkType,
    nullable: true,
    description:
      "What an invitation's link shows (public: the link is the proof); null for a token that was never issued.",
    authScopes: { public: true },
    args: { token: t.arg.string({ required: true, description: "The token from the link." }) },
    resolve: (_root, { token }, context) => readSurveyLink(context.prisma, token),
  }),
  surveys: t.prismaConnection(
    {
      type: SurveyNode,
      cursor: "id",
      description: "Surveys, newest first.",
      authScopes: { permission: "surveys.list" },
      // Nullable: a refusal nulls this field, not the whole `data` of a query.
      nullable: true,
      totalCount: (_parent, args, context) => {
        requirePageSize(args);
        return context.prisma.survey.count();
      },
      resolve: (query, _parent, args, context) => {
        requirePageSize(args);
        return context.prisma.survey.findMany({
          ...query,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        });
      },
    },
    { name: "SurveyConnection", description: "A page of surveys." },
    { name: "SurveyEdge", description: "A survey in a page." },
  ),
  surveyAnalytics: t.field({
    type: SurveyAnalyticsType,
    description:
      "A survey's figures (aggregates only), overall and by a dimension; groups under the survey's minimum are suppressed. By staff member: admins only.",
    authScopes: { permission: "surveys.analytics" },
    // Nullable: a refusal nulls this field, not the whole `data` of a query.
    nullable: true,
    errors: {
      types: [NotFoundError, ForbiddenError],
      union: { name: "SurveyAnalyticsResult", description: "The figures, or why not." },
      result: { name: "SurveyAnalyticsSuccess", description: "The figures." },
      dataField: { name: "analytics", description: "The figures." },
    },
    args: {
      survey: t.arg.globalID({ required: true, for: SurveyNode, description: "The survey." }),
      groupBy: t.arg({
        type: SurveyDimensionEnum,
        required: false,
        description: "Break down by this.",
      }),
      from: t.arg({ type: "Date", required: false, description: "From this month (inclusive)." }),
      to: t.arg({ type: "Date", required: false, description: "Before this day." }),
    },
    resolve: async (_root, args, context) =>
      surveyAnalytics(context.prisma, await context.caller(), {
        surveyId: args.survey.id,
        groupBy: args.groupBy,
        from: args.from,
        to: args.to,
      }),
  }),
  surveyComments: t.field({
    type: [SurveyCommentType],
    description:
      "Free-text answers, newest first (at most `first`, ≤ 100). An anonymous survey's are listed only once it has the minimum of responses.",
    authScopes: { permission: "surveys.analytics" },
    // Nullable: a refusal nulls this field, not the whole `data` of a query.
    nullable: true,
    args: {
      survey: t.arg.globalID({ required: true, for: SurveyNode, description: "The survey." }),
      first: t.arg.int({ required: true, description: "How many, 1–100." }),
    },
    resolve: async (_root, args, context) => {
      requirePageSize(args);
      return (await surveyComments(context.prisma, args.survey.id, args.first)).comments;
    },
  }),
  surveyFollowUps: t.prismaConnection(
    {
      type: SurveyFollowUpNode,
      cursor: "id",
      description: "Low ratings on named surveys to follow up, open first.",
      authScopes: { permission: "surveys.followUp" },
      // Nullable: a refusal nulls this field, not the whole `data` of a query.
      nullable: true,
      args: {
        status: t.arg({
          type: FollowUpStatusEnum,
          required: false,
          description: "Only this status.",
        }),
      },
      totalCount: (_parent, args, context) => {
        requirePageSize(args);
        return context.prisma.surveyResponse.count({
          where: { followUp: args.status ?? { not: null } },
        });
      },
      resolve: (query, _parent, args, context) => {
        requirePageSize(args);
        return context.prisma.surveyResponse.findMany({
          ...query,
          where: { followUp: args.status ?? { not: null } },
          orderBy: [{ followUp: "asc" }, { month: "desc" }, { id: "desc" }],
        });
      },
    },
    { name: "SurveyFollowUpConnection", description: "A page of follow-ups." },
    { name: "SurveyFollowUpEdge", description: "A follow-up in a page." },
  ),
}));
