// The fields a request type may require: the request's own, and the member's written
// `member.<field>`. Part of the contract (contract/README.md): the API's rules and the panel's
// request-type editor import it.

/** Request fields a type may require. */
export const requestFieldNames = [
  "subject",
  "description",
  "details",
  "amountRequested",
  "incomingLetterNumber",
] as const;

/** Member fields a type may require, written `member.<field>`. */
export const memberFieldNames = [
  "fullNameAr",
  "fullNameEn",
  "nationalId",
  "mobile",
  "email",
  "city",
  "district",
  "birthDate",
  "gender",
  "familySize",
  "monthlyIncome",
  "maritalStatus",
  "employmentStatus",
  "consentGiven",
] as const;

export const requirableFields: readonly string[] = [
  ...requestFieldNames,
  ...memberFieldNames.map((f) => `member.${f}`),
];
