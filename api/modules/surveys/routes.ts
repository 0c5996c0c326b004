// The surveys module's HTTP routes: the member's answer page (opened from an invitation's
// link; it answers through GraphQL with the link's token), and the CSV of a survey's figures.
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { decodeGlobalID } from "@pothos/plugin-relay";
import { requestContext, type Services } from "../../auth/context.js";
import { hasPermission } from "../../auth/permissions.js";
import { csvCell } from "../../http/csv.js";
import { BadRequestError } from "../../http/request.js";
import { registerRoute } from "../../http/routes.js";
import { type SurveyDimension, surveyAnalytics, surveyDimensions } from "./analytics.js";

registerRoute({
  path: "/survey",
  create: () => {
    const page = readFileSync(new URL("./answer-page.html", import.meta.url));
    return (req, res) => {
      if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(404).end();
      // The link carries a secret: no caching, no referrer.
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "referrer-policy": "no-referrer",
      });
      res.end(req.method === "HEAD" ? undefined : page);
    };
  },
});

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

function exportHandler(services: Services) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== "GET") return void res.writeHead(405, { allow: "GET" }).end();
    if (req.headers["x-wasl-csrf"] !== "1")
      return void res.writeHead(403).end("x-wasl-csrf header required");
    const context = requestContext(services, req);
    const caller = await context.caller();
    if (caller.kind !== "user") return void res.writeHead(401).end();
    if (!hasPermission(caller.roles, "surveys.analytics")) return void res.writeHead(403).end();
    const params = new URL(req.url ?? "/", "http://x").searchParams;
    let surveyId: string;
    try {
      const decoded = decodeGlobalID(params.get("survey") ?? "");
      if (decoded.typename !== "Survey" || !/^[0-9a-f-]{36}$/.test(decoded.id)) throw new Error();
      surveyId = decoded.id;
    } catch {
      throw new BadRequestError("survey: a Survey's global ID");
    }
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
    res.writeHead(200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="survey-${dimension.toLowerCase()}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    const line = (cells: (string | number | boolean | null)[]) =>
      `${cells.map((c) => csvCell(c === null ? "" : String(c))).join(",")}\r\n`;
    res.write(`\uFEFF${line(columns[locale])}`);
    for (const f of [...groups, { ...overall, key: locale === "ar" ? "الكل" : "All" }])
      res.write(
        line([
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
