import { anonymous } from "../../../auth/caller.js";
import { run } from "../../../db/commands.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { RequestNode } from "../types.js";
import { attestationLinkDays, sendAttestationLink, signAttestationByLink } from "./links.js";
import { signAttestation } from "./service.js";
import "./types.js";

// Staff record only what happened at the desk: an ELECTRONIC signature is the member's own,
// through sendAttestationLink and signAttestationByLink.
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
    request: t.globalID({
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
      const attestation = await run(context, await context.caller(), signAttestation, {
        requestId: input.request.id,
        method: input.method,
      });
      return context.prisma.request.findUniqueOrThrow({ where: { id: attestation.requestId } });
    },
  }),
}));

const AttestationLinkSentType = builder
  .objectRef<{ expiresAt: Date; messagesQueued: number }>("AttestationLinkSent")
  .implement({
    description: "A signing link sent to the member.",
    fields: (t) => ({
      expiresAt: t.expose("expiresAt", {
        type: "DateTime",
        description: "Until when the link works (once).",
      }),
      messagesQueued: t.exposeInt("messagesQueued", {
        description: "Messages queued to the member: SMS, and e-mail when an address is known.",
      }),
    }),
  });

const SignedByLinkType = builder
  .objectRef<{ signedAt: Date }>("AttestationSignedByLink")
  .implement({
    description: "The member's electronic signature, as recorded.",
    fields: (t) => ({
      signedAt: t.expose("signedAt", { type: "DateTime", description: "When it was signed." }),
    }),
  });

builder.mutationFields((t) => ({
  sendAttestationLink: t.field({
    type: AttestationLinkSentType,
    description: `Sends the member a single-use link (SMS, and e-mail when known) to read and sign the request's attestation electronically; it works for ${attestationLinkDays} days, and earlier unused links of the request stop working.`,
    authScopes: { permission: "attestations.record" },
    errors: {
      types: [ValidationError, NotFoundError, ForbiddenError],
      union: { name: "SendAttestationLinkResult", description: "The link sent, or why not." },
      result: { name: "SendAttestationLinkSuccess", description: "The link was sent." },
      dataField: { name: "link", description: "When it expires and what was queued." },
    },
    args: {
      input: t.arg({
        type: builder.inputType("SendAttestationLinkInput", {
          description: "The request whose attestation the member should sign.",
          fields: (f) => ({
            request: f.globalID({
              required: true,
              for: RequestNode,
              description: "The request's global ID.",
            }),
          }),
        }),
        required: true,
        description: "Which request.",
      }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), sendAttestationLink, {
        requestId: input.request.id,
        publicUrl: context.config.publicUrl,
      }),
  }),
  signAttestationByLink: t.field({
    type: SignedByLinkType,
    description:
      "The member signs the attestation from their link (public: the link is the proof). dataHash must be the one read with attestationLink: if the data changed since, nothing is signed.",
    authScopes: { public: true },
    errors: {
      types: [ValidationError, NotFoundError],
      union: { name: "SignAttestationByLinkResult", description: "The signature, or why not." },
      result: { name: "SignAttestationByLinkSuccess", description: "Signed." },
      dataField: { name: "attestation", description: "The signature as recorded." },
    },
    args: {
      input: t.arg({
        type: builder.inputType("SignAttestationByLinkInput", {
          description: "The link's token and the data the member read.",
          fields: (f) => ({
            token: f.string({ required: true, description: "The token from the link." }),
            dataHash: f.string({
              required: true,
              description: "The dataHash attestationLink returned with the data shown.",
            }),
          }),
        }),
        required: true,
        description: "What the member signs.",
      }),
    },
    resolve: (_root, { input }, context) => run(context, anonymous, signAttestationByLink, input),
  }),
}));
