// Members: the rules for registering and changing a member. Commands run in the caller's
// transaction (api/db/commands.ts), never GraphQL; every change writes its audit entry and
// timeline event in the same transaction and announces itself once committed.
// `changeMember` is the one way a member's data change — staff's edit and a request's
// decision (an approved registration, a data update) alike.

import type { Db, Prisma } from "../../db/client.js";
import type { CommandContext } from "../../db/commands.js";
import { nextSerial } from "../../db/counters.js";
import type { Member } from "../../db/generated/client.js";
import type {
  Channel,
  EmploymentStatus,
  Gender,
  Language,
  MaritalStatus,
  MembershipStatus,
} from "../../db/generated/enums.js";
import { FieldErrors, NotFoundError, ValidationError } from "../../errors.js";
import { changedFields, expectVersion, recordAudit, staleWrite } from "../audit/service.js";
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

export async function createMember(context: CommandContext, input: CreateMemberInput) {
  const { tx, caller, now } = context;
  const errors = new FieldErrors();
  const fields = validateMemberFields(input, errors, true);
  if (!input.consentGiven) errors.add("consentGiven", "validation.consentRequired");
  await refuseDuplicates(tx, fields, errors);
  errors.throwIfAny();

  const memberNumber = formatMemberNumber(await nextSerial(tx, "member", 0));
  const identity = {
    memberNumber,
    nationalId: fields.nationalId!,
    fullNameAr: fields.fullNameAr!,
    mobile: fields.mobile!,
    fullNameEn: fields.fullNameEn ?? null,
  };
  const created = await tx.member
    .create({
      data: {
        ...householdData({ ...input, ...fields }),
        ...identity,
        city: fields.city!,
        consentGiven: true,
        consentAt: now,
        searchText: memberSearchText(identity),
        createdAt: now,
        updatedAt: now,
      },
    })
    .catch(rethrowDuplicate);
  await recordAudit(
    { tx, caller, now },
    {
      action: "CREATE",
      entityType: "Member",
      entityId: created.id,
      changes: changedFields({}, auditable(created)),
    },
  );
  await recordTimelineEvent(
    { tx, caller, now },
    { memberId: created.id, kind: "MEMBER_REGISTERED" },
  );
  emitMemberChanged(context, created, "CREATED", Object.keys(auditable(created)));
  return created;
}

/** Staff's edit of a member, against the version they read. */
export async function updateMember(context: CommandContext, input: UpdateMemberInput) {
  const { tx } = context;
  const errors = new FieldErrors();
  const fields = validateMemberFields(input, errors, false);
  await refuseDuplicates(tx, fields, errors, input.id);
  errors.throwIfAny();

  const before = await tx.member.findUnique({ where: { id: input.id } });
  if (!before) throw new NotFoundError("Member", input.id);
  await expectVersion(context, "Member", before, input.version);
  const changed = await changeMember(context, {
    before,
    data: {
      ...householdData({ ...input, ...fields }),
      nationalId: fields.nationalId ?? undefined,
      fullNameAr: fields.fullNameAr ?? undefined,
      mobile: fields.mobile ?? undefined,
      city: fields.city ?? undefined,
      status: input.status ?? undefined,
    },
  });
  // Staff's edit is written even when nothing differs: never null here.
  return changed!.member;
}

/** Values for a member's own fields (undefined leaves one as it is). */
export type MemberChangeData = Omit<
  Prisma.MemberUncheckedUpdateManyInput,
  "id" | "version" | "searchText" | "memberNumber" | "createdAt" | "updatedAt"
>;

export type MemberChange = {
  /** The member as read in this transaction; its version guards the write. */
  before: Member;
  data: MemberChangeData;
  /**
   * The request whose decision changes the member: the audit entry and the timeline event
   * name it, and a change that alters nothing writes nothing. Without it (staff's edit), the
   * save is written and versioned even when nothing differs.
   */
  onBehalfOf?: { id: string; reference: string | null };
};

/**
 * Writes a change to a member in the caller's transaction: the row (its search text and
 * version with it), the audit entry, the timeline event and, after the commit,
 * `memberChanged`. Returns null when a request's change alters nothing.
 */
export async function changeMember(
  context: CommandContext,
  { before, data, onBehalfOf }: MemberChange,
): Promise<{ member: Member; changedFields: string[] } | null> {
  const { tx } = context;
  const changes = changedFields(auditable(before), data);
  const fields = Object.keys(changes);
  if (onBehalfOf && !fields.length) return null;
  // The version in the WHERE makes the check and the write one step: of two changes that
  // read the same version, exactly one matches a row.
  const [member] = await tx.member
    .updateManyAndReturn({
      where: { id: before.id, version: before.version },
      data: {
        ...data,
        searchText: memberSearchText({ ...before, ...(definedOnly(data) as Partial<Member>) }),
        version: { increment: 1 },
        updatedAt: context.now,
      },
    })
    .catch(rethrowDuplicate);
  if (!member) throw await staleWrite(context, "Member", before.id, before.version);
  if (fields.length) {
    await recordAudit(context, {
      action: "UPDATE",
      entityType: "Member",
      entityId: member.id,
      requestId: onBehalfOf?.id,
      changes,
    });
    await recordTimelineEvent(context, {
      memberId: member.id,
      requestId: onBehalfOf?.id,
      kind: "MEMBER_UPDATED",
      data: { fields, ...(onBehalfOf ? { reference: onBehalfOf.reference } : {}) },
    });
  }
  emitMemberChanged(context, member, "UPDATED", fields);
  return { member, changedFields: fields };
}

/** A unique index refusing a national ID or mobile, as the same field error the check gives. */
function rethrowDuplicate(error: unknown): never {
  throw duplicateFromConstraint(error) ?? error;
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

function emitMemberChanged(
  { caller, emit, now }: CommandContext,
  member: { id: string; version: number; status: MembershipStatus },
  change: "CREATED" | "UPDATED",
  fields: string[],
) {
  emit("memberChanged", {
    memberId: member.id,
    change,
    version: member.version,
    status: member.status,
    changedFields: fields,
    actorId: caller.kind === "user" ? caller.id : null,
    at: now.toISOString(),
  });
}
