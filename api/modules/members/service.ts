// Members: the rules for registering and changing a member. Services take a transaction
// client and a caller, never GraphQL; every change writes its audit entry and timeline event
// in the same transaction and announces itself once committed.
import type { Caller } from "../../auth/caller.js";
import type { Db, PrismaClient } from "../../db/client.js";
import { nextSerial } from "../../db/counters.js";
import type {
  Channel,
  EmploymentStatus,
  Gender,
  Language,
  MaritalStatus,
  MembershipStatus,
} from "../../db/generated/enums.js";
import { FieldErrors, NotFoundError, ValidationError } from "../../errors.js";
import type { WaslPubSub } from "../../pubsub.js";
import { changedFields, recordAudit, versionConflict } from "../audit/service.js";
import { recordTimelineEvent } from "../timeline/service.js";
import { formatMemberNumber, memberSearchText } from "./rules.js";
import { type MemberFields, validateMemberFields } from "./validation.js";

export type MemberInput = MemberFields & {
  gender?: Gender | null | undefined;
  preferredChannel?: Channel | null | undefined;
  preferredLanguage?: Language | null | undefined;
  maritalStatus?: MaritalStatus | null | undefined;
  employmentStatus?: EmploymentStatus | null | undefined;
};

export type CreateMemberInput = MemberInput & { consentGiven: boolean };
export type UpdateMemberInput = MemberInput & {
  id: string;
  version: number;
  status?: MembershipStatus | null | undefined;
};

export type Services = { prisma: PrismaClient; pubsub: WaslPubSub };

const duplicateChecks = [
  { field: "nationalId", messageKey: "validation.nationalIdTaken" },
  { field: "mobile", messageKey: "validation.mobileTaken" },
] as const;

/** Refuses a national ID or mobile that another member already has, naming the field. */
async function refuseDuplicates(
  db: Db,
  fields: MemberFields,
  errors: FieldErrors,
  exceptId?: string,
) {
  for (const { field, messageKey } of duplicateChecks) {
    const value = fields[field];
    if (!value || errors.has(field)) continue;
    const other = await db.member.findFirst({
      where: { [field]: value, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
      select: { id: true },
    });
    if (other) errors.add(field, messageKey);
  }
}

/**
 * A unique index can still refuse a value that passed the check above, when two requests
 * race. Turn that into the same field error instead of a masked failure.
 */
function duplicateFromConstraint(error: unknown): ValidationError | null {
  const text =
    JSON.stringify((error as { meta?: unknown })?.meta ?? "") + String((error as Error)?.message);
  if ((error as { code?: string })?.code !== "P2002") return null;
  const errors = new FieldErrors();
  for (const { field, messageKey } of duplicateChecks)
    if (text.includes(field)) errors.add(field, messageKey);
  return errors.list.length ? new ValidationError(errors.list) : null;
}

function householdData(input: MemberInput) {
  return {
    gender: input.gender,
    birthDate: input.birthDate,
    email: input.email,
    district: input.district,
    fullNameEn: input.fullNameEn,
    familySize: input.familySize,
    monthlyIncome: input.monthlyIncome,
    maritalStatus: input.maritalStatus,
    employmentStatus: input.employmentStatus,
    preferredChannel: input.preferredChannel ?? undefined,
    preferredLanguage: input.preferredLanguage ?? undefined,
  };
}

export async function createMember(services: Services, caller: Caller, input: CreateMemberInput) {
  const errors = new FieldErrors();
  const fields = validateMemberFields(input, errors, true);
  if (!input.consentGiven) errors.add("consentGiven", "validation.consentRequired");
  await refuseDuplicates(services.prisma, fields, errors);
  errors.throwIfAny();

  try {
    const member = await services.prisma.$transaction(async (tx) => {
      const memberNumber = formatMemberNumber(await nextSerial(tx, "member", 0));
      const identity = {
        memberNumber,
        nationalId: fields.nationalId!,
        fullNameAr: fields.fullNameAr!,
        mobile: fields.mobile!,
        fullNameEn: fields.fullNameEn ?? null,
      };
      const created = await tx.member.create({
        data: {
          ...householdData({ ...input, ...fields }),
          ...identity,
          city: fields.city!,
          consentGiven: true,
          consentAt: new Date(),
          searchText: memberSearchText(identity),
        },
      });
      await recordAudit(tx, caller, {
        action: "CREATE",
        entityType: "Member",
        entityId: created.id,
        changes: changedFields({}, auditable(created)),
      });
      await recordTimelineEvent(tx, caller, { memberId: created.id, kind: "MEMBER_REGISTERED" });
      return created;
    });
    publishMemberChange(services, caller, member, "CREATED", Object.keys(auditable(member)));
    return member;
  } catch (error) {
    throw duplicateFromConstraint(error) ?? error;
  }
}

export async function updateMember(services: Services, caller: Caller, input: UpdateMemberInput) {
  const errors = new FieldErrors();
  const fields = validateMemberFields(input, errors, false);
  await refuseDuplicates(services.prisma, fields, errors, input.id);
  errors.throwIfAny();

  try {
    const { member, changes } = await services.prisma.$transaction(async (tx) => {
      const before = await tx.member.findUnique({ where: { id: input.id } });
      if (!before) throw new NotFoundError("Member", input.id);
      if (before.version !== input.version)
        throw await versionConflict(
          tx,
          caller,
          { type: "Member", id: before.id },
          input.version,
          before.version,
        );

      const data = {
        ...householdData({ ...input, ...fields }),
        nationalId: fields.nationalId ?? undefined,
        fullNameAr: fields.fullNameAr ?? undefined,
        mobile: fields.mobile ?? undefined,
        city: fields.city ?? undefined,
        status: input.status ?? undefined,
      };
      const changes = changedFields(auditable(before), data);
      // The version in the WHERE makes the check and the write one step: of two updates
      // that read the same version, exactly one matches a row.
      const written = await tx.member.updateMany({
        where: { id: input.id, version: input.version },
        data: {
          ...data,
          searchText: memberSearchText({ ...before, ...definedOnly(data) }),
          version: { increment: 1 },
        },
      });
      if (written.count !== 1)
        throw await versionConflict(
          tx,
          caller,
          { type: "Member", id: before.id },
          input.version,
          null,
        );
      const member = await tx.member.findUniqueOrThrow({ where: { id: input.id } });
      if (Object.keys(changes).length) {
        await recordAudit(tx, caller, {
          action: "UPDATE",
          entityType: "Member",
          entityId: member.id,
          changes,
        });
        await recordTimelineEvent(tx, caller, {
          memberId: member.id,
          kind: "MEMBER_UPDATED",
          data: { fields: Object.keys(changes) },
        });
      }
      return { member, changes };
    });
    publishMemberChange(services, caller, member, "UPDATED", Object.keys(changes));
    return member;
  } catch (error) {
    throw duplicateFromConstraint(error) ?? error;
  }
}

function definedOnly<T extends Record<string, unknown>>(data: T): Partial<T> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The member's fields as the audit log records them (not the derived search text). */
function auditable(member: Record<string, unknown>): Record<string, unknown> {
  const {
    searchText: _searchText,
    createdAt: _c,
    updatedAt: _u,
    version: _v,
    id: _id,
    ...rest
  } = member;
  return rest;
}

function publishMemberChange(
  services: Services,
  caller: Caller,
  member: { id: string; version: number; status: MembershipStatus },
  change: "CREATED" | "UPDATED",
  fields: string[],
) {
  services.pubsub.publish("memberChanged", {
    memberId: member.id,
    change,
    version: member.version,
    status: member.status,
    changedFields: fields,
    actorId: caller.kind === "user" ? caller.id : null,
  });
}
