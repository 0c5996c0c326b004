// Completeness (policy step 2): every gap that keeps a request from moving on — a required
// field, an invalid member, a document missing, an attestation unsigned or stale — listed at
// once, so the member is asked for everything in one go.
import type { Db, Prisma } from "../../db/client.js";
import type { Member } from "../../db/generated/client.js";
import type { RequestTypeCode } from "../../db/generated/enums.js";
import { attestationStatus } from "./attestation/service.js";
import { missingDocumentKinds } from "./documents/service.js";
import type { RequestGap } from "./errors.js";
import {
  memberValidityGaps,
  missingFieldGaps,
  type RequestRules,
  validateMemberChanges,
} from "./rules.js";

/** Every gap that keeps the request from moving on, against the given rules (policy step 2). */
export async function findGaps(
  db: Db,
  request: {
    id: string;
    typeCode: RequestTypeCode;
    subject: string;
    description: string;
    details: Prisma.JsonValue;
    amountRequested: Prisma.Decimal | null;
    incomingLetterNumber: string | null;
    member: Member;
  },
  rules: RequestRules,
): Promise<RequestGap[]> {
  const gaps = [
    ...missingFieldGaps(rules, request.typeCode, request, request.member),
    ...memberValidityGaps(rules, request.typeCode, request.member),
  ];
  if (request.typeCode === "DATA_UPDATE") {
    const changes = validateMemberChanges(request.details);
    gaps.push(...changes.gaps, ...(await duplicateGaps(db, request.member.id, changes.data)));
  }
  if (rules.requiredDocumentKinds.length) {
    for (const kind of await missingDocumentKinds(db, request.id, rules.requiredDocumentKinds)) {
      gaps.push({
        kind: "MISSING_DOCUMENT",
        name: kind,
        messageKey: "requests.gap.missingDocument",
        params: { field: `document.${kind}` },
      });
    }
  }
  if (rules.attestationRequired) {
    const status = await attestationStatus(db, request.id);
    if (status === "MISSING")
      gaps.push({
        kind: "UNSIGNED_ATTESTATION",
        name: "attestation",
        messageKey: "requests.gap.unsignedAttestation",
      });
    if (status === "STALE")
      gaps.push({
        kind: "STALE_ATTESTATION",
        name: "attestation",
        messageKey: "requests.gap.staleAttestation",
      });
  }
  return gaps;
}

/** A data update may not give the member a national ID or mobile another member has. */
export async function duplicateGaps(
  db: Db,
  memberId: string,
  data: Record<string, unknown>,
): Promise<RequestGap[]> {
  const gaps: RequestGap[] = [];
  if (typeof data.mobile === "string") {
    const other = await db.member.findFirst({
      where: { mobile: data.mobile, NOT: { id: memberId } },
      select: { id: true },
    });
    if (other)
      gaps.push({
        kind: "INVALID_MEMBER_DATA",
        name: "details.changes.mobile",
        messageKey: "validation.mobileTaken",
        params: { field: "mobile" },
      });
  }
  return gaps;
}
