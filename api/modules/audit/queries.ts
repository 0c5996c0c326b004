import { encodeGlobalID } from "@pothos/plugin-relay";
import { type GraphQLResolveInfo, isObjectType } from "graphql";
import type { Db } from "../../db/client.js";
import { ActorKind } from "../../db/generated/enums.js";
import { builder } from "../../graphql/builder.js";
import { describedEnum, RoleEnum } from "../../graphql/enums.js";
import { requirePageSize } from "../../graphql/pagination.js";

const AuditActionEnum = builder.enumType("AuditAction", {
  description: "What was done.",
  values: {
    CREATE: { description: "A record was created." },
    UPDATE: { description: "A record was changed (changes holds before and after)." },
    DELETE: { description: "A record was deleted." },
    TRANSITION: { description: "A record moved in its life cycle (a request, a session)." },
    READ_PERSONAL_DATA: {
      description: "Personal data were read in full (changes lists the fields).",
    },
    SIGN_IN: { description: "A user signed in." },
    SIGN_IN_FAILED: {
      description: "A sign-in failed (wrong password, unknown or disabled account).",
    },
    SIGN_OUT: { description: "A user signed out." },
  } as const,
});

const ActorKindEnum = describedEnum(ActorKind, "ActorKind", "Who acted on a record.", {
  USER: "A staff user of the panel.",
  PARTNER: "A partner system, through its API key.",
  MEMBER: "The member, e.g. signing an attestation from a link.",
  SYSTEM: "Wasl itself: scheduled work, the outbox worker.",
});

const AuditEntryNode = builder.prismaNode("AuditEntry", {
  description: "One entry of the append-only audit log.",
  id: { field: "id", description: "Global ID." },
  authScopes: { permission: "audit.show" },
  fields: (t) => ({
    actorKind: t.expose("actorKind", { type: ActorKindEnum, description: "Who acted." }),
    actorLabel: t.exposeString("actorLabel", {
      description: "Who: e-mail of a user, name of a partner.",
    }),
    actorName: t.string({
      description: "Who, as the panel names them: a user's full name, else the actor's label.",
      resolve: async (entry, _args, context) =>
        (await actingUser(context.prisma, entry))?.fullName ?? entry.actorLabel,
    }),
    actorRoles: t.field({
      type: [RoleEnum],
      description: "The acting user's roles now (empty for partners, members and the system).",
      resolve: async (entry, _args, context) =>
        (await actingUser(context.prisma, entry))?.roles ?? [],
    }),
    entityLabel: t.string({
      nullable: true,
      description:
        "The record as people name it: a member's name and number, a request's reference (its subject while a draft), a user's name; null for other records or one since deleted.",
      resolve: (entry, _args, context) => entityLabel(context.prisma, entry),
    }),
    action: t.expose("action", { type: AuditActionEnum, description: "What was done." }),
    entityType: t.exposeString("entityType", { description: "Kind of record, e.g. Member." }),
    entity: t.id({
      nullable: true,
      description:
        "The record's global ID (as its own `id` field gives it, for `node(id:)` and the `entity` filter); null for records that are not nodes (e.g. an attestation).",
      resolve: (entry, _args, _context, info) =>
        isNode(entry.entityType, info) ? encodeGlobalID(entry.entityType, entry.entityId) : null,
    }),
    changes: t.field({
      type: "JSON",
      nullable: true,
      description:
        "What changed, as an object { field: { before, after } } (fields vary by record); for READ_PERSONAL_DATA the list of fields read.",
      resolve: (entry) => entry.changes,
    }),
    at: t.expose("at", { type: "DateTime", description: "When." }),
  }),
});

const AuditFilterInput = builder.inputType("AuditFilter", {
  description: "Narrows the audit log.",
  fields: (t) => ({
    entityType: t.string({ required: false, description: "Kind of record, e.g. Member." }),
    entity: t.globalID({
      required: false,
      description: "Only this record: its global ID, as its `id` field gives it.",
    }),
    actor: t.globalID({
      required: false,
      description: "Only what this user (or partner) did: their global ID.",
    }),
  }),
});

builder.queryField("auditEntries", (t) =>
  t.prismaConnection(
    {
      type: AuditEntryNode,
      cursor: "id",
      description: "The audit log, newest first (admins only).",
      authScopes: { permission: "audit.list" },
      // Nullable: a refusal nulls this field, not the whole `data` of a query.
      nullable: true,
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

type Entry = { actorKind: string; actorId: string | null; entityType: string; entityId: string };

// One lookup per entry: Prisma batches the findUnique calls of one page into one query.
function actingUser(db: Db, entry: Entry) {
  if (entry.actorKind !== "USER" || !entry.actorId) return Promise.resolve(null);
  return db.user.findUnique({
    where: { id: entry.actorId },
    select: { fullName: true, roles: true },
  });
}

async function entityLabel(db: Db, entry: Entry): Promise<string | null> {
  const id = entry.entityId;
  switch (entry.entityType) {
    case "Member": {
      const member = await db.member.findUnique({
        where: { id },
        select: { fullNameAr: true, memberNumber: true },
      });
      return member ? `${member.fullNameAr} (${member.memberNumber})` : null;
    }
    case "Request": {
      const request = await db.request.findUnique({
        where: { id },
        select: { reference: true, subject: true },
      });
      return request ? (request.reference ?? request.subject) : null;
    }
    case "User": {
      const user = await db.user.findUnique({ where: { id }, select: { fullName: true } });
      return user?.fullName ?? null;
    }
    default:
      return null;
  }
}

/** Whether entries of this entity type name a Node (their records have global IDs). */
function isNode(typename: string, info: GraphQLResolveInfo): boolean {
  const type = info.schema.getType(typename);
  return isObjectType(type) && type.getInterfaces().some((i) => i.name === "Node");
}

type GlobalId = { typename: string; id: string };

function auditWhere(
  filter:
    | { entityType?: string | null; entity?: GlobalId | null; actor?: GlobalId | null }
    | null
    | undefined,
) {
  // The record's global ID names its type too: both must match an entry.
  const entity = filter?.entity;
  if (entity && filter?.entityType && filter.entityType !== entity.typename)
    return { id: { in: [] } };
  return {
    entityType: entity?.typename ?? filter?.entityType ?? undefined,
    entityId: entity?.id ?? undefined,
    actorId: filter?.actor?.id ?? undefined,
  };
}
