// Server-side CSV export of members: every row matching the panel's filters, streamed in
// pages, UTF-8 with a BOM so that Excel reads Arabic correctly. Personal fields are masked
// unless the caller may read personal data, and then each member's read is audited.
import type { IncomingMessage, ServerResponse } from "node:http";
import { channelLabels, membershipStatusLabels } from "../../../contract/labels.js";
import type { Services } from "../../auth/context.js";
import { mayReadPersonalData } from "../../auth/policy.js";
import type { Channel, MembershipStatus } from "../../db/generated/enums.js";
import { csvCell, exportCaller, startCsv } from "../../http/csv.js";
import { BadRequestError } from "../../http/request.js";
import type { Locale } from "../../i18n/messages.js";
import { recordPersonalDataReads } from "../audit/personal-data.js";
import { maskPersonal } from "./rules.js";
import { lookupReads, memberSearch } from "./search.js";

const statuses = ["APPLICANT", "ACTIVE", "SUSPENDED", "ENDED"] as const;
const channels = ["IN_PERSON", "PHONE", "SOCIAL_MEDIA", "LETTER", "WEBSITE", "PARTNER"] as const;
const sortFields = {
  CREATED_AT: "createdAt",
  FULL_NAME: "fullNameAr",
  MEMBER_NUMBER: "memberNumber",
  REGISTERED_AT: "registeredAt",
} as const;
const batchSize = 500;

const labels: Record<
  Locale,
  { columns: string[]; status: Record<string, string>; channel: Record<string, string> }
> = {
  // The value labels are the panel's (contract/labels.ts); the columns are the export's own.
  ar: {
    columns: [
      "رقم العضوية",
      "الاسم الكامل",
      "الاسم بالإنجليزية",
      "رقم الهوية",
      "الجوال",
      "البريد الإلكتروني",
      "المدينة",
      "الحي",
      "حالة العضوية",
      "القناة المفضلة",
      "تاريخ التسجيل",
      "تاريخ الإضافة",
    ],
    status: membershipStatusLabels.ar,
    channel: channelLabels.ar,
  },
  en: {
    columns: [
      "Member number",
      "Full name",
      "Name in English",
      "National ID",
      "Mobile",
      "E-mail",
      "City",
      "District",
      "Status",
      "Preferred channel",
      "Registered at",
      "Created at",
    ],
    status: membershipStatusLabels.en,
    channel: channelLabels.en,
  },
};

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value && (values as readonly string[]).includes(value) ? (value as T) : undefined;

export function createMembersExportHandler(services: Services) {
  const { prisma } = services;
  return async function exportMembers(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowed = await exportCaller(services, req, res, "members.export");
    if (!allowed) return;
    const { context, caller } = allowed;

    const params = new URL(req.url ?? "/", "http://x").searchParams;
    // PostgreSQL refuses NUL in text: refused here, before the CSV's 200 is under way.
    for (const value of params.values())
      if (value.includes("\0")) throw new BadRequestError("NUL byte in a filter");
    const locale =
      params.get("lang") === "en" || params.get("lang") === "ar"
        ? (params.get("lang") as Locale)
        : context.locale;
    const unmasked = mayReadPersonalData(caller);
    const { requestId } = context;
    // The panel's search rule (members/search.ts): without personal-data access, numbers
    // match only whole, and a lookup by a whole national ID or mobile is audited first.
    const search = memberSearch(
      {
        search: params.get("search")?.slice(0, 200),
        status: oneOf<MembershipStatus>(statuses, params.get("status")),
        city: params.get("city")?.slice(0, 80) || undefined,
        channel: oneOf<Channel>(channels, params.get("channel")),
      },
      { personalData: unmasked },
    );
    const where = search.where;
    const lookups = await lookupReads(prisma, search);
    await recordPersonalDataReads(
      prisma,
      caller,
      lookups.map((read) => ({ memberId: read.memberId, fields: [read.field] })),
      requestId,
    );
    // Only the columns in sortFields: never a personal one, whose order would leak values.
    const field = sortFields[(params.get("sort") ?? "") as keyof typeof sortFields] ?? "createdAt";
    const direction = params.get("order") === "ASC" ? "asc" : "desc";
    const l = labels[locale];
    const stamp = new Date().toISOString().slice(0, 10);

    startCsv(res, `members-${stamp}.csv`, l.columns);
    let cursor: string | undefined;
    for (;;) {
      const page = await prisma.member.findMany({
        where,
        orderBy: [{ [field]: direction }, { id: direction }],
        take: batchSize,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select: {
          id: true,
          memberNumber: true,
          fullNameAr: true,
          fullNameEn: true,
          nationalId: true,
          mobile: true,
          email: true,
          city: true,
          district: true,
          status: true,
          preferredChannel: true,
          registeredAt: true,
          createdAt: true,
        },
      });
      if (!page.length) break;
      if (unmasked) {
        await recordPersonalDataReads(
          prisma,
          caller,
          page.map((m) => ({ memberId: m.id, fields: ["nationalId", "mobile"] })),
          requestId,
        );
      }
      const lines = page.map((m) =>
        [
          m.memberNumber,
          m.fullNameAr,
          m.fullNameEn,
          unmasked ? m.nationalId : maskPersonal("nationalId", m.nationalId),
          unmasked ? m.mobile : maskPersonal("mobile", m.mobile),
          m.email,
          m.city,
          m.district,
          l.status[m.status] ?? m.status,
          l.channel[m.preferredChannel] ?? m.preferredChannel,
          m.registeredAt?.toISOString().slice(0, 10),
          m.createdAt.toISOString().slice(0, 10),
        ]
          .map(csvCell)
          .join(","),
      );
      if (!res.write(`${lines.join("\r\n")}\r\n`))
        await new Promise((done) => res.once("drain", done));
      if (page.length < batchSize) break;
      cursor = page[page.length - 1]!.id;
    }
    res.end();
  };
}
