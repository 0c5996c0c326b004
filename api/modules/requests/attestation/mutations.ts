import { ForbiddenError, NotFoundError, ValidationError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { RequestNode } from "../types.js";
import { signAttestation } from "./service.js";
import "./types.js";

// Only the methods that work today are offered: ELECTRONIC needs member sign-in (a later
// issue); the service already takes it.
const RecordAttestationMethodEnum = builder.enumType("RecordAttestationMethod", {
  description: "How staff may record a signature: IN_PERSON (the applicant signs at the desk).",
  values: {
    IN_PERSON: { description: "The applicant signed in person; the staff member records it." },
  } as const,
});

const RecordAttestationInput = builder.inputType("RecordAttestationInput", {
  description:
    "The applicant's signature on the current attestation text over the request's current data.",
  fields: (t) => ({
    requestId: t.globalID({
      required: true,
      for: RequestNode,
      description: "The request's global ID.",
    }),
    method: t.field({
      type: RecordAttestationMethodEnum,
      required: true,
      description: "How the applicant signed.",
    }),
  }),
});

builder.mutationFields((t) => ({
  recordAttestation: t.field({
    type: RequestNode,
    description:
      "Records that the applicant signed the attestation in person (policy step 4); the signature covers the request's data as they are now.",
    authScopes: { permission: "attestations.record" },
    errors: {
      types: [ValidationError, NotFoundError, ForbiddenError],
      union: { name: "RecordAttestationResult", description: "The request, or why not." },
      result: { name: "RecordAttestationSuccess", description: "The signature was recorded." },
      dataField: { name: "request", description: "The request, with its attestation." },
    },
    args: {
      input: t.arg({
        type: RecordAttestationInput,
        required: true,
        description: "Which request, and how it was signed.",
      }),
    },
    resolve: async (_root, { input }, context) => {
      const attestation = await signAttestation(context.prisma, await context.caller(), {
        requestId: input.requestId.id,
        method: input.method,
      });
      return context.prisma.request.findUniqueOrThrow({ where: { id: attestation.requestId } });
    },
  }),
}));
