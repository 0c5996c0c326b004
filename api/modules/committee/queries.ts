import type { Prisma } from "../../db/client.js";
import { NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { requirePageSize } from "../../graphql/pagination.js";
import { maySeeSession, sessionsWhere } from "./policy.js";
import { loadRoomState } from "./state.js";
import { CommitteeRoomType, CommitteeSessionNode, SessionStatusEnum } from "./types.js";

const SessionFilter = builder.inputType("CommitteeSessionFilter", {
  description: "Narrows the sessions list.",
  fields: (t) => ({
    status: t.field({
      type: [SessionStatusEnum],
      required: false,
      description: "Only these states.",
    }),
    year: t.int({ required: false, description: "Only this Hijri year." }),
    from: t.field({ type: "DateTime", required: false, description: "Held at or after." }),
    to: t.field({ type: "DateTime", required: false, description: "Held before." }),
  }),
});

type SessionFilterShape = {
  status?: Prisma.CommitteeSessionWhereInput["status"][] | null;
  year?: number | null;
  from?: Date | null;
  to?: Date | null;
};

function filterWhere(
  filter: SessionFilterShape | null | undefined,
): Prisma.CommitteeSessionWhereInput {
  if (!filter) return {};
  return {
    ...(filter.status?.length ? { status: { in: filter.status as never } } : {}),
    ...(filter.year != null ? { year: filter.year } : {}),
    ...(filter.from || filter.to
      ? {
          scheduledAt: {
            ...(filter.from ? { gte: filter.from } : {}),
            ...(filter.to ? { lt: filter.to } : {}),
          },
        }
      : {}),
  };
}

builder.queryField("committeeSessions", (t) =>
  t.prismaConnection(
    {
      type: CommitteeSessionNode,
      cursor: "id",
      description:
        "Committee sessions, latest scheduled first: every session for staff who schedule them, your own for committee members.",
      authScopes: { permission: "committee.list" },
      // Nullable: a refusal nulls this field, not the whole `data` of a query.
      nullable: true,
      args: { filter: t.arg({ type: SessionFilter, required: false, description: "Filters." }) },
      totalCount: async (_parent, args, context) => {
        requirePageSize(args);
        const caller = await context.caller();
        return context.prisma.committeeSession.count({
          where: { AND: [sessionsWhere(caller), filterWhere(args.filter)] },
        });
      },
      resolve: async (query, _parent, args, context) => {
        requirePageSize(args);
        const caller = await context.caller();
        return context.prisma.committeeSession.findMany({
          ...query,
          where: { AND: [sessionsWhere(caller), filterWhere(args.filter)] },
          orderBy: [{ scheduledAt: "desc" }, { id: "desc" }],
        });
      },
    },
    { name: "CommitteeSessionConnection", description: "A page of committee sessions." },
    { name: "CommitteeSessionEdge", description: "A session in a page." },
  ),
);

builder.queryField("committeeRoom", (t) =>
  t.field({
    type: CommitteeRoomType,
    description:
      "A session's room as it stands now: what the live subscription sends first; query it again after a gap in the events' sequence.",
    authScopes: { permission: "committee.show" },
    errors: {
      types: [NotFoundError],
      union: { name: "CommitteeRoomResult", description: "The room, or why not." },
      result: { name: "CommitteeRoomSuccess", description: "The room." },
      dataField: { name: "room", description: "The room now." },
    },
    args: {
      session: t.arg.globalID({
        required: true,
        for: CommitteeSessionNode,
        description: "The session.",
      }),
    },
    resolve: async (_root, args, context) => {
      const caller = await context.caller();
      const state = await loadRoomState(context.prisma, args.session.id);
      const session = { chairId: state.chairId, attendance: state.members };
      if (!maySeeSession(caller, session))
        throw new NotFoundError("CommitteeSession", args.session.id);
      return state;
    },
  }),
);
