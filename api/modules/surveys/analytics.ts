// Survey figures from aggregate queries only: CSAT (share of 4–5 on the survey's first
// rating question), NPS (on its first NPS question), response rate, by request type, channel,
// staff member or month. A group with fewer responses than the survey's minimum is shown as
// suppressed, its figures withheld, in every answer (the API, the panel, the CSV), so that
// small groups cannot be read back to people.
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Caller } from "../../auth/caller.js";
import { hasPermission } from "../../auth/permissions.js";
import { type Db, Prisma } from "../../db/client.js";
import { ForbiddenError, NotFoundError } from "../../errors.js";
import { csatOf, npsOf } from "./rules.js";

export const surveyDimensions = ["REQUEST_TYPE", "CHANNEL", "STAFF", "MONTH"] as const;
export type SurveyDimension = (typeof surveyDimensions)[number];

/** Each dimension's column: a fixed list, never text from the caller. */
const columns: Record<SurveyDimension, { response: Prisma.Sql; invitation: Prisma.Sql }> = {
  REQUEST_TYPE: {
    response: Prisma.sql`r."requestTypeCode"::text`,
    invitation: Prisma.sql`q."typeCode"::text`,
  },
  CHANNEL: { response: Prisma.sql`r."channel"::text`, invitation: Prisma.sql`q."channel"::text` },
  STAFF: { response: Prisma.sql`r."staffId"::text`, invitation: Prisma.sql`q."assigneeId"::text` },
  MONTH: {
    response: Prisma.sql`to_char(r."month", 'YYYY-MM')`,
    invitation: Prisma.sql`to_char(date_trunc('month', i."sentAt" AT TIME ZONE 'Asia/Riyadh'), 'YYYY-MM')`,
  },
};

export type SurveyFigures = {
  /** The group's value (a request type, a channel, a staff member's id, "2026-11"); null for all. */
  key: string | null;
  suppressed: boolean;
  responses: number | null;
  invitations: number | null;
  responseRate: number | null;
  csat: number | null;
  nps: number | null;
  averageRating: number | null;
};

type Row = {
  key: string | null;
  responses: bigint;
  csat_n: bigint;
  csat_sat: bigint;
  nps_n: bigint;
  promoters: bigint;
  detractors: bigint;
  rating_sum: number;
};

export type AnalyticsInput = {
  surveyId: string;
  groupBy?: SurveyDimension | null | undefined;
  from?: Date | null | undefined;
  to?: Date | null | undefined;
};

/** Who may see figures by staff member: admins only (improvement, not a ranking of people). */
export function mayBreakDownByStaff(caller: Caller): boolean {
  return caller.kind === "user" && hasPermission(caller.roles, "surveys.staffBreakdown");
}

export async function surveyAnalytics(db: Db, caller: Caller, input: AnalyticsInput) {
  if (input.groupBy === "STAFF" && !mayBreakDownByStaff(caller)) throw new ForbiddenError();
  const survey = await db.survey.findUnique({
    where: { id: input.surveyId },
    include: { questions: { orderBy: { position: "asc" } } },
  });
  if (!survey) throw new NotFoundError("Survey", input.surveyId);
  const ratingQuestion = survey.questions.find((q) => q.type === "RATING")?.id ?? null;
  const npsQuestion = survey.questions.find((q) => q.type === "NPS")?.id ?? null;
  const from = input.from ?? new Date("2000-01-01T00:00:00Z");
  const to = input.to ?? new Date("9999-01-01T00:00:00Z");
  const responseKey = input.groupBy ? columns[input.groupBy].response : Prisma.sql`NULL::text`;
  const invitationKey = input.groupBy ? columns[input.groupBy].invitation : Prisma.sql`NULL::text`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT ${responseKey} AS key,
      count(DISTINCT r."id") AS responses,
      count(a."id") FILTER (WHERE a."questionId" = ${ratingQuestion}::uuid AND a."rating" IS NOT NULL) AS csat_n,
      count(a."id") FILTER (WHERE a."questionId" = ${ratingQuestion}::uuid AND a."rating" >= 4) AS csat_sat,
      count(a."id") FILTER (WHERE a."questionId" = ${npsQuestion}::uuid AND a."rating" IS NOT NULL) AS nps_n,
      count(a."id") FILTER (WHERE a."questionId" = ${npsQuestion}::uuid AND a."rating" >= 9) AS promoters,
      count(a."id") FILTER (WHERE a."questionId" = ${npsQuestion}::uuid AND a."rating" <= 6) AS detractors,
      coalesce(sum(a."rating") FILTER (WHERE a."questionId" = ${ratingQuestion}::uuid), 0)::float8 AS rating_sum
    FROM "SurveyResponse" r
    LEFT JOIN "SurveyAnswer" a ON a."responseId" = r."id"
    WHERE r."surveyId" = ${survey.id}::uuid AND r."month" >= ${from} AND r."month" < ${to}
    GROUP BY 1
    ORDER BY 1`;
  const sent = await db.$queryRaw<{ key: string | null; invitations: bigint }[]>`
    SELECT ${invitationKey} AS key, count(*) AS invitations
    FROM "SurveyInvitation" i LEFT JOIN "Request" q ON q."id" = i."requestId"
    WHERE i."surveyId" = ${survey.id}::uuid AND i."sentAt" >= ${from} AND i."sentAt" < ${to}
      AND i."sentAt" <= now()
    GROUP BY 1`;
  const invitationsBy = new Map(sent.map((s) => [s.key, Number(s.invitations)]));
  // A staff member is named by the user's global ID, as everywhere in the schema.
  const keyOf = (key: string | null) =>
    input.groupBy === "STAFF" && key !== null ? encodeGlobalID("User", key) : key;
  const figures = (row: Row): SurveyFigures => {
    const responses = Number(row.responses);
    const invitations = invitationsBy.get(row.key) ?? 0;
    if (responses < survey.minimumGroupSize)
      return {
        key: keyOf(row.key),
        suppressed: true,
        responses: null,
        invitations: null,
        responseRate: null,
        csat: null,
        nps: null,
        averageRating: null,
      };
    return {
      key: keyOf(row.key),
      suppressed: false,
      responses,
      invitations,
      responseRate: invitations
        ? Math.round((1000 * Math.min(responses, invitations)) / invitations) / 10
        : null,
      csat: csatOf(Number(row.csat_sat), Number(row.csat_n)),
      nps: npsOf(Number(row.promoters), Number(row.detractors), Number(row.nps_n)),
      averageRating: row.csat_n
        ? Math.round((100 * row.rating_sum) / Number(row.csat_n)) / 100
        : null,
    };
  };
  const groups = rows.map(figures);
  const total: Row = rows.reduce(
    (sum, row) => ({
      key: null,
      responses: sum.responses + row.responses,
      csat_n: sum.csat_n + row.csat_n,
      csat_sat: sum.csat_sat + row.csat_sat,
      nps_n: sum.nps_n + row.nps_n,
      promoters: sum.promoters + row.promoters,
      detractors: sum.detractors + row.detractors,
      rating_sum: sum.rating_sum + row.rating_sum,
    }),
    {
      key: null,
      responses: 0n,
      csat_n: 0n,
      csat_sat: 0n,
      nps_n: 0n,
      promoters: 0n,
      detractors: 0n,
      rating_sum: 0,
    },
  );
  invitationsBy.set(
    null,
    sent.reduce((n, s) => n + Number(s.invitations), 0),
  );
  const overall = figures(total);
  return { survey, overall, groups: input.groupBy ? groups : [] };
}

export type SurveyComment = {
  text: string;
  month: Date;
  requestId: string | null;
  responseId: string;
};

/**
 * The free-text answers, newest month first: for a named survey with the request they are
 * about (for follow-up); for an anonymous one the text alone, and none at all while the
 * survey has fewer responses than its minimum.
 */
export async function surveyComments(db: Db, surveyId: string, take: number) {
  const survey = await db.survey.findUnique({ where: { id: surveyId } });
  if (!survey) throw new NotFoundError("Survey", surveyId);
  const responses = await db.surveyResponse.count({ where: { surveyId } });
  if (survey.anonymous && responses < survey.minimumGroupSize)
    return { suppressed: true, comments: [] };
  const answers = await db.surveyAnswer.findMany({
    where: { response: { surveyId }, text: { not: null } },
    select: { text: true, response: { select: { id: true, month: true, requestId: true } } },
    orderBy: [{ response: { month: "desc" } }],
    take,
  });
  const comments: SurveyComment[] = answers.map((a) => ({
    text: a.text ?? "",
    month: a.response.month,
    requestId: survey.anonymous ? null : a.response.requestId,
    responseId: a.response.id,
  }));
  return { suppressed: false, comments };
}
