// The request types screen in English; request-types.ar.ts has exactly the same keys.
export const requestTypesEn = {
  name: "Request type |||| Request types",
  fields: {
    code: "Code",
    nameAr: "Name in Arabic",
    nameEn: "Name in English",
    committeeDecides: "Decided by the committee",
    attestationRequired: "Attestation required",
    involvesMoney: "Involves money",
    decisionPeriodDays: "Decision period (days)",
    maxAmount: "Ceiling of the approved amount (SAR)",
    active: "Taking requests",
    requiredFields: "Required fields",
    requiredDocumentKinds: "Required documents",
    updatedAt: "Last change",
  },
  sections: {
    names: "Name",
    handling: "Handling",
    requirements: "Submission requirements",
  },
  helpers: {
    decisionPeriodDays: "From submission to the decision deadline: 1 to 365 days.",
    committeeDecides:
      "When on, the committee decides after the social research; otherwise staff handle and close it.",
    attestationRequired: "The applicant signs the attestation before submission.",
    involvesMoney: "An amount is requested, and approved with the decision.",
    maxAmount:
      "The most the committee may approve for one request of this type; leave empty for no ceiling.",
    active: "When off, no new requests of this type are taken.",
    requiredFields: "What must be filled in before submission: request or member data.",
    requiredDocumentKinds:
      "A document of each kind ticked, not rejected, must be attached before submission.",
  },
  member_field: "%{field} (member data)",
  whole_days: "Enter a whole number of days",
  positive_amount: "Enter an amount above zero, or leave it empty",
  snapshot_notice:
    "Submitted requests keep the rules they were submitted under; what you save here applies to new requests and drafts.",
};
