// Partners and their API keys, changed by admins: register and change a partner, issue,
// rotate and revoke keys. Every change writes its audit entry in the same transaction, and a
// change that narrows what a key may do announces `partnerAccessRevoked` after the commit:
// every instance drops the cached key and closes the sockets that used it.
import type { CommandContext } from "../../db/commands.js";
import type { PartnerScope } from "../../db/generated/enums.js";
import { FieldErrors, NotFoundError } from "../../errors.js";
import { changedFields, expectVersion, recordAudit } from "../audit/service.js";
import type { PartnerConsent } from "../requests/intake.js";
import { mayReadCaseOf } from "../requests/policy.js";
import { lockSharing, recordSharedWith } from "../requests/sharing.js";
import { parseAllowListEntry } from "./ip-allow-list.js";
import type { generateApiKey } from "./keys.js";

export const partnerLimits = { name: 200, contact: 200, label: 100, allowedIps: 50 } as const;
/** A rotation's overlap: from none (the old key ends now) to thirty days. */
export const maxOverlapMinutes = 30 * 24 * 60;

export type PartnerInput = {
  name?: string | null | undefined;
  nameAr?: string | null | undefined;
  contactName?: string | null | undefined;
  contactEmail?: string | null | undefined;
  contactPhone?: string | null | undefined;
};

function checkPartner(input: PartnerInput, creating: boolean) {
  const errors = new FieldErrors();
  const { name: nameMax, contact } = partnerLimits;
  const data = {
    name: errors.text("name", input.name, nameMax, creating || input.name !== undefined),
    nameAr: errors.text("nameAr", input.nameAr, nameMax, creating || input.nameAr !== undefined),
    contactName: errors.text("contactName", input.contactName, contact),
    contactEmail: errors.text(
      "contactEmail",
      input.contactEmail,
      contact,
      creating || input.contactEmail !== undefined,
    ),
    contactPhone: errors.text("contactPhone", input.contactPhone, contact),
  };
  if (data.contactEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(data.contactEmail))
    errors.add("contactEmail", "validation.emailInvalid");
  errors.throwIfAny();
  return { ...data, contactPhone: data.contactPhone === "" ? null : data.contactPhone };
}

export async function registerPartner(context: CommandContext, input: PartnerInput) {
  const { tx } = context;
  const data = checkPartner(input, true);
  const partner = await tx.partner.create({
    data: {
      name: data.name ?? "",
      nameAr: data.nameAr ?? "",
      contactName: data.contactName ?? "",
      contactEmail: data.contactEmail ?? "",
      contactPhone: data.contactPhone ?? null,
    },
  });
  await recordAudit(context, {
    action: "CREATE",
    entityType: "Partner",
    entityId: partner.id,
    changes: changedFields({}, data),
  });
  return partner;
}

export type ChangePartnerInput = PartnerInput & {
  id: string;
  version: number;
  active?: boolean | null | undefined;
};

/** Changes a partner; deactivating it refuses all its keys at once, on every instance. */
export async function changePartner(context: CommandContext, input: ChangePartnerInput) {
  const { tx } = context;
  const before = await tx.partner.findUnique({ where: { id: input.id } });
  if (!before) throw new NotFoundError("Partner", input.id);
  await expectVersion(context, "Partner", before, input.version);
  const data = { ...checkPartner(input, false), active: input.active ?? undefined };
  const changes = changedFields(before, data);
  const partner = await tx.partner.update({
    where: { id: before.id },
    data: { ...data, version: { increment: 1 } },
  });
  if (Object.keys(changes).length)
    await recordAudit(context, {
      action: "UPDATE",
      entityType: "Partner",
      entityId: partner.id,
      changes,
    });
  // The partner's name is in its callers; its state decides whether any key holds.
  context.emit("partnerAccessRevoked", { partnerId: partner.id });
  return partner;
}

export type IssueApiKeyInput = {
  partnerId: string;
  label: string;
  scopes: PartnerScope[];
  expiresAt?: Date | null | undefined;
  allowedIps?: string[] | null | undefined;
  /** Generated before the transaction: the key is answered once and never stored. */
  generated: ReturnType<typeof generateApiKey>;
};

function checkKey(
  context: CommandContext,
  input: Pick<IssueApiKeyInput, "label" | "scopes" | "expiresAt" | "allowedIps">,
) {
  const errors = new FieldErrors();
  const label = errors.text("label", input.label, partnerLimits.label, true);
  if (!input.scopes.length) errors.add("scopes", "partners.scopesRequired");
  if (input.expiresAt && input.expiresAt <= context.now)
    errors.add("expiresAt", "partners.expiryPast");
  const allowedIps = (input.allowedIps ?? []).map((entry) => entry.trim()).filter(Boolean);
  if (allowedIps.length > partnerLimits.allowedIps)
    errors.add("allowedIps", "partners.tooManyAddresses", { max: partnerLimits.allowedIps });
  const invalid = allowedIps.find((entry) => !parseAllowListEntry(entry));
  if (invalid) errors.add("allowedIps", "partners.addressInvalid", { value: invalid });
  errors.throwIfAny();
  return { label: label ?? "", scopes: [...new Set(input.scopes)], allowedIps };
}

/** What the audit log keeps of a key: never its hash, never the key. */
function keyFacts(key: {
  label: string;
  prefix: string;
  scopes: PartnerScope[];
  expiresAt: Date | null;
  allowedIps: string[];
}) {
  const { label, prefix, scopes, expiresAt, allowedIps } = key;
  return { label, prefix, scopes, expiresAt, allowedIps };
}

export async function issueApiKey(context: CommandContext, input: IssueApiKeyInput) {
  const { tx, caller } = context;
  const partner = await tx.partner.findUnique({ where: { id: input.partnerId } });
  if (!partner) throw new NotFoundError("Partner", input.partnerId);
  const checked = checkKey(context, input);
  const apiKey = await tx.apiKey.create({
    data: {
      ...checked,
      partnerId: partner.id,
      prefix: input.generated.prefix,
      keyHash: input.generated.keyHash,
      expiresAt: input.expiresAt ?? null,
      createdById: caller.kind === "user" ? caller.id : null,
      createdAt: context.now,
    },
  });
  await recordAudit(context, {
    action: "CREATE",
    entityType: "ApiKey",
    entityId: apiKey.id,
    changes: changedFields({}, { partner: partner.name, ...keyFacts(apiKey) }),
  });
  return { key: input.generated.key, apiKey };
}

/**
 * The key to change: it exists and is neither revoked nor expired; to rotate it, it must not
 * have been rotated already (a key in its overlap can still be revoked).
 */
async function activeKey(context: CommandContext, id: string, rotating: boolean) {
  const key = await context.tx.apiKey.findUnique({
    where: { id },
    include: { rotatedTo: { select: { id: true } } },
  });
  if (!key) throw new NotFoundError("ApiKey", id);
  const errors = new FieldErrors();
  const ended = key.revokedAt || (key.expiresAt && key.expiresAt <= context.now);
  if (ended || (rotating && key.rotatedTo)) errors.add("apiKey", "partners.keyNotActive");
  errors.throwIfAny();
  return key;
}

export type RotateApiKeyInput = {
  id: string;
  overlapMinutes: number;
  generated: ReturnType<typeof generateApiKey>;
};

/**
 * A new key with the old one's label, scopes, expiry and allow-list; the old key stays valid
 * for the overlap (none: it ends now), then is refused — so a partner deploys the new key
 * without an outage.
 */
export async function rotateApiKey(context: CommandContext, input: RotateApiKeyInput) {
  const { tx, caller, now } = context;
  const errors = new FieldErrors();
  if (
    !Number.isInteger(input.overlapMinutes) ||
    input.overlapMinutes < 0 ||
    input.overlapMinutes > maxOverlapMinutes
  )
    errors.add("overlapMinutes", "validation.outOfRange", { min: 0, max: maxOverlapMinutes });
  errors.throwIfAny();
  const old = await activeKey(context, input.id, true);
  const overlapEnds = new Date(now.getTime() + input.overlapMinutes * 60_000);
  const oldEnds = old.expiresAt && old.expiresAt < overlapEnds ? old.expiresAt : overlapEnds;
  const apiKey = await tx.apiKey.create({
    data: {
      partnerId: old.partnerId,
      label: old.label,
      scopes: old.scopes,
      allowedIps: old.allowedIps,
      expiresAt: old.expiresAt,
      prefix: input.generated.prefix,
      keyHash: input.generated.keyHash,
      rotatedFromId: old.id,
      createdById: caller.kind === "user" ? caller.id : null,
      createdAt: now,
    },
  });
  await tx.apiKey.update({
    where: { id: old.id },
    data: { expiresAt: oldEnds, version: { increment: 1 } },
  });
  await recordAudit(
    { tx, caller, now },
    {
      action: "UPDATE",
      entityType: "ApiKey",
      entityId: old.id,
      changes: changedFields<{ expiresAt: Date | null; rotatedTo: string | null }>(
        { expiresAt: old.expiresAt, rotatedTo: null },
        { expiresAt: oldEnds, rotatedTo: apiKey.prefix },
      ),
    },
  );
  await recordAudit(
    { tx, caller, now },
    {
      action: "CREATE",
      entityType: "ApiKey",
      entityId: apiKey.id,
      changes: changedFields({}, { ...keyFacts(apiKey), rotatedFrom: old.prefix }),
    },
  );
  context.emit("partnerAccessRevoked", { partnerId: old.partnerId, apiKeyId: old.id });
  return { key: input.generated.key, apiKey };
}

/** Ends a key now: every instance refuses it and closes its open sockets at once. */
export async function revokeApiKey(context: CommandContext, input: { id: string }) {
  const { tx, caller, now } = context;
  const before = await activeKey(context, input.id, false);
  const apiKey = await tx.apiKey.update({
    where: { id: before.id },
    data: { revokedAt: now, version: { increment: 1 } },
  });
  await recordAudit(
    { tx, caller, now },
    {
      action: "UPDATE",
      entityType: "ApiKey",
      entityId: apiKey.id,
      changes: changedFields<{ revokedAt: Date | null }>({ revokedAt: null }, { revokedAt: now }),
    },
  );
  context.emit("partnerAccessRevoked", { partnerId: apiKey.partnerId, apiKeyId: apiKey.id });
  return apiKey;
}

/** A partner's clock may run a little ahead of ours: consent "now" there is not refused. */
const clockSkewMs = 5 * 60_000;

/** The member's consent checked: who (required), how, and when (not in the future). */
export function checkConsent(errors: FieldErrors, consent: PartnerConsent, now: Date) {
  const givenBy = errors.text("givenBy", consent.givenBy, partnerLimits.contact, true) ?? "";
  if (consent.givenAt.getTime() > now.getTime() + clockSkewMs)
    errors.add("givenAt", "partners.consentInFuture");
  return { ...consent, givenBy };
}

export type ShareRequestInput = { requestId: string; partnerId: string; consent: PartnerConsent };

/**
 * Records the member's consent that a partner follows one of their requests (its status and
 * dates with requests:read, its changes on the partner's webhooks and `requestChanged`).
 * Staff record it on a request they reach; once per partner, never with the partner that
 * submitted it (it follows it already) nor with a deactivated one.
 */
export async function shareRequestWithPartner(context: CommandContext, input: ShareRequestInput) {
  const { tx, caller, now } = context;
  if (!(await mayReadCaseOf(tx, caller, input.requestId)))
    throw new NotFoundError("Request", input.requestId);
  const partner = await tx.partner.findUnique({ where: { id: input.partnerId } });
  if (!partner) throw new NotFoundError("Partner", input.partnerId);
  const errors = new FieldErrors();
  const consent = checkConsent(errors, input.consent, now);
  const request = await lockSharing(context, input.requestId);
  if (!request) throw new NotFoundError("Request", input.requestId);
  if (request.sharedWithPartnerIds.includes(partner.id))
    errors.add("partner", "partners.alreadyShared");
  else if (request.partnerId === partner.id) errors.add("partner", "partners.submittedByPartner");
  else if (!partner.active) errors.add("partner", "partners.partnerInactive");
  errors.throwIfAny();
  await tx.requestPartnerShare.create({
    data: {
      requestId: input.requestId,
      partnerId: partner.id,
      consentGivenBy: consent.givenBy,
      consentMethod: consent.method,
      consentGivenAt: consent.givenAt,
      recordedById: caller.kind === "user" ? caller.id : null,
      createdAt: now,
    },
  });
  await recordSharedWith(context, input.requestId, [...request.sharedWithPartnerIds, partner.id]);
  await recordAudit(context, {
    action: "CREATE",
    entityType: "RequestPartnerShare",
    entityId: input.requestId,
    requestId: input.requestId,
    changes: changedFields({}, { partner: partner.name, ...consent }),
  });
  return { requestId: input.requestId, partnerId: partner.id };
}

export type RevokeShareInput = { requestId: string; partnerId: string };

/**
 * The member withdrew their consent: the partner no longer reads the request, and from this
 * commit on no change of it reaches the partner's webhooks or subscriptions; deliveries queued
 * for it and not yet sent are cancelled. The share's row goes; its audit entry keeps the
 * consent that ended.
 */
export async function revokeRequestPartnerShare(context: CommandContext, input: RevokeShareInput) {
  const { tx, caller } = context;
  const where = { requestId_partnerId: { requestId: input.requestId, partnerId: input.partnerId } };
  const share = (await mayReadCaseOf(tx, caller, input.requestId))
    ? await tx.requestPartnerShare.findUnique({ where, include: { partner: true } })
    : null;
  if (!share) throw new NotFoundError("RequestPartnerShare", input.requestId);
  // The share exists, so does its request.
  const ids = (await lockSharing(context, share.requestId))?.sharedWithPartnerIds ?? [];
  await tx.requestPartnerShare.delete({ where });
  await recordSharedWith(
    context,
    share.requestId,
    ids.filter((id) => id !== share.partnerId),
  );
  await tx.notification.updateMany({
    where: {
      status: "PENDING",
      webhookDelivery: { requestId: share.requestId, partnerId: share.partnerId },
    },
    data: { status: "CANCELLED", version: { increment: 1 } },
  });
  const consent: Record<string, string | Date | null> = {
    partner: share.partner.name,
    givenBy: share.consentGivenBy,
    method: share.consentMethod,
    givenAt: share.consentGivenAt,
  };
  const ended = Object.fromEntries(Object.keys(consent).map((field) => [field, null]));
  await recordAudit(context, {
    action: "DELETE",
    entityType: "RequestPartnerShare",
    entityId: share.requestId,
    requestId: share.requestId,
    changes: changedFields(consent, ended),
  });
  return share;
}
