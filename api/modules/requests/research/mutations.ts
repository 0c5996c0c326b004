import { run } from "../../../db/commands.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { RequestTransitionError, ResearchReportTransitionError } from "../errors.js";
import { RequestNode } from "../types.js";
import { saveResearchReport, submitResearchReport } from "./service.js";
import { RecommendationEnum, ResearchReportNode, ResearchVisitKindEnum } from "./types.js";

const SaveResearchReportInput = builder.inputType("SaveResearchReportInput", {
  description:
    "The researcher's draft report on a request referred to them. Send `version` when changing an existing draft.",
  fields: (t) => ({
    request: t.globalID({
      required: true,
      for: RequestNode,
      description: "The request's global ID.",
    }),
    version: t.int({
      required: false,
      description: "The draft's version you read; omit when writing the first draft.",
    }),
    visitKind: t.field({
      type: ResearchVisitKindEnum,
      required: true,
      description: "How the applicant was met.",
    }),
    visitDate: t.field({
      type: "Date",
      required: true,
      description: "Date of the visit or interview; not in the future (Riyadh time).",
    }),
    findings: t.string({
      required: true,
      description: "What the researcher found; required, at most 20,000 characters.",
    }),
    recommendation: t.field({
      type: RecommendationEnum,
      required: true,
      description: "APPROVE, REJECT or NEEDS_MORE.",
    }),
  }),
});

const SubmitResearchReportInput = builder.inputType("SubmitResearchReportInput", {
  description: "Submits a draft report; it is final from then on.",
  fields: (t) => ({
    id: t.globalID({
      required: true,
      for: ResearchReportNode,
      description: "The report's global ID.",
    }),
    version: t.int({ required: true, description: "The version you read." }),
  }),
});

builder.mutationFields((t) => ({
  saveResearchReport: t.field({
    type: ResearchReportNode,
    description:
      "Writes or changes the draft research report of a request referred to you (policy step 3). Only the assigned researcher may.",
    authScopes: { permission: "researchReports.write" },
    errors: {
      types: [
        ValidationError,
        NotFoundError,
        ConflictError,
        ForbiddenError,
        RequestTransitionError,
      ],
      union: { name: "SaveResearchReportResult", description: "The draft, or why not." },
      result: { name: "SaveResearchReportSuccess", description: "The draft was saved." },
      dataField: { name: "report", description: "The draft as now stored." },
    },
    args: {
      input: t.arg({
        type: SaveResearchReportInput,
        required: true,
        description: "The request and the report's content.",
      }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), saveResearchReport, {
        ...input,
        requestId: input.request.id,
      }),
  }),
  submitResearchReport: t.field({
    type: ResearchReportNode,
    description:
      "Submits your draft report: final from then on, and readable by staff and the committee.",
    authScopes: { permission: "researchReports.write" },
    errors: {
      types: [
        NotFoundError,
        ConflictError,
        ForbiddenError,
        RequestTransitionError,
        ResearchReportTransitionError,
      ],
      union: { name: "SubmitResearchReportResult", description: "The report, or why not." },
      result: { name: "SubmitResearchReportSuccess", description: "The report was submitted." },
      dataField: { name: "report", description: "The submitted report." },
    },
    args: {
      input: t.arg({
        type: SubmitResearchReportInput,
        required: true,
        description: "The report and its version.",
      }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), submitResearchReport, {
        id: input.id.id,
        version: input.version,
      }),
  }),
}));
