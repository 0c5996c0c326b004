// `setPartnerKeyLimit`: an admin gives a key its own hourly budget, or holds it to registered
// operations only; `ApiKey.limit` reads them back for the key's screen.
import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { run } from "../../db/commands.js";
import { inputFieldError, NotFoundError, ValidationError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { type KeyLimitRow, maxPointsPerHour, setPartnerKeyLimit } from "./key-limit-commands.js";
import { ApiKeyNode } from "./types.js";

const PartnerKeyLimitType = builder.objectRef<KeyLimitRow>("PartnerKeyLimit").implement({
  description: "A partner API key's own limits (the defaults apply where none are set).",
  fields: (t) => ({
    apiKey: t.id({
      description: "The API key's global ID.",
      resolve: (row) => encodeGlobalID("ApiKey", row.apiKeyId),
    }),
    pointsPerHour: t.int({
      nullable: true,
      description: "The key's budget of cost points per hour; null: the server's default.",
      resolve: (row) => row.pointsPerHour,
    }),
    persistedOnly: t.boolean({
      description: "Whether the key runs registered (persisted) operations only.",
      resolve: (row) => row.persistedOnly,
    }),
    updatedAt: t.field({
      type: "DateTime",
      description: "When the limits were last set.",
      resolve: (row) => row.updatedAt,
    }),
  }),
});

builder.prismaObjectField(ApiKeyNode, "limit", (t) =>
  t.field({
    type: PartnerKeyLimitType,
    nullable: true,
    description:
      "The key's own limits; null: the server's defaults (its hourly budget, any operation).",
    authScopes: { permission: "partnerKeyLimits.edit" },
    select: { id: true },
    resolve: (key, _args, context) =>
      context.prisma.partnerKeyLimit.findUnique({ where: { apiKeyId: key.id } }),
  }),
);

const SetPartnerKeyLimitInput = builder.inputType("SetPartnerKeyLimitInput", {
  description: "A key's own limits.",
  fields: (t) => ({
    apiKey: t.id({ required: true, description: "The API key (its global ID)." }),
    pointsPerHour: t.int({
      required: false,
      description: `Points per hour, 1 to ${maxPointsPerHour}; null or absent: the server's default.`,
    }),
    persistedOnly: t.boolean({
      required: true,
      description: "Run registered (persisted) operations only.",
    }),
  }),
});

/** The database ID of an ApiKey global ID (the ApiKey node is the partners-keys part's). */
function apiKeyIdOf(value: string | number): string {
  try {
    const decoded = decodeGlobalID(String(value));
    if (decoded.typename === "ApiKey" && /^[0-9a-f-]{36}$/i.test(decoded.id)) return decoded.id;
  } catch {
    // Not a global ID: refused below.
  }
  throw inputFieldError("apiKey", "validation.badGlobalId");
}

builder.mutationField("setPartnerKeyLimit", (t) =>
  t.field({
    type: PartnerKeyLimitType,
    description:
      "Sets a partner key's own hourly budget and whether it runs registered operations only (admins). Applies on every API instance within 30 seconds.",
    authScopes: { permission: "partnerKeyLimits.edit" },
    errors: {
      types: [ValidationError, NotFoundError],
      union: { name: "SetPartnerKeyLimitResult", description: "The key's limits, or why not." },
      result: { name: "SetPartnerKeyLimitSuccess", description: "Set." },
      dataField: { name: "limit", description: "The key's limits as stored." },
    },
    args: {
      input: t.arg({ type: SetPartnerKeyLimitInput, required: true, description: "The limits." }),
    },
    resolve: async (_root, { input }, context) => {
      const apiKeyId = apiKeyIdOf(input.apiKey);
      const row = await run(context, await context.caller(), setPartnerKeyLimit, {
        apiKeyId,
        pointsPerHour: input.pointsPerHour ?? null,
        persistedOnly: input.persistedOnly,
      });
      context.partnerLimits.keyLimits.forget(apiKeyId);
      return row;
    },
  }),
);
