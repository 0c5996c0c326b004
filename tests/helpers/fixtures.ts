// Named records built from typed Prisma create arguments, seeded per test file.
import { hashPassword } from "../../api/auth/passwords.js";
import type { Db, Prisma } from "../../api/db/client.js";
import type { PartnerScope, Role } from "../../api/db/generated/enums.js";
import {
  formatMemberNumber,
  memberSearchText,
  withCheckDigit,
} from "../../api/modules/members/rules.js";
import { generateApiKey } from "../../api/modules/partners/keys.js";
import { notificationTemplates } from "../../prisma/seed/content.js";
import { requestTypeCatalogue } from "../../prisma/seed/request-types.js";
import type { Json, TestApp } from "./app.js";
import { gid } from "./ids.js";

export const password = "Correct-Horse-9";
let passwordHash: Promise<string> | undefined;

export async function createStaffUser(
  db: Db,
  email: string,
  roles: Role[],
  extra: Partial<Prisma.UserCreateInput> = {},
) {
  passwordHash ??= hashPassword(password);
  return db.user.create({
    data: {
      email,
      fullName: `موظف ${email.split("@")[0]}`,
      passwordHash: await passwordHash,
      roles,
      ...extra,
    },
  });
}

/**
 * What the association configures before its first request, as the seed has it: every request
 * type; with `templates`, the notification templates; with `attestation`, attestation text v1
 * (a short one, in force since 2020: a test's clock may stand in the past).
 */
export async function seedReferenceData(
  db: Db,
  { templates = false, attestation = false }: { templates?: boolean; attestation?: boolean } = {},
) {
  await db.requestType.createMany({
    data: requestTypeCatalogue.map((type) => ({ ...type })),
    skipDuplicates: true,
  });
  if (templates) await db.notificationTemplate.createMany({ data: notificationTemplates() });
  if (attestation)
    await db.attestationText.create({
      data: {
        textVersion: 1,
        textAr: "أقر بصحة البيانات",
        textEn: "I attest the data are true",
        effectiveFrom: new Date("2020-01-01"),
      },
    });
}

let serial = 0;

/** A valid member; override any field. National ID and mobile are unique per call. */
export async function createMemberRecord(
  db: Db,
  overrides: Partial<Prisma.MemberCreateInput> = {},
) {
  serial += 1;
  const identity = {
    memberNumber: formatMemberNumber(900_000 + serial),
    nationalId: withCheckDigit(`1${String(10_000_000 + serial * 7919).padStart(8, "0")}`),
    fullNameAr: "سارة علي الحربي",
    mobile: `+9665${String(10_000_000 + serial * 104_729).slice(-8)}`,
    fullNameEn: null as string | null,
    ...overrides,
  } as {
    memberNumber: string;
    nationalId: string;
    fullNameAr: string;
    mobile: string;
    fullNameEn: string | null;
  };
  return db.member.create({
    data: {
      city: "الرياض",
      consentGiven: true,
      consentAt: new Date(),
      ...overrides,
      ...identity,
      searchText: memberSearchText(identity),
    },
  });
}

/** A partner with one API key of these scopes: the stored partner and the key it sends. */
export async function createPartnerWithKey(db: Db, scopes: PartnerScope[], label = "test") {
  const key = generateApiKey();
  const partner = await db.partner.create({
    data: {
      name: "Partner",
      nameAr: "جهة شريكة",
      contactEmail: "api@partner.sa",
      apiKeys: { create: { label, prefix: key.prefix, keyHash: key.keyHash, scopes } },
    },
  });
  return { partner, key: key.key };
}

/** A valid createMember input, the same member each call; a test overrides what it varies. */
export function memberInput(overrides: Record<string, unknown> = {}) {
  return {
    nationalId: withCheckDigit("108765432"),
    fullNameAr: "إبراهيم عبدالعزيز الدوسري",
    mobile: "0551112233",
    city: "الدمام",
    consentGiven: true,
    ...overrides,
  };
}

/**
 * What recordDecision needs besides the decision: a committee meeting held outside Wasl,
 * its date and counts. A tie carries either decision (the chair's casting vote).
 */
export const outsideMeeting = {
  meetingDate: "2026-01-15",
  votesFor: 2,
  votesAgainst: 2,
  abstentions: 1,
} as const;

/**
 * An inquiry taken in by phone through the API, as staff do (submitted at intake, so it has
 * its reference and due date); the test stops with the API's answer if it was refused.
 */
export async function takeInInquiry(
  t: TestApp,
  token: string,
  memberId: string,
  fields: { subject?: string; description?: string } = {},
): Promise<{ id: string; version: number; reference: string; decisionDueAt: string }> {
  const created = await t.gql<Json>(
    `mutation($input: CreateRequestInput!) { createRequest(input: $input) {
      ... on CreateRequestSuccess { request { id version reference decisionDueAt } }
      ... on Error { code message } } }`,
    {
      input: {
        member: gid("Member", memberId),
        type: "INQUIRY",
        channel: "PHONE",
        subject: "س",
        ...fields,
      },
    },
    { token },
  );
  const request = created.data?.createRequest?.request;
  if (!request) throw new Error(`the inquiry was refused: ${JSON.stringify(created)}`);
  return request;
}
