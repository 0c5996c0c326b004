import { Datagrid, List, TextField } from "react-admin";
import { DualDateField } from "../shared/DateFields.js";
import { EnumField } from "../shared/EnumField.js";

export function TemplateList() {
  return (
    <List pagination={false} perPage={100} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick="edit">
        <EnumField source="event" group="notification_event" sortable={false} />
        <EnumField source="channel" group="notification_channel" sortable={false} />
        <TextField source="subjectAr" sortable={false} />
        <TextField source="version" sortable={false} />
        <DualDateField source="updatedAt" withTime sortable={false} />
      </Datagrid>
    </List>
  );
}
