import { builder } from "../../graphql/builder.js";
import { requirePageSize } from "../../graphql/pagination.js";

const AuditActionEnum = builder.enumType("AuditAction", {
  description: "What was done.",
  values: [
    "CREATE",
    "UPDATE",
    "DELETE",
    "TRANSITION",
    "READ_PERSONAL_DATA",
    "SIGN_IN",
    "SIGN_IN_FAILED",
    "SIGN_OUT",
  ] as const,
});

const AuditEntryNode = builder.prismaNode("AuditEntry", {
  description: "One entry of the append-only audit log.",
  id: { field: "id", description: "Global ID." },
  authScopes: { permission: "audit.show" },
  fields: (t) => ({
    actorKind: t.exposeString("actorKind", { description: "USER, PARTNER, MEMBER or SYSTEM." }),
    actorLabel: t.exposeString("actorLabel", {
      description: "Who: e-mail of a user, name of a partner.",
    }),
    action: t.expose("action", { type: AuditActionEnum, description: "What was done." }),
    entityType: t.exposeString("entityType", { description: "Kind of record, e.g. Member." }),
    entityId: t.exposeString("entityId", { description: "The record's database ID." }),
    changes: t.string({
      nullable: true,
      description:
        "JSON: { field: { before, after } } for changes; the fields read for READ_PERSONAL_DATA.",
      resolve: (entry) => (entry.changes === null ? null : JSON.stringify(entry.changes)),
    }),
    at: t.expose("at", { type: "DateTime", description: "When." }),
  }),
});

const AuditFilterInput = builder.inputType("AuditFilter", {
  description: "Narrows the audit log.",
  fields: (t) => ({
    entityType: t.string({ required: false, description: "Kind of record, e.g. Member." }),
    entityId: t.string({ required: false, description: "The record's database ID." }),
    actorId: t.string({ required: false, description: "The actor's database ID." }),
  }),
});

builder.queryField("auditEntries", (t) =>
  t.prismaConnection(
    {
      type: AuditEntryNode,
      cursor: "id",
      description: "The audit log, newest first (admins only).",
      authScopes: { permission: "audit.list" },
      args: { filter: t.arg({ type: AuditFilterInput, required: false, description: "Filters." }) },
      totalCount: (_parent, args, context) => {
        requirePageSize(args);
        return context.prisma.auditEntry.count({ where: auditWhere(args.filter) });
      },
      resolve: (query, _parent, args, context) => {
        requirePageSize(args);
        return context.prisma.auditEntry.findMany({
          ...query,
          where: auditWhere(args.filter),
          orderBy: [{ at: "desc" }, { id: "desc" }],
        });
      },
    },
    { name: "AuditEntryConnection", description: "A page of the audit log." },
    { name: "AuditEntryEdge", description: "An audit entry in a page." },
  ),
);

function auditWhere(
  filter:
    | { entityType?: string | null; entityId?: string | null; actorId?: string | null }
    | null
    | undefined,
) {
  return {
    entityType: filter?.entityType ?? undefined,
    entityId: filter?.entityId ?? undefined,
    actorId: filter?.actorId ?? undefined,
  };
}
