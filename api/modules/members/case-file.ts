// The member's case file as the panel's show page reads it: recent timeline events and
// documents, as the requests module's own Node types (one shape, one fragment, `node(id:)`);
// contacts are Member.communications (communications module).
import { builder } from "../../graphql/builder.js";
import { maxPageSize } from "../../graphql/pagination.js";
import { DocumentNode } from "../requests/documents/types.js";
import { visibleCaseRowsWhere } from "../requests/policy.js";
import { TimelineEventType } from "../requests/types.js";
import "./reveal.js";
import { MemberNode } from "./types.js";

const take = (first: number | null | undefined) => Math.min(Math.max(first ?? 50, 0), maxPageSize);

builder.prismaObjectFields(MemberNode, (t) => ({
  recentTimeline: t.prismaField({
    type: [TimelineEventType],
    description:
      "The member's latest timeline events, newest first (at most 100); a researcher sees only those of the cases referred to them.",
    args: {
      first: t.arg.int({ required: false, description: "How many; 50 by default, at most 100." }),
    },
    resolve: async (query, member, args, context) =>
      context.prisma.timelineEvent.findMany({
        ...query,
        where: { memberId: member.id, ...visibleCaseRowsWhere(await context.caller()) },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: take(args.first),
      }),
  }),
  recentDocuments: t.prismaField({
    type: [DocumentNode],
    description:
      "The member's latest documents (metadata), newest first (at most 100); a researcher sees only those of the cases referred to them.",
    args: {
      first: t.arg.int({ required: false, description: "How many; 50 by default, at most 100." }),
    },
    resolve: async (query, member, args, context) =>
      context.prisma.document.findMany({
        ...query,
        where: { memberId: member.id, ...visibleCaseRowsWhere(await context.caller()) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: take(args.first),
      }),
  }),
}));
