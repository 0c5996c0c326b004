// The fields a request type may require (api/modules/requests/rules.ts, `requirableFields`;
// a test keeps the two lists equal): the request's own, and the member's written
// `member.<field>`. Each is labelled with the field's own translation.

export const requestFieldNames = [
  "subject",
  "description",
  "details",
  "amountRequested",
  "incomingLetterNumber",
] as const;

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
  ...memberFieldNames.map((name) => `member.${name}`),
];

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "amountRequested" → the request field's label; "member.city" → the member field's. */
export function requiredFieldLabel(translate: Translate, name: string): string {
  return name.startsWith("member.")
    ? translate(`resources.members.fields.${name.slice("member.".length)}`, { _: name })
    : translate(`resources.requests.fields.${name}`, { _: name });
}

/** The same label, saying whose field it is: for lists of rules that mix both kinds. */
export function requiredFieldChoiceLabel(translate: Translate, name: string): string {
  const label = requiredFieldLabel(translate, name);
  return name.startsWith("member.")
    ? translate("resources.requestTypes.member_field", { field: label })
    : label;
}
