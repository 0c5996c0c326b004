// The letters register: search by number, subject or correspondent; filter by direction and
// Hijri year; export CSV; print a letter; open its scan, or attach the scan it lacks.
import AttachFileIcon from "@mui/icons-material/AttachFile";
import ScanIcon from "@mui/icons-material/Description";
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
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
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

type LetterRecord = {
  id: string;
  version: number;
  registerNumber: string;
  scan?: { fileName: string; downloadUrl: string } | null;
};

/** The scan: opened in a new tab, or, for a letter without one, a file to attach. */
function ScanField(_props: { label?: string }) {
  const record = useRecordContext<LetterRecord>();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record) return null;
  if (record.scan)
    return (
      <Tooltip title={`${translate("resources.letters.scan_open")}: ${record.scan.fileName}`}>
        <IconButton
          size="small"
          component="a"
          href={record.scan.downloadUrl}
          target="_blank"
          rel="noopener"
          data-testid="letter-scan-open"
          aria-label={translate("resources.letters.scan_open")}
        >
          <ScanIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    );
  return (
    <Tooltip title={translate("resources.letters.scan_attach")}>
      <IconButton
        size="small"
        component="label"
        data-testid="letter-scan-attach"
        aria-label={translate("resources.letters.scan_attach")}
      >
        <AttachFileIcon fontSize="small" />
        <input
          hidden
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            try {
              await dataProvider.attachLetterScan(record, file);
              notify("resources.letters.scan_attached", { type: "success" });
              refresh();
            } catch (error) {
              notify((error as Error).message, { type: "error" });
            }
          }}
        />
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
        <ScanField label="resources.letters.fields.scan" />
        <PrintButton label="resources.letters.print" />
      </Datagrid>
    </List>
  );
}
