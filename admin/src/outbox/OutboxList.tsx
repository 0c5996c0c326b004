// The outbox: every e-mail and SMS queued for members, newest first, filtered by status,
// channel, event and member; a row opens the message as received, with its tries.
import {
  AutocompleteInput,
  Datagrid,
  FunctionField,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
} from "react-admin";
import { DualDateField } from "../shared/DateFields.js";
import { EnumField, enumChoices } from "../shared/EnumField.js";
import { OutboxStatusChip } from "./OutboxStatusChip.js";
import { notificationEvents } from "./values.js";

const filters = [
  <SelectInput
    key="status"
    source="status"
    alwaysOn
    choices={enumChoices("outbox_status", ["PENDING", "SENDING", "SENT", "FAILED", "CANCELLED"])}
  />,
  <SelectInput
    key="channel"
    source="channel"
    alwaysOn
    choices={enumChoices("notification_channel", ["EMAIL", "SMS"])}
  />,
  <SelectInput
    key="event"
    source="event"
    choices={enumChoices("notification_event", notificationEvents)}
  />,
  <ReferenceInput key="member" source="member" reference="members">
    <AutocompleteInput optionText="fullNameAr" filterToQuery={(search: string) => ({ search })} />
  </ReferenceInput>,
];

export function OutboxList() {
  return (
    <List filters={filters} perPage={25} sort={{ field: "createdAt", order: "DESC" }}>
      <Datagrid bulkActionButtons={false} rowClick="show">
        <DualDateField source="createdAt" withTime sortable={false} />
        <EnumField source="event" group="notification_event" sortable={false} />
        <EnumField source="channel" group="notification_channel" sortable={false} />
        <OutboxStatusChip label="resources.outbox.fields.status" />
        <FunctionField
          source="member"
          sortable={false}
          render={(record: { member?: { fullNameAr: string } | null }) =>
            record.member?.fullNameAr ?? "—"
          }
        />
        <TextField
          source="address"
          sortable={false}
          sx={{ direction: "ltr", unicodeBidi: "embed" }}
        />
        <TextField source="subject" sortable={false} />
        <TextField source="attempts" sortable={false} />
        <TextField source="lastError" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}
