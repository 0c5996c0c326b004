import type { Context } from "../../auth/context.js";
import { mayReadPersonalData, withCaller } from "../../auth/policy.js";
import type { Prisma } from "../../db/client.js";
import { builder } from "../../graphql/builder.js";
import {
  ChannelEnum,
  EmploymentStatusEnum,
  GenderEnum,
  LanguageEnum,
  MaritalStatusEnum,
  MembershipStatusEnum,
} from "../../graphql/enums.js";
import { requirePageSize } from "../../graphql/pagination.js";
import { auditPersonalDataRead } from "../audit/personal-data.js";
import { visibleRequestsWhere } from "../requests/policy.js";
import "../requests/types.js";
import { maskPersonal } from "./rules.js";

/**
 * A personal field: in full for callers allowed to read personal data (and the read is
 * audited before the value is released), masked for everyone else.
 */
async function personalValue(
  context: Context,
  memberId: string,
  field: "nationalId" | "mobile" | "monthlyIncome",
  value: string,
): Promise<string | null> {
  if (!mayReadPersonalData(await context.caller())) {
    return field === "monthlyIncome" ? null : maskPersonal(field, value);
  }
  await auditPersonalDataRead(context, { memberId, field });
  return value;
}

export const MemberNode = builder.prismaNode("Member", {
  description:
    "A General Assembly member (عضو). National ID, mobile and income are personal: masked unless you may read personal data, and every full read is audited.",
  id: { field: "id", description: "Global ID." },
  // Only the columns the query asks for (fields declare what they read), not every column.
  select: { id: true },
  authScopes: { permission: "members.show" },
  fields: (t) => ({
    memberNumber: t.exposeString("memberNumber", {
      description: "Human-readable member number, e.g. M-000123.",
    }),
    nationalId: t.string({
      description:
        "Saudi national ID or iqama number; masked (1*******67) without the personal-data permission.",
      select: { nationalId: true },
      resolve: (member, _args, context) =>
        personalValue(context, member.id, "nationalId", member.nationalId) as Promise<string>,
    }),
    idKind: t.string({
      description: "NATIONAL_ID (starts with 1) or IQAMA (starts with 2).",
      select: { nationalId: true },
      resolve: (member) => (member.nationalId.startsWith("2") ? "IQAMA" : "NATIONAL_ID"),
    }),
    fullNameAr: t.exposeString("fullNameAr", { description: "Full name in Arabic." }),
    fullNameEn: t.exposeString("fullNameEn", {
      nullable: true,
      description: "Name in English, if known.",
    }),
    gender: t.expose("gender", { type: GenderEnum, nullable: true, description: "Gender." }),
    birthDate: t.expose("birthDate", {
      type: "Date",
      nullable: true,
      description: "Birth date (Gregorian).",
    }),
    mobile: t.string({
      description:
        "Mobile, +9665XXXXXXXX; masked (+966*******67) without the personal-data permission.",
      select: { mobile: true },
      resolve: (member, _args, context) =>
        personalValue(context, member.id, "mobile", member.mobile) as Promise<string>,
    }),
    email: t.exposeString("email", { nullable: true, description: "E-mail address." }),
    city: t.exposeString("city", { description: "City." }),
    district: t.exposeString("district", { nullable: true, description: "District (حي)." }),
    preferredChannel: t.expose("preferredChannel", {
      type: ChannelEnum,
      description: "How the member prefers to be reached.",
    }),
    preferredLanguage: t.expose("preferredLanguage", {
      type: LanguageEnum,
      description: "Language for messages to the member.",
    }),
    status: t.expose("status", { type: MembershipStatusEnum, description: "Membership status." }),
    registeredAt: t.expose("registeredAt", {
      type: "DateTime",
      nullable: true,
      description: "When registration was completed (policy step 6).",
    }),
    familySize: t.exposeInt("familySize", { nullable: true, description: "Household size." }),
    monthlyIncome: t.field({
      type: "Decimal",
      nullable: true,
      description: "Monthly household income in SAR; null when you may not read personal data.",
      select: { monthlyIncome: true },
      resolve: (member, _args, context) =>
        member.monthlyIncome === null
          ? null
          : personalValue(context, member.id, "monthlyIncome", member.monthlyIncome.toString()),
    }),
    personalDataMasked: t.boolean({
      description: "True when national ID and mobile are masked and income hidden for you.",
      resolve: async (_member, _args, context) => !mayReadPersonalData(await context.caller()),
    }),
    maritalStatus: t.expose("maritalStatus", {
      type: MaritalStatusEnum,
      nullable: true,
      description: "Marital status.",
    }),
    employmentStatus: t.expose("employmentStatus", {
      type: EmploymentStatusEnum,
      nullable: true,
      description: "Employment status.",
    }),
    consentGiven: t.exposeBoolean("consentGiven", {
      description: "Whether the member consented to data processing.",
    }),
    consentAt: t.expose("consentAt", {
      type: "DateTime",
      nullable: true,
      description: "When consent was recorded.",
    }),
    createdAt: t.expose("createdAt", {
      type: "DateTime",
      description: "When the member was first recorded.",
    }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "Last change." }),
    version: t.exposeInt("version", {
      description: "Optimistic-concurrency version: send it back with updateMember.",
    }),
    requests: t.relatedConnection(
      "requests",
      {
        cursor: "id",
        description:
          "The member's requests that you may see, newest first (a researcher: the cases referred to them); totalCount counts only those.",
        totalCount: true,
        // The visibility rule in the query itself, so that the page and its count (which
        // Pothos filters by the same where) never include a request the caller may not read.
        query: (args, context) => {
          requirePageSize(args);
          // Synchronous once a root field's scope resolved the caller (always, in practice);
          // plugin-prisma also awaits a promised query, which its types do not declare.
          return withCaller(context, (caller) => ({
            where: visibleRequestsWhere(caller),
            orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }],
          })) as {
            where: Prisma.RequestWhereInput;
            orderBy: Prisma.RequestOrderByWithRelationInput[];
          };
        },
      },
      { name: "MemberRequestConnection", description: "A page of a member's requests." },
      { name: "MemberRequestEdge", description: "A request in a page." },
    ),
  }),
});
