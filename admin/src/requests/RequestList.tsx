// Requests: filter by status, type, channel, assignee and overdue; search by reference;
// the decision countdown coloured by the API's overdue / dueSoon.
import AssignmentIcon from "@mui/icons-material/Assignment";
import BookmarkIcon from "@mui/icons-material/BookmarkBorder";
import { Box, Card, CardContent, Typography } from "@mui/material";
import type { ReactNode } from "react";
import {
  CreateButton,
  FilterButton,
  FilterList,
  FilterListItem,
  FunctionField,
  NullableBooleanInput,
  SavedQueriesList,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useGetIdentity,
  useTranslate,
} from "react-admin";
import { Digits } from "../shared/bidi.js";
import { DualDateField } from "../shared/DateFields.js";
import { EnumField, enumChoices } from "../shared/EnumField.js";
import { ExportCsvButton } from "../shared/ExportCsvButton.js";
import {
  QuickFilteredList,
  quickFiltersSx,
  RecordLink,
  ResponsiveGrid,
} from "../shared/Responsive.js";
import {
  DueCountdown,
  DueCountdownField,
  type DueInfo,
  intakeChannels,
  RequestStatusChip,
  RequestStatusField,
  requestStatuses,
  requestTypes,
} from "./RequestFields.js";

/** The status filter, always shown: the requests list and the researcher's cases share it. */
export const statusFilter = (
  <SelectInput
    key="status"
    source="status"
    choices={enumChoices("request_status", requestStatuses)}
    alwaysOn
  />
);

function useFilters() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return [
    <SearchInput
      key="q"
      source="q"
      alwaysOn
      placeholder={translate("resources.requests.fields.q")}
      // Named for screen readers too, not by its placeholder only.
      slotProps={{ htmlInput: { "aria-label": translate("resources.requests.fields.q") } }}
    />,
    statusFilter,
    <SelectInput key="type" source="type" choices={enumChoices("request_type", requestTypes)} />,
    <SelectInput
      key="channel"
      source="channel"
      choices={enumChoices("channel", [...intakeChannels, "PARTNER"])}
    />,
    <SelectInput
      key="assignee"
      source="assignee"
      label="resources.requests.fields.assignee"
      choices={
        identity ? [{ id: String(identity.id), name: "resources.requests.fields.mine" }] : []
      }
    />,
    <NullableBooleanInput key="overdue" source="overdue" />,
  ];
}

function ListActions({ create = true }: { create?: boolean }) {
  return (
    <TopToolbar>
      <FilterButton data-testid="list-filter-button" />
      {create && <CreateButton />}
      <ExportCsvButton resource="requests" />
    </TopToolbar>
  );
}

/**
 * The lists staff open every day, one click each ("my cases", "due this week", "overdue"),
 * and the searches a user saved. Beside the list, after it in reading order, on a wide
 * screen; on a tablet or a phone, where a side column has no room, a wrapping row above it.
 */
function SavedFilters({ row = false }: { row?: boolean }) {
  const { identity } = useGetIdentity();
  const f = (name: string) => `resources.requests.fields.${name}`;
  return (
    <Card sx={quickFiltersSx(row, 220)} data-testid="request-saved-filters">
      <CardContent>
        <FilterList label={f("saved")} icon={<BookmarkIcon />}>
          {identity && (
            <FilterListItem label={f("my_cases")} value={{ assignee: String(identity.id) }} />
          )}
          <FilterListItem label={f("due_this_week")} value={{ dueWithinDays: 7 }} />
          <FilterListItem label={f("overdue_list")} value={{ overdue: true }} />
        </FilterList>
        <SavedQueriesList />
      </CardContent>
    </Card>
  );
}

export function RequestEmpty({ message = "resources.requests.empty.title" }: { message?: string }) {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: "center", m: 6 }} data-testid="requests-empty">
      <AssignmentIcon sx={{ fontSize: 72, opacity: 0.4 }} />
      <Typography variant="h6">{translate(message)}</Typography>
    </Box>
  );
}

export function RequestGrid({ children }: { children?: ReactNode }) {
  return (
    <ResponsiveGrid
      link="show"
      data-testid="requests-grid"
      card={{
        primary: (r) => (
          <>
            <Digits>{r.reference ?? "—"}</Digits> · {r.subject}
          </>
        ),
        secondary: (r) => r.member?.fullNameAr ?? "",
        tertiary: (r) => (
          <Box component="span" sx={{ display: "inline-flex", gap: 0.5, flexWrap: "wrap" }}>
            <RequestStatusChip status={r.status} />
            <DueCountdown info={r as DueInfo} />
          </Box>
        ),
      }}
    >
      <RecordLink source="reference" link="show" ltr>
        {(r) => <Digits>{r.reference ?? "—"}</Digits>}
      </RecordLink>
      <EnumField source="type" group="request_type" sortable={false} />
      <TextField source="subject" sortable={false} />
      <FunctionField
        source="member"
        sortable={false}
        render={(r: { member?: { fullNameAr?: string } }) => r.member?.fullNameAr ?? ""}
      />
      <EnumField source="channel" group="channel" sortable={false} />
      <RequestStatusField source="status" sortable={false} />
      <DueCountdownField source="due" sortable={false} />
      <DualDateField source="decisionDueAt" />
      <DualDateField source="createdAt" />
      {children}
    </ResponsiveGrid>
  );
}

export function RequestList() {
  const filters = useFilters();
  return (
    <QuickFilteredList
      filters={filters}
      actions={<ListActions />}
      quickFilters={(row) => <SavedFilters row={row} />}
      empty={<RequestEmpty />}
    >
      <RequestGrid />
    </QuickFilteredList>
  );
}
