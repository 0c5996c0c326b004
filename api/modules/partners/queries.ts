// What partners read (each root field gated by its scope, nullable) and what admins read of
// partners. The partner-facing fields answer from the owning modules' exports: members'
// verification, requests' policy.
import type { PartnerCaller } from "../../auth/caller.js";
import { registerPartnerNode } from "../../auth/policy.js";
import type { RequestStatus, RequestTypeCode } from "../../db/generated/enums.js";
import { builder } from "../../graphql/builder.js";
import { RequestStatusEnum, RequestTypeCodeEnum } from "../../graphql/enums.js";
import { requirePageSize } from "../../graphql/pagination.js";
import { type MembershipVerification, verifyMembership } from "../members/verification.js";
import {
  partnerReachSelect,
  partnerRequestsWhere,
  partnerSeesRequest,
} from "../requests/policy.js";
import { PartnerNode, PartnerRequestNode, PartnerScopeEnum } from "./types.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// node(id:) answers a partner the requests it reaches, by the requests' policy; null otherwise.
registerPartnerNode("PartnerRequest", async (context, caller, id) => {
  if (!uuidPattern.test(id)) return false;
  const request = await context.prisma.request.findUnique({
    where: { id },
    select: partnerReachSelect,
  });
  return !!request && partnerSeesRequest(caller, request);
});

const MembershipVerificationType = builder
  .objectRef<MembershipVerification>("MembershipVerification")
  .implement({
    description:
      "Whether a national ID is an active member's (membership:verify): yes or no, and the member number if yes. Nothing else about the member, and nothing about anyone who is not an active member.",
    fields: (t) => ({
      active: t.exposeBoolean("active", {
        description: "True if the national ID belongs to a member whose membership is ACTIVE.",
      }),
      memberNumber: t.exposeString("memberNumber", {
        nullable: true,
        description: "The member number, when `active`; otherwise null.",
      }),
    }),
  });

const MembershipVerificationInput = builder.inputType("MembershipVerificationInput", {
  description: "The person to check.",
  fields: (t) => ({
    nationalId: t.string({
      required: true,
      description: "Saudi national ID or iqama number: ten digits (Arabic-Indic digits accepted).",
    }),
  }),
});

const PartnerKeyType = builder.objectRef<PartnerCaller>("PartnerViewerKey").implement({
  description: "The key the call was made with.",
  fields: (t) => ({
    scopes: t.field({
      type: [PartnerScopeEnum],
      description: "What this key may do.",
      resolve: (caller) => caller.scopes,
    }),
    expiresAt: t.field({
      type: "DateTime",
      nullable: true,
      description:
        "When this key stops being accepted (its expiry, or the end of a rotation's overlap); null: never.",
      resolve: (caller) => caller.keyExpiresAt,
    }),
  }),
});

const PartnerViewerType = builder.objectRef<PartnerCaller>("PartnerViewer").implement({
  description: "The partner making the call, and its key.",
  fields: (t) => ({
    name: t.string({ description: "The partner's name.", resolve: (caller) => caller.name }),
    key: t.field({ type: PartnerKeyType, description: "The key used.", resolve: (c) => c }),
  }),
});

type Counted<Group> = { group: Group; count: number };

const RequestTypeCountType = builder
  .objectRef<Counted<RequestTypeCode>>("PartnerStatisticsTypeCount")
  .implement({
    description: "Requests of one type submitted in the period.",
    fields: (t) => ({
      type: t.field({
        type: RequestTypeCodeEnum,
        description: "The type.",
        resolve: (c) => c.group,
      }),
      count: t.exposeInt("count", {
        description: "How many (never under the minimum group size).",
      }),
    }),
  });

const RequestStatusCountType = builder
  .objectRef<Counted<RequestStatus>>("PartnerStatisticsStatusCount")
  .implement({
    description: "Requests submitted in the period that are now in one status.",
    fields: (t) => ({
      status: t.field({
        type: RequestStatusEnum,
        description: "The status.",
        resolve: (c) => c.group,
      }),
      count: t.exposeInt("count", {
        description: "How many (never under the minimum group size).",
      }),
    }),
  });

/** No figure is given for fewer people or requests than this: small groups identify people. */
export const minimumGroupSize = 5;

type Statistics = {
  from: Date;
  to: Date;
  activeMembers: number;
  requestsSubmitted: number;
  byType: Counted<RequestTypeCode>[];
  byStatus: Counted<RequestStatus>[];
};

const small = (count: number) => (count < minimumGroupSize ? null : count);

const PartnerStatisticsType = builder.objectRef<Statistics>("PartnerStatistics").implement({
  description: `Aggregate figures (stats:read): counts only, and none for a group of fewer than ${minimumGroupSize}.`,
  fields: (t) => ({
    from: t.field({
      type: "DateTime",
      description: "Start of the period.",
      resolve: (s) => s.from,
    }),
    to: t.field({ type: "DateTime", description: "End of the period.", resolve: (s) => s.to }),
    minimumGroupSize: t.int({
      description: "Groups smaller than this are left out, and totals under it are null.",
      resolve: () => minimumGroupSize,
    }),
    activeMembers: t.int({
      nullable: true,
      description: "Members whose membership is ACTIVE now.",
      resolve: (s) => small(s.activeMembers),
    }),
    requestsSubmitted: t.int({
      nullable: true,
      description: "Requests submitted in the period (every channel).",
      resolve: (s) => small(s.requestsSubmitted),
    }),
    requestsByType: t.field({
      type: [RequestTypeCountType],
      description: "Requests submitted in the period, by type (small groups left out).",
      resolve: (s) => s.byType.filter((c) => c.count >= minimumGroupSize),
    }),
    requestsByStatus: t.field({
      type: [RequestStatusCountType],
      description: "Requests submitted in the period, by their status now (small groups left out).",
      resolve: (s) => s.byStatus.filter((c) => c.count >= minimumGroupSize),
    }),
  }),
});

const dayMs = 86_400_000;

builder.queryFields((t) => ({
  partners: t.prismaConnection(
    {
      type: PartnerNode,
      cursor: "id",
      description: "Partner systems, newest first (admins).",
      authScopes: { permission: "partners.list" },
      nullable: true,
      totalCount: (_parent, args, context) => {
        requirePageSize(args);
        return context.prisma.partner.count();
      },
      resolve: (query, _parent, args, context) => {
        requirePageSize(args);
        return context.prisma.partner.findMany({
          ...query,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        });
      },
    },
    { name: "PartnerConnection", description: "A page of partners." },
    { name: "PartnerEdge", description: "A partner in a page." },
  ),
  partnerViewer: t.field({
    type: PartnerViewerType,
    nullable: true,
    description: "The partner making the call (any valid key), with its key's scopes and expiry.",
    authScopes: { anyPartner: true },
    resolve: async (_root, _args, context) => {
      const caller = await context.caller();
      return caller.kind === "partner" ? caller : null;
    },
  }),
  membershipVerification: t.field({
    type: MembershipVerificationType,
    nullable: true,
    description:
      "Is this national ID an active member's? Yes or no and the member number (membership:verify). A malformed ID is a VALIDATION_FAILED error naming `nationalId`.",
    authScopes: { partner: "MEMBERSHIP_VERIFY" },
    args: {
      input: t.arg({ type: MembershipVerificationInput, required: true, description: "Who." }),
    },
    resolve: (_root, { input }, context) => verifyMembership(context.prisma, input.nationalId),
  }),
  partnerRequests: t.prismaConnection(
    {
      type: PartnerRequestNode,
      cursor: "id",
      nullable: true,
      description:
        "The requests this partner submitted or their members shared with it, newest first: status and dates only (requests:read).",
      authScopes: { partner: "REQUESTS_READ" },
      totalCount: async (_parent, args, context) => {
        requirePageSize(args);
        const where = partnerRequestsWhere(await context.caller());
        return where ? context.prisma.request.count({ where }) : 0;
      },
      resolve: async (query, _parent, args, context) => {
        requirePageSize(args);
        const where = partnerRequestsWhere(await context.caller());
        if (!where) return [];
        return context.prisma.request.findMany({
          ...query,
          where,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        });
      },
    },
    { name: "PartnerRequestConnection", description: "A page of a partner's requests." },
    { name: "PartnerRequestEdge", description: "A request in a page." },
  ),
  partnerStatistics: t.field({
    type: PartnerStatisticsType,
    nullable: true,
    description: `Aggregate figures for a period (stats:read); by default the last 365 days. No group of fewer than ${minimumGroupSize} is shown.`,
    authScopes: { partner: "STATS_READ" },
    args: {
      from: t.arg({ type: "DateTime", required: false, description: "Start (inclusive)." }),
      to: t.arg({
        type: "DateTime",
        required: false,
        description: "End (exclusive); now by default.",
      }),
    },
    resolve: async (_root, args, context) => {
      const to = args.to ?? new Date();
      const from = args.from ?? new Date(to.getTime() - 365 * dayMs);
      const submitted = { submittedAt: { gte: from, lt: to } };
      const [activeMembers, byType, byStatus] = await Promise.all([
        context.prisma.member.count({ where: { status: "ACTIVE" } }),
        context.prisma.request.groupBy({
          by: ["typeCode"],
          where: submitted,
          _count: { _all: true },
        }),
        context.prisma.request.groupBy({
          by: ["status"],
          where: submitted,
          _count: { _all: true },
        }),
      ]);
      return {
        from,
        to,
        activeMembers,
        requestsSubmitted: byType.reduce((sum, row) => sum + row._count._all, 0),
        byType: byType.map((row) => ({ group: row.typeCode, count: row._count._all })),
        byStatus: byStatus.map((row) => ({ group: row.status, count: row._count._all })),
      };
    },
  }),
}));
