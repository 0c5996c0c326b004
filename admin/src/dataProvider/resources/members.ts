// The members resource: the list's filters and order, and the inputs of create and update
// (personal fields are read masked, so they are sent only when typed).
import { memberFields, memberRowFields } from "../fragments.js";
import { filteredList, mutation, orderBy, type ResourceSpec, updateInput } from "../spec.js";
import { blank, compact, trimmed } from "../values.js";

export const memberOrderBy = orderBy({
  createdAt: "CREATED_AT",
  fullNameAr: "FULL_NAME",
  memberNumber: "MEMBER_NUMBER",
  registeredAt: "REGISTERED_AT",
});

export function memberFilter(filter: Record<string, unknown> = {}) {
  return compact({
    search: trimmed(typeof filter.q === "string" ? filter.q : filter.search),
    status: filter.status,
    city: trimmed(filter.city),
    channel: filter.channel ?? filter.preferredChannel,
  });
}

/** Fields an edit may send; nationalId, mobile and income only when typed (they are read masked). */
const memberEditable = [
  "fullNameAr",
  "fullNameEn",
  "email",
  "city",
  "district",
  "gender",
  "birthDate",
  "preferredChannel",
  "preferredLanguage",
  "familySize",
  "maritalStatus",
  "employmentStatus",
] as const;
const memberPersonal = ["nationalId", "mobile", "monthlyIncome"] as const;
const memberRequiredText = new Set(["fullNameAr", "city"]);

function inputValue(field: string, value: unknown): unknown {
  if (value === "" || value === undefined) return memberRequiredText.has(field) ? "" : null;
  if (field === "familySize" && typeof value === "string") return Number(value);
  if (field === "monthlyIncome" && typeof value === "number") return String(value);
  if (field === "birthDate" && typeof value === "string") return value.slice(0, 10);
  return value;
}

export function memberCreateInput(data: Record<string, unknown>) {
  const input: Record<string, unknown> = {};
  for (const field of [...memberEditable, ...memberPersonal]) {
    if (!blank(data[field])) input[field] = inputValue(field, data[field]);
  }
  for (const field of ["nationalId", "fullNameAr", "mobile", "city"]) input[field] ??= "";
  input.consentGiven = data.consentGiven === true;
  return input;
}

/** Only what changed, so masked values are never sent back and concurrent edits of other fields survive. */
export function memberUpdateInput(
  id: string,
  data: Record<string, unknown>,
  previous: Record<string, unknown> = {},
) {
  const input = updateInput({ id }, [...memberEditable, "status"], data, previous, inputValue);
  for (const field of memberPersonal) {
    const value = data[field];
    if (typeof value === "number" || (typeof value === "string" && value.trim()))
      input[field] = inputValue(field, value);
  }
  return input;
}

export const members: ResourceSpec = {
  typeName: "Member",
  listField: "members",
  // A search for a common name matches thousands: counted up to 1,000 («أكثر من 1000 عضو»).
  count: "capped",
  fields: memberRowFields,
  recordFields: memberFields,
  ...filteredList("Member", memberFilter, memberOrderBy),
  getOne: `query Member($id: ID!) { data: member(id: $id) { ${memberFields} } }`,
  create: mutation("createMember", "member", memberCreateInput),
  update: mutation("updateMember", "member", memberUpdateInput),
};
