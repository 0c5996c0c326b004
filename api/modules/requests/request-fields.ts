// What intake, transitions and request types share about a request's own fields: the limits
// and checks of its texts and amounts, how the audit log records it, and loading it for a
// change (with its type and member, as the caller may see it).
import type { Caller } from "../../auth/caller.js";
import type { Db, Prisma } from "../../db/client.js";
import { type FieldErrors, NotFoundError } from "../../errors.js";
import { visibleRequestsWhere } from "./policy.js";

export type RequestWithContext = Prisma.RequestGetPayload<{
  include: { type: true; member: true };
}>;

const limits = { subject: 200, description: 5000, incomingLetterNumber: 50, answer: 5000 };

export function checkText(
  errors: FieldErrors,
  field: keyof typeof limits,
  value: string | null | undefined,
  required: boolean,
): string | undefined {
  return errors.text(field, value, limits[field], required);
}

export function checkAmount(
  errors: FieldErrors,
  field: "amountRequested" | "amountApproved",
  amount: string | null | undefined,
  involvesMoney: boolean,
) {
  if (amount === undefined || amount === null) return;
  if (!involvesMoney) errors.add(field, "validation.amountNotForType");
  else if (!(Number(amount) > 0)) errors.add(field, "validation.amountPositive");
}

/** A required text: trimmed, and an error when empty. */
export function required(errors: FieldErrors, field: string, value: string | null | undefined) {
  const text = value?.trim() ?? "";
  if (!text) errors.add(field, "validation.required");
  return text;
}

/** The request's fields as the audit log records them. */
export function auditable(request: Record<string, unknown>): Record<string, unknown> {
  const {
    type: _type,
    member: _member,
    createdAt: _c,
    updatedAt: _u,
    version: _v,
    id: _id,
    ...rest
  } = request;
  return rest;
}

/** The request to change, if the caller may see it (NotFoundError otherwise). */
export async function loadRequest(tx: Db, caller: Caller, id: string): Promise<RequestWithContext> {
  const request = await tx.request.findFirst({
    where: { AND: [{ id }, visibleRequestsWhere(caller)] },
    include: { type: true, member: true },
  });
  if (!request) throw new NotFoundError("Request", id);
  return request;
}
