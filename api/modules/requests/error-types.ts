// The requests module's errors as GraphQL types (see graphql/errors.ts).
import { builder } from "../../graphql/builder.js";
import { errorTypeOptions } from "../../graphql/errors.js";
import { translate } from "../../i18n/messages.js";
import { IncompleteRequestError, type RequestGap } from "./errors.js";

const RequestGapKindEnum = builder.enumType("RequestGapKind", {
  description: "What kind of gap keeps a request from moving on.",
  values: {
    MISSING_FIELD: { description: "A required field of the request or the member is empty." },
    MISSING_DOCUMENT: {
      description: "A required document kind has no pending or accepted document.",
    },
    UNVERIFIED_DOCUMENT: {
      description:
        "A required document is attached but not verified (accepted) yet: an approved request is completed only once all are.",
    },
    UNSIGNED_ATTESTATION: { description: "The applicant has not signed the attestation." },
    STALE_ATTESTATION: {
      description: "The attestation was signed, but the data changed since: sign again.",
    },
    INVALID_MEMBER_DATA: {
      description:
        "The member's data are not valid now (e.g. national ID check digit, membership ended or suspended).",
    },
  } as const,
});

export const RequestGapType = builder.objectRef<RequestGap>("RequestGap").implement({
  description: "One thing a request lacks or has wrong, named.",
  fields: (t) => ({
    kind: t.field({
      type: RequestGapKindEnum,
      description: "Kind of gap.",
      resolve: (g) => g.kind,
    }),
    name: t.string({
      description:
        'What is missing or wrong: a field ("amountRequested", "member.familySize"), a document kind ("FAMILY_CARD"), or "attestation".',
      resolve: (g) => g.name,
    }),
    message: t.string({
      description: "The gap, for people, in the caller's language.",
      resolve: (gap, _args, context) => translate(context.locale, gap.messageKey, gap.params),
    }),
  }),
});

builder.objectType(IncompleteRequestError, {
  name: "IncompleteRequestError",
  ...errorTypeOptions(
    IncompleteRequestError,
    "The request is not complete or not valid (policy step 2): every gap is listed; nothing was written.",
    ["INCOMPLETE_REQUEST"],
  ),
  fields: (t) => ({
    gaps: t.field({
      type: [RequestGapType],
      description: "Every gap, not only the first.",
      resolve: (e) => e.gaps,
    }),
  }),
});
