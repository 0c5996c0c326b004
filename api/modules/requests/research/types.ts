// The research report as GraphQL shows it: drafts to their author only; submitted reports to
// staff and the committee, and to a researcher only on the cases referred to them.
import { hasPermission } from "../../../auth/permissions.js";
import { Recommendation, ResearchVisitKind } from "../../../db/generated/enums.js";
import { builder } from "../../../graphql/builder.js";
import { describedEnum } from "../../../graphql/enums.js";
import { isResearcherOnly, mayReadCase } from "../policy.js";
import { RequestNode } from "../types.js";
import { mayReadReport } from "./service.js";

export const ResearchVisitKindEnum = describedEnum(
  ResearchVisitKind,
  "ResearchVisitKind",
  "How the researcher met the applicant: a home visit, at the office, or by phone.",
  {
    HOME_VISIT: "A visit to the applicant's home.",
    OFFICE_INTERVIEW: "An interview at the association's office.",
    PHONE_INTERVIEW: "An interview by phone.",
  },
);

export const RecommendationEnum = describedEnum(
  Recommendation,
  "Recommendation",
  "The researcher's recommendation to the committee.",
  {
    APPROVE: "The researcher recommends approving the request.",
    REJECT: "The researcher recommends rejecting it.",
    NEEDS_MORE: "The researcher needs more information before recommending.",
  },
);

export const ResearchReportNode = builder.prismaNode("ResearchReport", {
  description:
    "The social researcher's report on a request (تقرير البحث الاجتماعي): visit, findings and recommendation.",
  id: { field: "id", description: "Global ID." },
  authScopes: async (report, context) => {
    const caller = await context.caller();
    if (caller.kind !== "user" || !hasPermission(caller.roles, "researchReports.show"))
      return false;
    // Only a researcher-only reader needs the request's researcher; others are decided here.
    const request =
      isResearcherOnly(caller) && report.researcherId !== caller.id
        ? await context.prisma.request.findUnique({
            where: { id: report.requestId },
            select: { researcherId: true },
          })
        : { researcherId: null };
    return !!request && mayReadReport(caller, report, request);
  },
  fields: (t) => ({
    visitKind: t.expose("visitKind", {
      type: ResearchVisitKindEnum,
      description: "How the applicant was met.",
    }),
    visitDate: t.expose("visitDate", {
      type: "Date",
      description: "Date of the visit or interview.",
    }),
    findings: t.exposeString("findings", { description: "What the researcher found." }),
    recommendation: t.expose("recommendation", {
      type: RecommendationEnum,
      description: "APPROVE, REJECT or NEEDS_MORE.",
    }),
    submitted: t.boolean({
      description: "False while a draft; true once submitted (then final).",
      resolve: (report) => report.submittedAt !== null,
    }),
    submittedAt: t.expose("submittedAt", {
      type: "DateTime",
      nullable: true,
      description: "When it was submitted.",
    }),
    researcherName: t.string({
      description: "The researcher who wrote it.",
      select: { researcher: { select: { fullName: true } } },
      resolve: (report) => report.researcher.fullName,
    }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "Last change." }),
    version: t.exposeInt("version", {
      description: "Optimistic-concurrency version: send it back with changes and submission.",
    }),
  }),
});

builder.prismaObjectField(RequestNode, "researchReports", (t) =>
  t.prismaField({
    type: [ResearchReportNode],
    description:
      "The request's research reports, oldest first: submitted ones, and your own drafts.",
    authScopes: { permission: "researchReports.show" },
    select: { researcherId: true },
    resolve: async (query, request, _args, context) => {
      const caller = await context.caller();
      if (caller.kind !== "user" || !mayReadCase(caller, request)) return [];
      return context.prisma.researchReport.findMany({
        ...query,
        where: {
          requestId: request.id,
          OR: [{ submittedAt: { not: null } }, { researcherId: caller.id }],
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
    },
  }),
);
