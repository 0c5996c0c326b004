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
import { RequestConnection } from "../requests/types.js";

/**
 * A personal field in full, for callers allowed to read personal data (the read is audited
 * before the value is released); null for everyone else. A masked value never travels in
 * this field: it has fields of its own (`nationalIdMasked`, `mobileMasked`), so a program
 * cannot take a masked string for the real one.
 */
async function personalValue(
  context: Context,
  memberId: string,
  field: "nationalId" | "mobile" | "monthlyIncome",
  value: string,
): Promise<string | null> {
  if (!mayReadPersonalData(await context.caller())) return null;
  await auditPersonalDataRead(context, { memberId, field });
  return value;
}

const IdKindEnum = builder.enumType("IdKind", {
  description: "The kind of identity number a member has.",
  values: {
    NATIONAL_ID: { description: "A Saudi national ID (starts with 1)." },
    IQAMA: { description: "A resident's iqama (starts with 2)." },
  } as const,
});

export const MemberNode = builder.prismaNode("Member", {
  description:
    "A General Assembly member (عضو). National ID, mobile and income are personal: `nationalId`, `mobile` and `monthlyIncome` are null unless you may read personal data (`personalDataMasked` says which), and every full read is audited; `nationalIdMasked` and `mobileMasked` are always masked.",
  id: { field: "id", description: "Global ID." },
  // Only the columns the query asks for (fields declare what they read), not every column.
  select: { id: true },
  authScopes: { permission: "members.show" },
  fields: (t) => ({
    memberNumber: t.exposeString("memberNumber", {
      description: "Human-readable member number, e.g. M-000123.",
    }),
    nationalId: t.string({
      nullable: true,
      description:
        "Saudi national ID or iqama number in full; null when you may not read personal data (personalDataMasked is then true). The read is audited.",
      select: { nationalId: true },
      resolve: (member, _args, context) =>
        personalValue(context, member.id, "nationalId", member.nationalId),
    }),
    idKind: t.field({
      type: IdKindEnum,
      description: "Whether the member's number is a national ID or an iqama (not personal).",
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
      nullable: true,
      description:
        "Mobile in full, +9665XXXXXXXX; null when you may not read personal data (personalDataMasked is then true). The read is audited.",
      select: { mobile: true },
      resolve: (member, _args, context) =>
        personalValue(context, member.id, "mobile", member.mobile),
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
      description:
        "Monthly household income in SAR; null either when you may not read personal data (personalDataMasked is then true) or when none is recorded (hasMonthlyIncome is then false). The read is audited.",
      select: { monthlyIncome: true },
      resolve: (member, _args, context) =>
        member.monthlyIncome === null
          ? null
          : personalValue(context, member.id, "monthlyIncome", member.monthlyIncome.toString()),
    }),
    personalDataMasked: t.boolean({
      description:
        "True when you may not read this member's personal data: nationalId, mobile and monthlyIncome are then null (use nationalIdMasked, mobileMasked, hasMonthlyIncome).",
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
      RequestConnection,
    ),
  }),
});
