import { List, SelectInput, TextField, TextInput, useRecordContext } from "react-admin";
import { ChangesText } from "../members/CaseFileTabs.js";
import { DualDate, DualDateField } from "../shared/DateFields.js";
import { EnumField } from "../shared/EnumField.js";
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

function Changes(_props: { label?: string }) {
  const record = useRecordContext();
  return <ChangesText value={record?.changes as string | null} />;
}

export function AuditList() {
  return (
    <List filters={filters} perPage={50} sort={{ field: "at", order: "DESC" }}>
      <ResponsiveGrid
        link={false}
        data-testid="audit-grid"
        card={{
          primary: () => <EnumField source="action" group="audit_action" />,
          secondary: (entry) => entry.actorLabel,
          tertiary: (entry) => <DualDate value={entry.at} withTime />,
        }}
      >
        <DualDateField source="at" withTime sortable={false} />
        <TextField source="actorLabel" sortable={false} />
        <EnumField source="action" group="audit_action" sortable={false} />
        <TextField source="entityType" sortable={false} />
        <TextField
          source="entity"
          emptyText="—"
          sortable={false}
          sx={{ fontFamily: "monospace", fontSize: 12 }}
        />
        <Changes label="resources.audit.fields.changes" />
      </ResponsiveGrid>
    </List>
  );
}
