// The surveys module's HTTP routes: the member's answer page (opened from an invitation's
// link; it answers through GraphQL with the link's token), and the CSV of a survey's figures.
import type { IncomingMessage, ServerResponse } from "node:http";
import { decodeGlobalID } from "@pothos/plugin-relay";
import type { Services } from "../../auth/context.js";
import { hasPermission } from "../../auth/permissions.js";
import { csvLine, exportCaller, startCsv } from "../../http/csv.js";
import { BadRequestError } from "../../http/request.js";
import { registerMemberPage, registerRoute } from "../../http/routes.js";
import { type SurveyDimension, surveyAnalytics, surveyDimensions } from "./analytics.js";

registerMemberPage("/survey", new URL("./answer-page.html", import.meta.url));

const columns = {
  ar: [
    "المجموعة",
    "محجوبة لقلة الإجابات",
    "الإجابات",
    "الدعوات",
    "نسبة الاستجابة %",
    "CSAT %",
    "NPS",
    "متوسط التقييم",
  ],
  en: [
    "Group",
    "Suppressed (too few answers)",
    "Responses",
    "Invitations",
    "Response rate %",
    "CSAT %",
    "NPS",
    "Average rating",
  ],
};

function surveyIdOf(value: string | null): string {
  try {
    const decoded = decodeGlobalID(value ?? "");
    if (decoded.typename === "Survey" && /^[0-9a-f-]{36}$/.test(decoded.id)) return decoded.id;
  } catch {
    // Not a global ID at all: the same answer as a wrong one.
  }
  throw new BadRequestError("survey: a Survey's global ID");
}

function exportHandler(services: Services) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const allowed = await exportCaller(services, req, res, "surveys.analytics");
    if (!allowed) return;
    const { context, caller } = allowed;
    const params = new URL(req.url ?? "/", "http://x").searchParams;
    const surveyId = surveyIdOf(params.get("survey"));
    const groupBy = params.get("groupBy");
    const dimension = (surveyDimensions as readonly string[]).includes(groupBy ?? "")
      ? (groupBy as SurveyDimension)
      : "MONTH";
    if (dimension === "STAFF" && !hasPermission(caller.roles, "surveys.staffBreakdown"))
      return void res.writeHead(403).end();
    const { overall, groups } = await surveyAnalytics(services.prisma, caller, {
      surveyId,
      groupBy: dimension,
    });
    const locale = params.get("lang") === "en" ? "en" : context.locale;
    startCsv(res, `survey-${dimension.toLowerCase()}.csv`, columns[locale]);
    for (const f of [...groups, { ...overall, key: locale === "ar" ? "الكل" : "All" }])
      res.write(
        csvLine([
          f.key,
          f.suppressed,
          f.responses,
          f.invitations,
          f.responseRate,
          f.csat,
          f.nps,
          f.averageRating,
        ]),
      );
    res.end();
  };
}

registerRoute({ path: "/export/survey.csv", create: exportHandler });
