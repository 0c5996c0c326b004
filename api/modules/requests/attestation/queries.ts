import { builder } from "../../../graphql/builder.js";
import { currentAttestationText } from "./service.js";
import { AttestationTextType } from "./types.js";

builder.queryFields((t) => ({
  attestationText: t.field({
    type: AttestationTextType,
    nullable: true,
    description:
      "The attestation text in force, in Arabic and English; null if none has been adopted. Public: it is the wording an applicant reads before signing.",
    authScopes: { public: true },
    resolve: (_root, _args, context) => currentAttestationText(context.prisma),
  }),
}));
