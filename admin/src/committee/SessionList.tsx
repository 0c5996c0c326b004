// Committee sessions: the list (latest first, by state) or a month's calendar, for staff
// who schedule them (every session) and committee members (their own). "Schedule" shows
// only for those who manage sessions.
import CalendarIcon from "@mui/icons-material/CalendarMonth";
import ListIcon from "@mui/icons-material/ViewList";
import { Box, ToggleButton, ToggleButtonGroup } from "@mui/material";
import { useState } from "react";
import {
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  NumberField,
  SelectInput,
  TopToolbar,
  useCanAccess,
  useTranslate,
} from "react-admin";
import { DualDateField } from "../shared/DateFields.js";
import { enumChoices } from "../shared/EnumField.js";
import { SessionStatusChip, useSessionTitle } from "./parts.js";
import { SessionCalendar } from "./SessionCalendar.js";

export type SessionRecord = {
  id: string;
  number: number;
  year: number;
  scheduledAt: string;
  status: "SCHEDULED" | "OPEN" | "CLOSED";
  chair: { id: string; fullName: string };
  memberCount: number;
  agendaCount: number;
  version: number;
};

const filters = [
  <SelectInput
    key="status"
    source="status"
    choices={enumChoices("session_status", ["SCHEDULED", "OPEN", "CLOSED"])}
    alwaysOn
  />,
];

function Actions() {
  const { canAccess: schedules } = useCanAccess({ resource: "committee", action: "create" });
  return <TopToolbar>{schedules && <CreateButton data-testid="session-schedule" />}</TopToolbar>;
}

function SessionGrid() {
  const title = useSessionTitle();
  return (
    <Datagrid rowClick="show" bulkActionButtons={false} data-testid="sessions-grid">
      <FunctionField
        source="session"
        sortable={false}
        render={(r: SessionRecord) => <span data-testid="session-row-title">{title(r)}</span>}
      />
      <DualDateField source="scheduledAt" withTime sortable={false} />
      <FunctionField
        source="status"
        sortable={false}
        render={(r: SessionRecord) => <SessionStatusChip status={r.status} />}
      />
      <FunctionField
        source="chair"
        sortable={false}
        render={(r: SessionRecord) => r.chair.fullName}
      />
      <NumberField source="memberCount" sortable={false} />
      <NumberField source="agendaCount" sortable={false} />
    </Datagrid>
  );
}

export function SessionList() {
  const translate = useTranslate();
  const [view, setView] = useState<"list" | "calendar">("list");
  return (
    <Box>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={view}
        onChange={(_, next) => next && setView(next)}
        sx={{ mt: 2 }}
      >
        <ToggleButton value="list" data-testid="sessions-view-list">
          <ListIcon sx={{ mx: 0.5 }} />
          {translate("resources.committee.views.list")}
        </ToggleButton>
        <ToggleButton value="calendar" data-testid="sessions-view-calendar">
          <CalendarIcon sx={{ mx: 0.5 }} />
          {translate("resources.committee.views.calendar")}
        </ToggleButton>
      </ToggleButtonGroup>
      {view === "list" ? (
        <List filters={filters} actions={<Actions />} perPage={25}>
          <SessionGrid />
        </List>
      ) : (
        <SessionCalendar actions={<Actions />} />
      )}
    </Box>
  );
}
