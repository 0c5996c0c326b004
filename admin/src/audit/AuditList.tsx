// The audit log as people read it: who (name and roles), what (in the user's language), on
// which record (its name and number, or reference, linking to it), when, and the changes.
import { Box, Chip, Typography } from "@mui/material";
import {
  Link,
  List,
  type RaRecord,
  SelectInput,
  TextInput,
  useCreatePath,
  useRecordContext,
} from "react-admin";
import { ChangesText } from "../members/CaseFileTabs.js";
import { DualDate, DualDateField } from "../shared/DateFields.js";
import { EnumField, useEnumLabel } from "../shared/EnumField.js";
import { ResponsiveGrid } from "../shared/Responsive.js";

const filters = [
  <SelectInput
    key="entityType"
    source="entityType"
    alwaysOn
    choices={[
      { id: "Member", name: "resources.members.name" },
      { id: "User", name: "resources.users.name" },
    ]}
  />,
  // A record's global ID, as its page and every other field show it.
  <TextInput key="entity" source="entity" />,
];

/** Where each kind of record opens in the panel. */
const entityPages: Record<string, { resource: string; type: "show" | "edit" }> = {
  Member: { resource: "members", type: "show" },
  Request: { resource: "requests", type: "show" },
  User: { resource: "users", type: "edit" },
};

function Actor(_props: { label?: string; source?: string; sortable?: boolean }) {
  const entry = useRecordContext();
  const role = useEnumLabel("role");
  if (!entry) return null;
  return (
    <Box>
      <Typography variant="body2">{entry.actorName as string}</Typography>
      <Box sx={{ display: "flex", gap: 0.5, flexWrap: "wrap" }}>
        {((entry.actorRoles as string[]) ?? []).map((r) => (
          <Chip key={r} size="small" variant="outlined" label={role(r)} />
        ))}
      </Box>
    </Box>
  );
}

/** On a phone's card: the actor's name and, in brackets, their roles. */
function ActorLine({ entry }: { entry: RaRecord }) {
  const role = useEnumLabel("role");
  const roles = ((entry.actorRoles as string[]) ?? []).map(role);
  return (
    <>
      {entry.actorName as string}
      {roles.length ? ` (${roles.join("، ")})` : ""}
    </>
  );
}

function EntityLink({ entry }: { entry: RaRecord }) {
  const kind = useEnumLabel("entity_type");
  const createPath = useCreatePath();
  const type = String(entry.entityType);
  const page = entityPages[type];
  const label = (entry.entityLabel as string | null) ?? "";
  return (
    <Box component="span" data-testid="audit-entity">
      {kind(type)}
      {label ? " · " : ""}
      {label && page && entry.entity ? (
        <Link to={createPath({ ...page, id: String(entry.entity) })}>{label}</Link>
      ) : (
        label
      )}
    </Box>
  );
}

function Entity(_props: { label?: string; source?: string; sortable?: boolean }) {
  const entry = useRecordContext();
  return entry ? <EntityLink entry={entry} /> : null;
}

function Changes(_props: { label?: string }) {
  const record = useRecordContext();
  return <ChangesText value={record?.changes} />;
}

export function AuditList() {
  return (
    <List filters={filters} perPage={50} sort={{ field: "at", order: "DESC" }}>
      <ResponsiveGrid
        link={false}
        data-testid="audit-grid"
        card={{
          primary: () => <EnumField source="action" group="audit_action" />,
          secondary: (entry) => (
            <>
              <ActorLine entry={entry} /> · <EntityLink entry={entry} />
            </>
          ),
          tertiary: (entry) => <DualDate value={entry.at} withTime />,
        }}
      >
        <DualDateField source="at" withTime sortable={false} />
        <Actor source="actorName" sortable={false} />
        <EnumField source="action" group="audit_action" sortable={false} />
        <Entity source="entityLabel" sortable={false} />
        <Changes label="resources.audit.fields.changes" />
      </ResponsiveGrid>
    </List>
  );
}
