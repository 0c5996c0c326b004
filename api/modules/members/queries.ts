import type { Context } from "../../auth/context.js";
import { mayReadPersonalData } from "../../auth/policy.js";
import type { Prisma } from "../../db/client.js";
import { type CappedCount, countCap, listCounts } from "../../db/page-count.js";
import { builder } from "../../graphql/builder.js";
import { ChannelEnum, MembershipStatusEnum, SortDirectionEnum } from "../../graphql/enums.js";
import { requirePageSize } from "../../graphql/pagination.js";
import { auditPersonalDataRead } from "../audit/personal-data.js";
import { countMembersUpTo, lookupReads, type MemberFilter, memberSearch } from "./search.js";
import { MemberNode } from "./types.js";

const MemberFilterInput = builder.inputType("MemberFilter", {
  description: "Narrows a member list; all given conditions must hold.",
  fields: (t) => ({
    search: t.string({
      required: false,
      description:
        "Arabic or English name (hamza forms, ta marbuta, alif maqsura and diacritics ignored), or a number. Callers who may read personal data find any part of a national ID or mobile; others only a complete national ID, mobile (05…, +9665…, 9665…) or member number, and such a lookup by national ID or mobile is audited.",
    }),
    status: t.field({
      type: MembershipStatusEnum,
      required: false,
      description: "Membership status.",
    }),
    city: t.string({ required: false, description: "City, exactly as stored." }),
    channel: t.field({ type: ChannelEnum, required: false, description: "Preferred channel." }),
  }),
});

const MemberOrderField = builder.enumType("MemberOrderField", {
  description: "What a member list can be sorted by.",
  values: {
    CREATED_AT: { value: "createdAt", description: "When the member was recorded." },
    FULL_NAME: { value: "fullNameAr", description: "Arabic full name." },
    MEMBER_NUMBER: { value: "memberNumber", description: "Member number." },
    REGISTERED_AT: { value: "registeredAt", description: "When registration was completed." },
  } as const,
});

const MemberOrderInput = builder.inputType("MemberOrder", {
  description: "Sort order of a member list.",
  fields: (t) => ({
    field: t.field({ type: MemberOrderField, required: true, description: "Sort key." }),
    direction: t.field({ type: SortDirectionEnum, required: true, description: "Direction." }),
  }),
});

/**
 * The `where` for the caller's member search. A lookup by a whole national ID or mobile is
 * audited before any answer (rows or count) is released; the context's auditor writes one
 * entry per member and field however many times a request asks.
 */
async function searchWhere(context: Context, filter: MemberFilter | null | undefined) {
  const search = memberSearch(filter, {
    personalData: mayReadPersonalData(await context.caller()),
  });
  const reads = await lookupReads(context.prisma, search);
  await Promise.all(reads.map((read) => auditPersonalDataRead(context, read)));
  return search.where;
}

/** The arguments of `members` the list's `where` reads. */
type MemberListArgs = {
  filter?: MemberFilter | null;
  first?: number | null;
  last?: number | null;
};

/** The member list's page and counts: one `where`, one count (api/db/page-count.ts). */
const memberList = listCounts({
  where: async (args: MemberListArgs, context: Context) => {
    requirePageSize(args);
    return searchWhere(context, args.filter);
  },
  count: (context: Context, where: Prisma.MemberWhereInput, take?: number) =>
    take === undefined
      ? context.prisma.member.count({ where })
      : countMembersUpTo(context.prisma, where, take),
});

const CappedCountRef = builder.objectRef<CappedCount>("CappedCount").implement({
  description: `A count that stops at ${countCap}: exact while \`more\` is false; when \`more\` is true, more than ${countCap} match and \`count\` is ${countCap}.`,
  fields: (t) => ({
    count: t.exposeInt("count", {
      description: `The number counted: exact when \`more\` is false, else ${countCap}.`,
    }),
    more: t.exposeBoolean("more", {
      description: `Whether more than ${countCap} match (then shown as "more than ${countCap}").`,
    }),
  }),
});

builder.queryFields((t) => ({
  members: t.prismaConnection(
    {
      type: MemberNode,
      cursor: "id",
      description:
        "Members, paged (first or last, at most 100), searchable in Arabic and filterable.",
      authScopes: { permission: "members.list" },
      // Nullable: a refusal nulls this field, not the whole `data` of a query.
      nullable: true,
      // Usually started by `resolve` with the page (api/db/page-count.ts).
      totalCount: (_parent, args, context) => memberList.total(args, context),
      args: {
        filter: t.arg({
          type: MemberFilterInput,
          required: false,
          description: "Search and filters.",
        }),
        orderBy: t.arg({
          type: MemberOrderInput,
          required: false,
          description: "Defaults to newest first.",
        }),
      },
      resolve: async (query, _parent, args, context, info) => {
        const order = args.orderBy ?? { field: "createdAt" as const, direction: "desc" as const };
        const where = await memberList.where(args, context);
        memberList.withPage(args, info, context, where);
        return context.prisma.member.findMany({
          ...query,
          // Nested requests and their counts as LATERAL subqueries per member (LIMIT per
          // member, count through the memberId index) in this one statement; the default
          // strategy counted by a GROUP BY over the whole Request table on every page.
          relationLoadStrategy: "join",
          where,
          orderBy: [{ [order.field]: order.direction }, { id: order.direction }],
        });
      },
    },
    {
      name: "MemberConnection",
      description: "A page of members.",
      fields: (t) => ({
        cappedCount: t.field({
          type: CappedCountRef,
          description: `The members matching, counted up to ${countCap}: cheaper than totalCount for a common name (a search for «محمد» matches thousands). Same visibility and personal-data rules as totalCount.`,
          // A count: a query asking only for counts reads no page (as for totalCount).
          extensions: { pothosPrismaTotalCount: true },
          resolve: (connection, _args, context) =>
            // Pothos' connection object carries its field's arguments (plugin-prisma's
            // wrapConnectionResult); its type here does not name them.
            memberList.upToCap((connection as unknown as { args: MemberListArgs }).args, context),
        }),
      }),
    },
    { name: "MemberEdge", description: "A member in a page." },
  ),
  member: t.prismaField({
    type: MemberNode,
    nullable: true,
    description: "One member by global ID or by member number; null if none.",
    authScopes: { permission: "members.show" },
    args: {
      id: t.arg.globalID({ required: false, for: MemberNode, description: "Global ID." }),
      memberNumber: t.arg.string({ required: false, description: "Member number, e.g. M-000123." }),
    },
    resolve: (query, _parent, args, context) => {
      if (args.id) {
        return context.prisma.member.findUnique({
          ...query,
          relationLoadStrategy: "join",
          where: { id: args.id.id },
        });
      }
      if (args.memberNumber) {
        return context.prisma.member.findUnique({
          ...query,
          relationLoadStrategy: "join",
          where: { memberNumber: args.memberNumber.trim() },
        });
      }
      return null;
    },
  }),
}));
