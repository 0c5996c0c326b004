import { builder } from "../../graphql/builder.js";
import { requirePageSize } from "../../graphql/pagination.js";
import { UserNode, Viewer } from "./types.js";

builder.queryFields((t) => ({
  me: t.field({
    type: Viewer,
    nullable: true,
    description: "Who is signed in, or null.",
    authScopes: { public: true },
    resolve: async (_root, _args, context) => {
      const caller = await context.caller();
      return caller.kind === "user" ? caller : null;
    },
  }),
  users: t.prismaConnection(
    {
      type: UserNode,
      cursor: "id",
      description: "Staff accounts, by name (admins only).",
      authScopes: { permission: "users.list" },
      totalCount: (_parent, args, context) => {
        requirePageSize(args);
        return context.prisma.user.count();
      },
      resolve: (query, _parent, args, context) => {
        requirePageSize(args);
        return context.prisma.user.findMany({
          ...query,
          orderBy: [{ fullName: "asc" }, { id: "asc" }],
        });
      },
    },
    { name: "UserConnection", description: "A page of staff accounts." },
    { name: "UserEdge", description: "A staff account in a page." },
  ),
}));
