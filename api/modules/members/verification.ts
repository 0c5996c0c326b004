// Membership verification for partner systems (membership:verify): whether a national ID is
// an active member's, and that member's number — nothing else about the member, and nothing at
// all about anyone who is not an active member.
import type { Db } from "../../db/client.js";
import { inputFieldError } from "../../errors.js";
import { toAsciiDigits } from "../../shared/arabic.js";
import { isValidNationalId } from "./rules.js";

export type MembershipVerification = { active: boolean; memberNumber: string | null };

/** The ID in ASCII digits; a malformed one is refused naming the field `nationalId`. */
function checkedNationalId(text: string): string {
  const nationalId = toAsciiDigits(text.trim());
  if (!isValidNationalId(nationalId))
    throw inputFieldError("nationalId", "validation.nationalIdInvalid");
  return nationalId;
}

/** One indexed lookup (the unique national ID); refuses a malformed ID naming the field. */
export async function verifyMembership(
  db: Db,
  nationalIdText: string,
): Promise<MembershipVerification> {
  const member = await db.member.findUnique({
    where: { nationalId: checkedNationalId(nationalIdText) },
    select: { status: true, memberNumber: true },
  });
  return member?.status === "ACTIVE"
    ? { active: true, memberNumber: member.memberNumber }
    : { active: false, memberNumber: null };
}

/** The member a partner submits for, by national ID; null when there is none. */
export async function memberIdByNationalId(db: Db, nationalIdText: string): Promise<string | null> {
  const nationalId = checkedNationalId(nationalIdText);
  const member = await db.member.findUnique({ where: { nationalId }, select: { id: true } });
  return member?.id ?? null;
}
