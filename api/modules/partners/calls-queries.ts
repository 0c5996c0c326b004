// The partner call log as admins read it: `partnerCalls`, newest first, by partner, key,
// result and period.
import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import type { Db } from "../../db/client.js";
import { builder } from "../../graphql/builder.js";
import { requirePageSize } from "../../graphql/pagination.js";

const PartnerCallResultEnum = builder.enumType("PartnerCallResult", {
  description: "How a partner call ended.",
  values: {
    OK: { description: "Answered without errors." },
    ERROR: { description: "Answered with errors; `errorCode` is the first one's code." },
    THROTTLED: { description: "Refused: the key had spent its hourly budget of points." },
  } as const,
});

const PartnerOperationTypeEnum = builder.enumType("PartnerOperationType", {
  description: "The kind of a partner's operation.",
  values: {
    QUERY: { description: "A query." },
    MUTATION: { description: "A mutation." },
    SUBSCRIPTION: { description: "A subscription (logged when it starts)." },
  } as const,
});

const PartnerCallTransportEnum = builder.enumType("PartnerCallTransport", {
  description: "How a partner call arrived.",
  values: {
    HTTP: { description: "A GraphQL request over HTTP." },
    WEBSOCKET: { description: "A subscription started over graphql-ws." },
  } as const,
});

// One lookup per row: Prisma batches a page's findUnique calls into one query each.
const partnerOf = (db: Db, id: string) =>
  db.partner.findUnique({ where: { id }, select: { name: true, nameAr: true } });
const apiKeyOf = (db: Db, id: string) =>
  db.apiKey.findUnique({ where: { id }, select: { label: true, prefix: true } });

const PartnerCallNode = builder.prismaNode("PartnerCall", {
  description: "One partner call: an operation over HTTP or a subscription's start.",
  id: { field: "id", description: "Global ID." },
  authScopes: { permission: "partnerCalls.list" },
  fields: (t) => ({
    partner: t.id({
      description: "The calling partner's global ID.",
      resolve: (call) => encodeGlobalID("Partner", call.partnerId),
    }),
    partnerName: t.string({
      nullable: true,
      description: "The partner's name in the caller's language; null if it was deleted.",
      resolve: async (call, _args, context) => {
        const partner = await partnerOf(context.prisma, call.partnerId);
        return partner ? (context.locale === "ar" ? partner.nameAr : partner.name) : null;
      },
    }),
    apiKey: t.id({
      description: "The API key's global ID.",
      resolve: (call) => encodeGlobalID("ApiKey", call.apiKeyId),
    }),
    apiKeyLabel: t.string({
      nullable: true,
      description: "The key's label and prefix, e.g. `production (wasl_ab12cd34)`.",
      resolve: async (call, _args, context) => {
        const key = await apiKeyOf(context.prisma, call.apiKeyId);
        return key ? `${key.label} (wasl_${key.prefix})` : null;
      },
    }),
    operationName: t.exposeString("operationName", {
      nullable: true,
      description: "The operation's name, if the partner named it.",
    }),
    operationType: t.expose("operationType", {
      type: PartnerOperationTypeEnum,
      description: "Query, mutation or subscription.",
    }),
    transport: t.expose("transport", {
      type: PartnerCallTransportEnum,
      description: "HTTP or WebSocket.",
    }),
    cost: t.exposeInt("cost", {
      nullable: true,
      description: "The call's cost in points; null when it was refused before being costed.",
    }),
    result: t.expose("result", { type: PartnerCallResultEnum, description: "How it ended." }),
    errorCode: t.exposeString("errorCode", {
      nullable: true,
      description: "The first error's code (e.g. THROTTLED, PAGE_SIZE_REQUIRED); null when OK.",
    }),
    durationMs: t.exposeInt("durationMs", {
      description: "Milliseconds from admission to the answer (a subscription: to its start).",
    }),
    at: t.expose("at", { type: "DateTime", description: "When the call arrived." }),
  }),
});

const PartnerCallFilterInput = builder.inputType("PartnerCallFilter", {
  description: "Narrows the partner call log.",
  fields: (t) => ({
    // IDs decoded here rather than by `t.globalID`: the Partner and ApiKey nodes are the
    // partners-keys part's, and a global ID is checked against the schema's node types.
    partner: t.id({ required: false, description: "Only this partner's calls (its global ID)." }),
    apiKey: t.id({
      required: false,
      description: "Only the calls made with this key (its global ID).",
    }),
    result: t.field({
      type: PartnerCallResultEnum,
      required: false,
      description: "Only calls that ended so.",
    }),
    from: t.field({ type: "DateTime", required: false, description: "From (inclusive)." }),
    to: t.field({ type: "DateTime", required: false, description: "Until (exclusive)." }),
  }),
});

type Filter = {
  partner?: string | number | null;
  apiKey?: string | number | null;
  result?: "OK" | "ERROR" | "THROTTLED" | null;
  from?: Date | null;
  to?: Date | null;
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The database ID in a global ID of this type; null if it is not one (it matches nothing). */
function idOf(
  value: string | number | null | undefined,
  typename: string,
): string | null | undefined {
  if (value == null) return undefined;
  try {
    const decoded = decodeGlobalID(String(value));
    return decoded.typename === typename && uuid.test(decoded.id) ? decoded.id : null;
  } catch {
    return null;
  }
}

function callsWhere(filter: Filter | null | undefined) {
  const partnerId = idOf(filter?.partner, "Partner");
  const apiKeyId = idOf(filter?.apiKey, "ApiKey");
  if (partnerId === null || apiKeyId === null) return { id: { in: [] } };
  return {
    partnerId,
    apiKeyId,
    result: filter?.result ?? undefined,
    at: { gte: filter?.from ?? undefined, lt: filter?.to ?? undefined },
  };
}

builder.queryField("partnerCalls", (t) =>
  t.prismaConnection(
    {
      type: PartnerCallNode,
      cursor: "id",
      description:
        "The partner call log, newest first (admins only); kept for WASL_PARTNER_CALL_RETENTION_DAYS days.",
      authScopes: { permission: "partnerCalls.list" },
      nullable: true,
      args: {
        filter: t.arg({ type: PartnerCallFilterInput, required: false, description: "Filters." }),
      },
      totalCount: (_parent, args, context) => {
        requirePageSize(args);
        return context.prisma.partnerCall.count({ where: callsWhere(args.filter) });
      },
      resolve: (query, _parent, args, context) => {
        requirePageSize(args);
        return context.prisma.partnerCall.findMany({
          ...query,
          where: callsWhere(args.filter),
          orderBy: [{ at: "desc" }, { id: "desc" }],
        });
      },
    },
    { name: "PartnerCallConnection", description: "A page of the partner call log." },
    { name: "PartnerCallEdge", description: "A partner call in a page." },
  ),
);
