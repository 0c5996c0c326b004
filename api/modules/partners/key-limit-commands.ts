// Setting a key's own limits (PartnerKeyLimit): its hourly budget and "registered operations
// only". Audited like every admin change; each instance reads the new limits within 30 s
// (key-limits.ts), this one at once.

import type { Command } from "../../db/commands.js";
import { FieldErrors, NotFoundError } from "../../errors.js";
import { changedFields, recordAudit } from "../audit/service.js";

/** The largest budget a key may be given (points per hour). */
export const maxPointsPerHour = 10_000_000;

export type SetKeyLimitInput = {
  apiKeyId: string;
  pointsPerHour: number | null;
  persistedOnly: boolean;
};

export type KeyLimitRow = {
  apiKeyId: string;
  pointsPerHour: number | null;
  persistedOnly: boolean;
  updatedAt: Date;
};

export const setPartnerKeyLimit: Command<SetKeyLimitInput, KeyLimitRow> = async (
  context,
  input,
) => {
  const problems = new FieldErrors();
  if (
    input.pointsPerHour !== null &&
    (input.pointsPerHour < 1 || input.pointsPerHour > maxPointsPerHour)
  )
    problems.add("pointsPerHour", "validation.outOfRange", { min: 1, max: maxPointsPerHour });
  problems.throwIfAny();
  const key = await context.tx.apiKey.findUnique({
    where: { id: input.apiKeyId },
    select: { id: true },
  });
  if (!key) throw new NotFoundError("ApiKey", input.apiKeyId);
  const before = await context.tx.partnerKeyLimit.findUnique({
    where: { apiKeyId: input.apiKeyId },
  });
  const values = { pointsPerHour: input.pointsPerHour, persistedOnly: input.persistedOnly };
  const row = await context.tx.partnerKeyLimit.upsert({
    where: { apiKeyId: input.apiKeyId },
    create: { apiKeyId: input.apiKeyId, ...values },
    update: values,
  });
  await recordAudit(context, {
    action: before ? "UPDATE" : "CREATE",
    entityType: "PartnerKeyLimit",
    entityId: input.apiKeyId,
    changes: changedFields(before ?? { pointsPerHour: null, persistedOnly: false }, values),
  });
  return row;
};
