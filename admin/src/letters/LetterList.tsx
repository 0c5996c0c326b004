// The letters register: search by number, subject or correspondent; filter by direction and
// Hijri year; export CSV; print a letter.
import PrintIcon from "@mui/icons-material/Print";
import { IconButton, Tooltip } from "@mui/material";
import {
  CreateButton,
  Datagrid,
  downloadCSV,
  ExportButton,
  type Exporter,
  FunctionField,
  List,
  NumberInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useDataProvider,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { DualDateField } from "../shared/DateFields.js";
import { formatGregorian, formatHijri } from "../shared/dates.js";
import { EnumField, enumChoices } from "../shared/EnumField.js";
import { lettersCsv, printLetter } from "./print.js";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput
    key="direction"
    source="direction"
    alwaysOn
    choices={enumChoices("letter_direction", ["INCOMING", "OUTGOING"])}
  />,
  <NumberInput key="year" source="year" />,
];

function PrintButton(_props: { label?: string }) {
  const record = useRecordContext<{ id: string }>();
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Tooltip title={translate("resources.letters.print")}>
      <IconButton
        size="small"
        data-testid="letter-print"
        onClick={async (event) => {
          event.stopPropagation();
          const { data } = await dataProvider.getOne("letters", { id: record.id });
          printLetter(data.printableHtml as string);
        }}
      >
        <PrintIcon fontSize="small" />
      </IconButton>
    </Tooltip>
  );
}

function useExporter(): Exporter {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const l = locale === "en" ? "en" : "ar";
  return (rows) =>
    downloadCSV(
      lettersCsv(
        rows,
        {
          headers: [
            "registerNumber",
            "direction",
            "hijriDate",
            "letterDate",
            "correspondent",
            "subject",
            "member",
            "request",
          ].map((field) => translate(`resources.letters.fields.${field}`)),
          direction: (value) => translate(`wasl.enums.letter_direction.${value}`),
        },
        { hijri: (v) => formatHijri(v, l), gregorian: (v) => formatGregorian(v, l) },
      ),
      "letters",
    );
}

function Actions() {
  return (
    <TopToolbar>
      <CreateButton />
      <ExportButton maxResults={5000} />
    </TopToolbar>
  );
}

export function LetterList() {
  const exporter = useExporter();
  return (
    <List filters={filters} actions={<Actions />} exporter={exporter} perPage={25}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField
          source="registerNumber"
          sortable={false}
          sx={{ direction: "ltr", unicodeBidi: "embed" }}
        />
        <EnumField source="direction" group="letter_direction" sortable={false} />
        <DualDateField source="letterDate" sortable={false} />
        <TextField source="correspondent" sortable={false} />
        <TextField source="subject" sortable={false} />
        <FunctionField
          source="member"
          sortable={false}
          render={(r: { member?: { fullNameAr: string } | null }) => r.member?.fullNameAr ?? "—"}
        />
        <FunctionField
          source="request"
          sortable={false}
          render={(r: { request?: { reference: string | null } | null }) =>
            r.request?.reference ?? "—"
          }
        />
        <PrintButton label="resources.letters.print" />
      </Datagrid>
    </List>
  );
}
