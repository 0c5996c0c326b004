// The attestation as GraphQL shows it: the current text, and on each request the state of
// its signature (signed, missing, or stale because the data changed since).
import type { Db } from "../../../db/client.js";
import { AttestationMethod, type RequestTypeCode } from "../../../db/generated/enums.js";
import { builder } from "../../../graphql/builder.js";
import { describedEnum } from "../../../graphql/enums.js";
import { RequestNode } from "../types.js";
import {
  type AttestationState,
  currentAttestationText,
  latestAttestation,
  requestDataHash,
} from "./service.js";

export const AttestationMethodEnum = describedEnum(
  AttestationMethod,
  "AttestationMethod",
  "How the applicant signed: IN_PERSON at the desk (recorded by staff) or ELECTRONIC from the website.",
  {
    IN_PERSON: "Signed at the desk; recorded by a staff member.",
    ELECTRONIC: "Signed by the member from a single-use link.",
  },
);

export const AttestationStatusEnum = builder.enumType("AttestationStatus", {
  description: "Whether a request's data are covered by the applicant's signature.",
  values: {
    SIGNED: { description: "Signed, and the data have not changed since." },
    MISSING: { description: "Not signed yet." },
    STALE: { description: "Signed, but the data changed since: it must be signed again." },
  } as const,
});

type TextRow = { textVersion: number; textAr: string; textEn: string; effectiveFrom: Date };

export const AttestationTextType = builder.objectRef<TextRow>("AttestationText").implement({
  description: "A version of the attestation's wording (نص الإقرار), in Arabic and English.",
  fields: (t) => ({
    version: t.exposeInt("textVersion", { description: "Text version; signatures name it." }),
    textAr: t.exposeString("textAr", { description: "The declaration in Arabic." }),
    textEn: t.exposeString("textEn", { description: "The declaration in English." }),
    effectiveFrom: t.field({
      type: "DateTime",
      description: "From when this version is the one signed.",
      resolve: (text) => text.effectiveFrom,
    }),
  }),
});

type AttestationView = {
  status: AttestationState;
  required: boolean;
  text: TextRow | null;
  signedAt: Date | null;
  method: AttestationMethod | null;
  recordedByName: string | null;
};

const RequestAttestationType = builder.objectRef<AttestationView>("RequestAttestation").implement({
  description:
    "The applicant's attestation on a request (policy step 4): its state and, once signed, who signed how and when.",
  fields: (t) => ({
    status: t.field({
      type: AttestationStatusEnum,
      description: "SIGNED, MISSING, or STALE when the data changed after signing.",
      resolve: (a) => a.status,
    }),
    required: t.exposeBoolean("required", {
      description: "Whether the request's type requires an attestation before submission.",
    }),
    version: t.int({
      nullable: true,
      description:
        "Version of the text signed; when not signed, of the text that would be signed now.",
      resolve: (a) => a.text?.textVersion ?? null,
    }),
    text: t.string({
      nullable: true,
      description: "That text, in the caller's language.",
      resolve: (a, _args, context) =>
        a.text ? (context.locale === "en" ? a.text.textEn : a.text.textAr) : null,
    }),
    signedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When the applicant signed (the latest signature).",
      resolve: (a) => a.signedAt,
    }),
    method: t.field({
      type: AttestationMethodEnum,
      nullable: true,
      description: "How the applicant signed.",
      resolve: (a) => a.method,
    }),
    stale: t.boolean({
      description: "True when the data changed after signing: a new signature is needed.",
      resolve: (a) => a.status === "STALE",
    }),
    recordedByName: t.string({
      nullable: true,
      description: "The staff member who recorded an in-person signature.",
      resolve: (a) => a.recordedByName,
    }),
  }),
});

/** The attestation state of one request, for display. */
async function attestationView(
  db: Db,
  request: { id: string; typeCode: RequestTypeCode },
): Promise<AttestationView> {
  const [latest, type] = await Promise.all([
    latestAttestation(db, request.id),
    db.requestType.findUnique({
      where: { code: request.typeCode },
      select: { attestationRequired: true },
    }),
  ]);
  const required = type?.attestationRequired ?? false;
  if (!latest) {
    return {
      status: "MISSING",
      required,
      text: await currentAttestationText(db),
      signedAt: null,
      method: null,
      recordedByName: null,
    };
  }
  const recordedBy = latest.recordedById
    ? await db.user.findUnique({ where: { id: latest.recordedById }, select: { fullName: true } })
    : null;
  const stale = !!latest.staleAt || (await requestDataHash(db, request.id)) !== latest.dataHash;
  return {
    status: stale ? "STALE" : "SIGNED",
    required,
    text: latest.text,
    signedAt: latest.signedAt,
    method: latest.method,
    recordedByName: recordedBy?.fullName ?? null,
  };
}

builder.prismaObjectField(RequestNode, "attestation", (t) =>
  t.field({
    type: RequestAttestationType,
    description:
      "The applicant's attestation that the data are correct: signed, missing, or stale after a change.",
    select: { typeCode: true },
    resolve: (request, _args, context) => attestationView(context.prisma, request),
  }),
);
