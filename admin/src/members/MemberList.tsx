import PeopleIcon from "@mui/icons-material/PeopleAlt";
import { Box, Card, CardContent, Typography } from "@mui/material";
import {
  CreateButton,
  FilterButton,
  FilterList,
  FilterListItem,
  FunctionField,
  SavedQueriesList,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useTranslate,
} from "react-admin";
import { Digits } from "../shared/bidi.js";
import { CappedPagination } from "../shared/CappedPagination.js";
import { DualDate, DualDateField } from "../shared/DateFields.js";
import {
  channels,
  EnumField,
  enumChoices,
  membershipStatuses,
  useEnumLabel,
} from "../shared/EnumField.js";
import { ExportCsvButton } from "../shared/ExportCsvButton.js";
import {
  QuickFilteredList,
  quickFiltersSx,
  RecordLink,
  ResponsiveGrid,
} from "../shared/Responsive.js";

function useFilters() {
  const translate = useTranslate();
  return [
    <SearchInput
      key="q"
      source="q"
      alwaysOn
      placeholder={translate("resources.members.fields.search")}
      // Named for screen readers too, not by its placeholder only.
      slotProps={{ htmlInput: { "aria-label": translate("resources.members.fields.search") } }}
    />,
    <SelectInput
      key="status"
      source="status"
      choices={enumChoices("status", membershipStatuses)}
    />,
    <TextInput key="city" source="city" />,
    <SelectInput key="channel" source="channel" choices={enumChoices("channel", channels)} />,
  ];
}

function ListActions() {
  return (
    <TopToolbar>
      <FilterButton data-testid="list-filter-button" />
      <CreateButton />
      <ExportCsvButton resource="members" />
    </TopToolbar>
  );
}

/**
 * Saved filters (kept in the browser) and one-click status filters: beside the list, at the
 * end of the row as in the page's reading (and tab) order, on a wide screen; a wrapping row
 * above the list on a tablet or a phone.
 */
function FilterSidebar({ row = false }: { row?: boolean }) {
  const label = useEnumLabel("status");
  return (
    <Card sx={quickFiltersSx(row, 200)} data-testid="member-filters">
      <CardContent>
        <SavedQueriesList />
        <FilterList label="resources.members.fields.status" icon={<PeopleIcon />}>
          {membershipStatuses.map((status) => (
            <FilterListItem key={status} label={label(status)} value={{ status }} />
          ))}
        </FilterList>
      </CardContent>
    </Card>
  );
}

function Empty() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: "center", m: 6 }}>
      <PeopleIcon sx={{ fontSize: 72, opacity: 0.4 }} />
      <Typography variant="h6">{translate("resources.members.empty.title")}</Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {translate("resources.members.empty.hint")}
      </Typography>
      <CreateButton />
    </Box>
  );
}

export function MemberList() {
  const filters = useFilters();
  return (
    <QuickFilteredList
      filters={filters}
      actions={<ListActions />}
      quickFilters={(row) => <FilterSidebar row={row} />}
      empty={<Empty />}
      pagination={<CappedPagination noun="members" />}
    >
      <ResponsiveGrid
        link="show"
        data-testid="members-grid"
        card={{
          primary: (m) => m.fullNameAr,
          secondary: (m) => (
            <>
              <Digits>{m.memberNumber}</Digits> · <Digits>{m.nationalIdMasked}</Digits>
              {m.city ? ` · ${m.city}` : ""}
            </>
          ),
          tertiary: (m) => <DualDate value={m.createdAt} />,
        }}
      >
        <FunctionField source="memberNumber" render={(m) => <Digits>{m.memberNumber}</Digits>} />
        <RecordLink source="fullNameAr" link="show">
          {(m) => m.fullNameAr}
        </RecordLink>
        <FunctionField
          source="nationalIdMasked"
          label="resources.members.fields.nationalId"
          sortable={false}
          render={(m) => <Digits>{m.nationalIdMasked}</Digits>}
        />
        <FunctionField
          source="mobileMasked"
          label="resources.members.fields.mobile"
          sortable={false}
          render={(m) => <Digits>{m.mobileMasked}</Digits>}
        />
        <TextField source="city" sortable={false} />
        <EnumField source="status" group="status" chip sortable={false} />
        <EnumField source="preferredChannel" group="channel" sortable={false} />
        <DualDateField source="createdAt" />
      </ResponsiveGrid>
    </QuickFilteredList>
  );
}
