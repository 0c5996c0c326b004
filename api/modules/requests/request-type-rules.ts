// Request types' rules as commands and requests use them: the rules a request is held to
// (its snapshot once submitted), and an admin's change to a type's rules. The schema's
// RequestType node and its mutation are request-types.ts.
import type { Prisma } from "../../db/client.js";
import type { CommandContext } from "../../db/commands.js";
import type { DocumentKind, RequestTypeCode } from "../../db/generated/enums.js";
import { FieldErrors, NotFoundError } from "../../errors.js";
import { changedFields, expectVersion, recordAudit, staleWrite } from "../audit/service.js";
import { required } from "./request-fields.js";
import { requirableFields } from "./requirable-fields.js";
import { type RequestRules, rulesOf, snapshotRules } from "./rules.js";

/** The rules a request is held to: its snapshot once submitted, else its type's current rules. */
export function rulesFor(request: {
  rulesSnapshot: Prisma.JsonValue;
  type: RequestRules;
}): RequestRules {
  return snapshotRules(request.rulesSnapshot) ?? rulesOf(request.type);
}

export type UpdateRequestTypeInput = {
  code: RequestTypeCode;
  version: number;
  nameAr?: string | null | undefined;
  nameEn?: string | null | undefined;
  requiredFields?: string[] | null | undefined;
  requiredDocumentKinds?: DocumentKind[] | null | undefined;
  attestationRequired?: boolean | null | undefined;
  committeeDecides?: boolean | null | undefined;
  involvesMoney?: boolean | null | undefined;
  decisionPeriodDays?: number | null | undefined;
  /** The ceiling of an approved amount, in SAR; null removes it. */
  maxAmount?: string | null | undefined;
  active?: boolean | null | undefined;
};

/**
 * Changes a request type's rules. Requests already submitted keep the rules of their
 * submission (their snapshot); drafts and new requests follow the new rules.
 */
export async function updateRequestType(
  context: CommandContext,

  input: UpdateRequestTypeInput,
) {
  const { tx } = context;
  const errors = new FieldErrors();
  const nameAr = input.nameAr === undefined ? undefined : required(errors, "nameAr", input.nameAr);
  const nameEn = input.nameEn === undefined ? undefined : required(errors, "nameEn", input.nameEn);
  const requiredFields = input.requiredFields ?? undefined;
  for (const name of requiredFields ?? []) {
    if (!requirableFields.includes(name))
      errors.add("requiredFields", "validation.unknownRequiredField", { name });
  }
  for (const [field, list] of [
    ["requiredFields", requiredFields],
    ["requiredDocumentKinds", input.requiredDocumentKinds],
  ] as const) {
    const seen = new Set<unknown>();
    for (const name of list ?? []) {
      if (seen.has(name)) errors.add(field, "validation.duplicateValue", { name: String(name) });
      seen.add(name);
    }
  }
  const days = input.decisionPeriodDays;
  if (days != null && (days < 1 || days > 365))
    errors.add("decisionPeriodDays", "validation.outOfRange", { min: 1, max: 365 });
  if (input.maxAmount != null && !(Number(input.maxAmount) > 0))
    errors.add("maxAmount", "validation.amountPositive");
  errors.throwIfAny();

  const before = await tx.requestType.findUnique({ where: { code: input.code } });
  if (!before) throw new NotFoundError("RequestType", input.code);
  await expectVersion(
    context,
    "RequestType",
    { id: input.code, version: before.version },
    input.version,
  );
  const data = {
    nameAr,
    nameEn,
    requiredFields,
    requiredDocumentKinds: input.requiredDocumentKinds ?? undefined,
    attestationRequired: input.attestationRequired ?? undefined,
    committeeDecides: input.committeeDecides ?? undefined,
    involvesMoney: input.involvesMoney ?? undefined,
    decisionPeriodDays: days ?? undefined,
    maxAmount: input.maxAmount,
    active: input.active ?? undefined,
  };
  const written = await tx.requestType.updateMany({
    where: { code: input.code, version: input.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (written.count !== 1)
    throw await staleWrite(context, "RequestType", input.code, input.version);
  const changes = changedFields(before as unknown as Record<string, unknown>, data);
  if (Object.keys(changes).length)
    await recordAudit(context, {
      action: "UPDATE",
      entityType: "RequestType",
      entityId: input.code,
      changes,
    });
  return tx.requestType.findUniqueOrThrow({ where: { code: input.code } });
}
