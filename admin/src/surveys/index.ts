import FollowUpIcon from "@mui/icons-material/AssignmentLate";
import PollIcon from "@mui/icons-material/Poll";
import { lazy } from "react";
import { getLocale } from "../providers/locale.js";

type SurveyRecord = { titleAr?: string; titleEn?: string };

// Satisfaction surveys: admins define them (list, create, edit with a live preview); staff and
// admins read a survey's figures (its show screen) and follow up low named ratings. The
// screens open by `surveys.*` (providers/canAccess.ts). Loaded on first use.
export const surveys = {
  list: lazy(() => import("./SurveyList.js").then((m) => ({ default: m.SurveyList }))),
  show: lazy(() => import("./SurveyFigures.js").then((m) => ({ default: m.SurveyFigures }))),
  edit: lazy(() => import("./SurveyEdit.js").then((m) => ({ default: m.SurveyEdit }))),
  create: lazy(() => import("./SurveyEdit.js").then((m) => ({ default: m.SurveyCreate }))),
  icon: PollIcon,
  recordRepresentation: (record: SurveyRecord) =>
    (getLocale() === "en" ? record.titleEn : record.titleAr) ?? "",
};

export const surveyFollowUps = {
  list: lazy(() => import("./FollowUpList.js").then((m) => ({ default: m.FollowUpList }))),
  icon: FollowUpIcon,
};
