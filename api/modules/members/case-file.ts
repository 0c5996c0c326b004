// The member's case file as the panel's show page reads it: recent timeline events and
// documents. Plain summaries (kinds as strings): the requests module owns the full types and
// their own connections; contacts are Member.communications (communications module).
import { builder } from "../../graphql/builder.js";
import { maxPageSize } from "../../graphql/pagination.js";
import { visibleCaseRowsWhere } from "../requests/policy.js";
import "./reveal.js";
import { MemberNode } from "./types.js";

type TimelineRow = {
  id: string;
  kind: string;
  requestId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  actor: { fullName: string } | null;
  at: Date;
};
type DocumentRow = {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  size: number;
  verification: string;
  rejectionReason: string | null;
  createdAt: Date;
};

const MemberTimelineEntry = builder.objectRef<TimelineRow>("MemberTimelineEntry").implement({
  description: "One event of a member's timeline.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Database ID of the event." }),
    kind: t.exposeString("kind", {
      description: "What happened (TimelineEventKind), e.g. MEMBER_UPDATED or STATUS_CHANGED.",
    }),
    requestId: t.exposeString("requestId", {
      nullable: true,
      description: "Database ID of the request concerned, if any.",
    }),
    fromStatus: t.exposeString("fromStatus", {
      nullable: true,
      description: "Request status before, for status changes.",
    }),
    toStatus: t.exposeString("toStatus", {
      nullable: true,
      description: "Request status after, for status changes.",
    }),
    note: t.exposeString("note", { nullable: true, description: "A note written with the event." }),
    actorName: t.string({
      nullable: true,
      description: "Who did it (staff name), if a person.",
      resolve: (e) => e.actor?.fullName ?? null,
    }),
    at: t.field({ type: "DateTime", description: "When.", resolve: (e) => e.at }),
  }),
});

const MemberDocumentEntry = builder.objectRef<DocumentRow>("MemberDocumentEntry").implement({
  description: "One document on a member's file (metadata only).",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Database ID." }),
    kind: t.exposeString("kind", { description: "Document kind (DocumentKind enum value)." }),
    fileName: t.exposeString("fileName", { description: "File name as uploaded." }),
    contentType: t.exposeString("contentType", { description: "MIME type." }),
    size: t.exposeInt("size", { description: "Size in bytes." }),
    verification: t.exposeString("verification", { description: "PENDING, ACCEPTED or REJECTED." }),
    rejectionReason: t.exposeString("rejectionReason", {
      nullable: true,
      description: "Why it was rejected.",
    }),
    createdAt: t.field({
      type: "DateTime",
      description: "When it was uploaded.",
      resolve: (d) => d.createdAt,
    }),
  }),
});

const take = (first: number | null | undefined) => Math.min(Math.max(first ?? 50, 0), maxPageSize);

builder.prismaObjectFields(MemberNode, (t) => ({
  recentTimeline: t.field({
    type: [MemberTimelineEntry],
    description:
      "The member's latest timeline events, newest first (at most 100); a researcher sees only those of the cases referred to them.",
    args: {
      first: t.arg.int({ required: false, description: "How many; 50 by default, at most 100." }),
    },
    resolve: async (member, args, context) =>
      context.prisma.timelineEvent.findMany({
        where: { memberId: member.id, ...visibleCaseRowsWhere(await context.caller()) },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: take(args.first),
        include: { actor: { select: { fullName: true } } },
      }),
  }),
  recentDocuments: t.field({
    type: [MemberDocumentEntry],
    description:
      "The member's latest documents (metadata), newest first (at most 100); a researcher sees only those of the cases referred to them.",
    args: {
      first: t.arg.int({ required: false, description: "How many; 50 by default, at most 100." }),
    },
    resolve: async (member, args, context) =>
      context.prisma.document.findMany({
        where: { memberId: member.id, ...visibleCaseRowsWhere(await context.caller()) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: take(args.first),
      }),
  }),
}));
