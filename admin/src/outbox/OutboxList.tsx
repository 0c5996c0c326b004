// The outbox: every e-mail and SMS queued for members, newest first, filtered by status,
// channel, event and member; a row (a card on a phone) opens the message as received, with
// its tries. It refetches live as notifications are queued, delivered, resent or cancelled.
import {
  AutocompleteInput,
  FunctionField,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
} from "react-admin";
import { DualDate, DualDateField } from "../shared/DateFields.js";
import { EnumField, enumChoices, useEnumLabel } from "../shared/EnumField.js";
import { ResponsiveGrid } from "../shared/Responsive.js";
import { OutboxStatusChip, OutboxStatusLabel } from "./OutboxStatusChip.js";
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

type Row = {
  subject: string;
  event: string;
  channel: string;
  status: string;
  createdAt: string;
  member?: { fullNameAr: string } | null;
};

export function OutboxList() {
  const event = useEnumLabel("notification_event");
  const channel = useEnumLabel("notification_channel");
  return (
    <List filters={filters} perPage={25} sort={{ field: "createdAt", order: "DESC" }}>
      <ResponsiveGrid
        link="show"
        data-testid="outbox-list"
        card={{
          primary: (r) => (r as unknown as Row).subject,
          secondary: (r) => {
            const row = r as unknown as Row;
            return (
              <>
                {[row.member?.fullNameAr, event(row.event), channel(row.channel)]
                  .filter(Boolean)
                  .join(" · ")}
                <br />
                <DualDate value={row.createdAt} withTime />
              </>
            );
          },
          tertiary: (r) => <OutboxStatusLabel status={(r as unknown as Row).status} />,
        }}
      >
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
      </ResponsiveGrid>
    </List>
  );
}
