// Low ratings on named surveys for staff to follow up, open ones first; filtered by status.
// Closing one is a call of its own (dataProvider/surveys.ts): it takes a note.
import type { ResourceSpec } from "../spec.js";

export const surveyFollowUps: ResourceSpec = {
  typeName: "SurveyFollowUp",
  listField: "surveyFollowUps",
  fields: `id status month ratings note channel
    member { id memberNumber fullNameAr }
    request { id reference type subject }
    survey { id titleAr titleEn }`,
  listArgs: "$status: FollowUpStatus",
  listVariables: (params) => ({ status: params.filter?.status || null }),
};
