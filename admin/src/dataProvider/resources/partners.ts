// The partners resource (partner systems and their keys): a paged list, one partner with its
// keys, register and change inputs. Keys are issued, rotated and revoked by their own calls
// (../partners.ts).
import { mutation, type ResourceSpec, updateInput } from "../spec.js";

export const apiKeyFields =
  "id label prefix scopes allowedIps status expiresAt revokedAt lastUsedAt createdAt limit { pointsPerHour persistedOnly }";

const partnerFields =
  "id name nameAr contactName contactEmail contactPhone active createdAt version";

const partnerEditable = ["name", "nameAr", "contactName", "contactEmail", "contactPhone", "active"];

/** An empty optional text is sent as null (cleared). */
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : null);

export function partnerCreateInput(data: Record<string, unknown>) {
  return {
    name: data.name ?? "",
    nameAr: data.nameAr ?? "",
    contactName: text(data.contactName),
    contactEmail: data.contactEmail ?? "",
    contactPhone: text(data.contactPhone),
  };
}

export function partnerUpdateInput(
  id: string,
  data: Record<string, unknown>,
  previous: Record<string, unknown> = {},
) {
  return updateInput({ partner: id }, partnerEditable, data, previous);
}

export const partners: ResourceSpec = {
  typeName: "Partner",
  listField: "partners",
  fields: partnerFields,
  recordFields: `${partnerFields} apiKeys(first: 100) { totalCount edges { node { ${apiKeyFields} } } }`,
  create: mutation("registerPartner", "partner", partnerCreateInput),
  update: mutation("changePartner", "partner", partnerUpdateInput),
};
