// Server-side CSV export of requests: every row of the panel's filtered list (not just the
// page shown), streamed in pages, UTF-8 with a BOM, formula-guarded, behind the same gate as
// the members' export (http/csv.ts). The requests' one visibility rule (policy.ts, through
// requestWhere) decides the rows; the national ID is masked unless the caller may read
// personal data, and then each member's read is audited, as the members' export does.
import type { IncomingMessage, ServerResponse } from "node:http";
import { decodeGlobalID } from "@pothos/plugin-relay";
import {
  channelLabels,
  requestFieldLabels,
  requestStatusLabels,
  requestTypeLabels,
} from "../../../contract/labels.js";
import { requestTypeCodes } from "../../../contract/requests.js";
import type { Services } from "../../auth/context.js";
import { mayReadPersonalData } from "../../auth/policy.js";
import type { Channel, RequestStatus } from "../../db/generated/enums.js";
import { csvLine, exportCaller, startCsv } from "../../http/csv.js";
import { BadRequestError } from "../../http/request.js";
import type { Locale } from "../../i18n/messages.js";
import { recordPersonalDataReads } from "../audit/personal-data.js";
import { maskPersonal } from "../members/rules.js";
import { flowStates } from "./lifecycle.js";
import { type RequestFilter, requestSearchReads, requestWhere } from "./lists.js";

const statuses = [...new Set([...flowStates.COMMITTEE, ...flowStates.SERVICE])];
const channels = Object.keys(channelLabels.en) as Channel[];
/** The list's sort keys (queries.ts' RequestOrderField), never a personal column. */
const sortFields = {
  CREATED_AT: "createdAt",
  SUBMITTED_AT: "submittedAt",
  DECISION_DUE_AT: "decisionDueAt",
  REFERENCE: "reference",
  UPDATED_AT: "updatedAt",
} as const;
/** Columns a request may lack (a draft): listed after the others, as the list does. */
const nullable = new Set<string>(["submittedAt", "decisionDueAt", "reference"]);
const batchSize = 500;

/** The headers: the requests list's column names (contract/labels.ts), then the member's. */
const columns = (locale: Locale): string[] => {
  const f = requestFieldLabels[locale];
  const [memberNumber, nationalId] =
    locale === "ar" ? ["رقم العضوية", "رقم الهوية"] : ["Member number", "National ID"];
  return [
    f.reference,
    f.status,
    f.type,
    f.channel,
    memberNumber,
    f.member,
    nationalId,
    f.subject,
    f.amountRequested,
    f.amountApproved,
    f.assignee,
    f.submittedAt,
    f.decisionDueAt,
  ];
};

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** A filter's global ID (a User's or a Member's) as the database ID; refused if it is not one. */
function idOf(value: string | null, typename: "User" | "Member", name: string): string | undefined {
  if (!value) return undefined;
  try {
    const decoded = decodeGlobalID(value);
    if (decoded.typename === typename && /^[0-9a-f-]{36}$/.test(decoded.id)) return decoded.id;
  } catch {
    // Not a global ID at all: the same answer as a wrong one.
  }
  throw new BadRequestError(`${name}: a ${typename}'s global ID`);
}

/** The query string as the list's filter (queries.ts' RequestFilter, with database IDs). */
function filterOf(params: URLSearchParams): RequestFilter {
  const overdue = params.get("overdue");
  const within = Number(params.get("dueWithinDays"));
  return {
    status: oneOf<RequestStatus>(statuses, params.get("status")),
    type: oneOf(requestTypeCodes, params.get("type")),
    channel: oneOf(channels, params.get("channel")),
    assigneeId: idOf(params.get("assignee"), "User", "assignee"),
    researcherId: idOf(params.get("researcher"), "User", "researcher"),
    memberId: idOf(params.get("member"), "Member", "member"),
    overdue: overdue === "true" ? true : overdue === "false" ? false : undefined,
    reference: params.get("reference")?.slice(0, 40) || undefined,
    search: params.get("search")?.slice(0, 200) || undefined,
    dueWithinDays:
      params.has("dueWithinDays") && Number.isInteger(within) && within >= 0 ? within : undefined,
  };
}

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

export function createRequestsExportHandler(services: Services) {
  const { prisma } = services;
  return async function exportRequests(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowed = await exportCaller(services, req, res, "requests.export");
    if (!allowed) return;
    const { context, caller } = allowed;
    const params = new URL(req.url ?? "/", "http://x").searchParams;
    // PostgreSQL refuses NUL in text: refused here, before the CSV's 200 is under way.
    for (const value of params.values())
      if (value.includes("\0")) throw new BadRequestError("NUL byte in a filter");
    const lang = params.get("lang");
    const locale: Locale = lang === "en" || lang === "ar" ? lang : context.locale;
    const filter = filterOf(params);
    const { requestId } = context;
    // A search by a whole national ID or mobile is audited before any row goes out.
    await recordPersonalDataReads(
      prisma,
      caller,
      (await requestSearchReads(prisma, caller, filter)).map((read) => ({
        memberId: read.memberId,
        fields: [read.field],
      })),
      requestId,
    );
    const where = requestWhere(prisma, caller, filter);
    const unmasked = mayReadPersonalData(caller);
    const field = sortFields[(params.get("sort") ?? "") as keyof typeof sortFields] ?? "createdAt";
    const direction = params.get("order") === "ASC" ? "asc" : "desc";
    const stamp = new Date().toISOString().slice(0, 10);

    startCsv(res, `requests-${stamp}.csv`, columns(locale));
    let cursor: string | undefined;
    for (;;) {
      const page = await prisma.request.findMany({
        where,
        orderBy: [
          { [field]: nullable.has(field) ? { sort: direction, nulls: "last" } : direction },
          { id: direction },
        ],
        take: batchSize,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select: {
          id: true,
          reference: true,
          status: true,
          channel: true,
          subject: true,
          amountRequested: true,
          amountApproved: true,
          submittedAt: true,
          decisionDueAt: true,
          typeCode: true,
          assignee: { select: { fullName: true } },
          member: {
            select: { id: true, memberNumber: true, fullNameAr: true, nationalId: true },
          },
        },
      });
      if (!page.length) break;
      if (unmasked)
        await recordPersonalDataReads(
          prisma,
          caller,
          [...new Set(page.map((r) => r.member.id))].map((memberId) => ({
            memberId,
            fields: ["nationalId"],
          })),
          requestId,
        );
      const lines = page.map((r) =>
        csvLine([
          r.reference,
          // The panel's words for the values (contract/labels.ts), not the API's sentences'.
          requestStatusLabels[locale][r.status],
          requestTypeLabels[locale][r.typeCode],
          channelLabels[locale][r.channel] ?? r.channel,
          r.member.memberNumber,
          r.member.fullNameAr,
          unmasked ? r.member.nationalId : maskPersonal("nationalId", r.member.nationalId),
          r.subject,
          r.amountRequested?.toFixed(2),
          r.amountApproved?.toFixed(2),
          r.assignee?.fullName,
          day(r.submittedAt),
          day(r.decisionDueAt),
        ]),
      );
      if (!res.write(lines.join(""))) await new Promise((done) => res.once("drain", done));
      if (page.length < batchSize) break;
      cursor = page[page.length - 1]!.id;
    }
    res.end();
  };
}
