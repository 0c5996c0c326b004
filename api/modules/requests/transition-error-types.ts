// The requests module's refused transitions as GraphQL types (see graphql/errors.ts): the
// request's status and life-cycle actions, the research report's own state and steps.
import { builder } from "../../graphql/builder.js";
import { RequestStatusEnum } from "../../graphql/enums.js";
import { transitionErrorType } from "../../graphql/errors.js";
import {
  RequestTransitionError,
  ResearchReportTransitionError,
  type researchReportStatuses,
  type researchSteps,
} from "./errors.js";
import { RequestActionEnum } from "./types.js";

transitionErrorType(RequestTransitionError, {
  name: "RequestTransitionError",
  description:
    "The request's status does not allow the action (a life-cycle action, an edit, a research step); nothing was written. `allowedRequestActions` are the life-cycle actions its flow allows from this status.",
  states: RequestStatusEnum,
  actions: RequestActionEnum,
  record: "the request",
});

const ResearchReportStatusEnum = builder.enumType("ResearchReportStatus", {
  description: "A research report's own state: a draft, then submitted (final).",
  values: {
    DRAFT: { description: "A draft only its researcher reads and changes (saveResearchReport)." },
    SUBMITTED: {
      description: "Submitted (submitResearchReport): final, read by staff and the committee.",
    },
  } satisfies Record<(typeof researchReportStatuses)[number], { description: string }>,
});

const ResearchReportActionEnum = builder.enumType("ResearchReportAction", {
  description: "What the researcher does with a report; each has its own mutation.",
  values: {
    SAVE_RESEARCH_REPORT: { description: "Write or change the draft (saveResearchReport)." },
    SUBMIT_RESEARCH_REPORT: { description: "Submit the draft, final (submitResearchReport)." },
  } satisfies Record<(typeof researchSteps)[number], { description: string }>,
});

transitionErrorType(ResearchReportTransitionError, {
  name: "ResearchReportTransitionError",
  description:
    "The research report's state does not allow the step (a submitted report is final); nothing was written.",
  states: ResearchReportStatusEnum,
  actions: ResearchReportActionEnum,
  record: "the report",
});
