// The audit log resource: read only, filtered by entity type, record and actor.
import { auditFields } from "../fragments.js";
import type { ResourceSpec } from "../spec.js";
import { compact } from "../values.js";

export const audit: ResourceSpec = {
  typeName: "AuditEntry",
  listField: "auditEntries",
  listArgs: "$filter: AuditFilter",
  fields: auditFields,
  listVariables: (params) => ({
    // Records and actors by their global IDs, as every other field gives them.
    filter: compact({
      entityType: params.filter?.entityType,
      entity: params.filter?.entity,
      actor: params.filter?.actor,
    }),
  }),
};
