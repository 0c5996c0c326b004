import { builder } from "../../graphql/builder.js";
import { RoleEnum } from "../../graphql/enums.js";
import { requirePageSize } from "../../graphql/pagination.js";
import { StaffRefType, UserNode, Viewer } from "./types.js";

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
  staffDirectory: t.field({
    type: [StaffRefType],
    description:
      "Active staff by name, optionally only those holding a role (e.g. RESEARCHER, to refer a case). Names only: account details stay with admins.",
    authScopes: { signedIn: true },
    // Nullable: a refusal nulls this field, not the whole `data` of a query.
    nullable: true,
    args: {
      role: t.arg({ type: RoleEnum, required: false, description: "Only users with this role." }),
    },
    resolve: async (_root, args, context) => {
      const active = await context.prisma.user.findMany({
        where: { disabled: false },
        select: { id: true, fullName: true, roles: true },
        orderBy: [{ fullName: "asc" }, { id: "asc" }],
      });
      // Filtered here: Prisma 7.10's `has`/`hasSome` on an enum array reached PGlite as a
      // malformed array literal ("RESEARCHER"). Staff lists are short.
      return active
        .filter((user) => !args.role || user.roles.includes(args.role))
        .map(({ id, fullName }) => ({ id, fullName }));
    },
  }),
  users: t.prismaConnection(
    {
      type: UserNode,
      cursor: "id",
      description: "Staff accounts, by name (admins only).",
      authScopes: { permission: "users.list" },
      // Nullable: a refusal nulls this field, not the whole `data` of a query.
      nullable: true,
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
