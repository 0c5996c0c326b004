// The partner call log (admins): every call a partner system made — when, which partner and
// key, which operation, its cost in points, how it ended and how long it took — newest first,
// filtered by result, period, partner and key.
import { Chip } from "@mui/material";
import {
  DateInput,
  FunctionField,
  List,
  type RaRecord,
  SelectInput,
  TextField,
  TextInput,
  useRecordContext,
} from "react-admin";
import { DualDate, DualDateField } from "../shared/DateFields.js";
import { EnumField, enumChoices, useEnumLabel } from "../shared/EnumField.js";
import { ResponsiveGrid } from "../shared/Responsive.js";

const results = ["OK", "ERROR", "THROTTLED"] as const;

const filters = [
  <SelectInput
    key="result"
    source="result"
    alwaysOn
    choices={enumChoices("partner_call_result", results)}
  />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  // Global IDs, as the partner's and key's own pages give them.
  <TextInput key="partner" source="partner" />,
  <TextInput key="apiKey" source="apiKey" />,
];

const resultColors = { OK: "success", ERROR: "warning", THROTTLED: "error" } as const;

function ResultChip({ call }: { call: RaRecord }) {
  const label = useEnumLabel("partner_call_result");
  const result = call.result as (typeof results)[number];
  return (
    <Chip
      size="small"
      color={resultColors[result] ?? "default"}
      label={
        call.errorCode && result === "ERROR"
          ? `${label(result)} · ${call.errorCode}`
          : label(result)
      }
      data-testid="partner-call-result"
    />
  );
}

function Result(_props: { label?: string; source?: string; sortable?: boolean }) {
  const call = useRecordContext();
  return call ? <ResultChip call={call} /> : null;
}

const ltr = { direction: "ltr", unicodeBidi: "embed" } as const;

export function PartnerCallList() {
  return (
    <List filters={filters} perPage={50} sort={{ field: "at", order: "DESC" }}>
      <ResponsiveGrid
        link={false}
        data-testid="partner-calls-grid"
        card={{
          primary: (call) => `${call.partnerName ?? "—"} · ${call.operationName ?? "—"}`,
          secondary: (call) => <ResultChip call={call} />,
          tertiary: (call) => <DualDate value={call.at as string} withTime />,
        }}
      >
        <DualDateField source="at" withTime sortable={false} />
        <TextField source="partnerName" sortable={false} emptyText="—" />
        <TextField source="apiKeyLabel" sortable={false} emptyText="—" sx={ltr} />
        <TextField source="operationName" sortable={false} emptyText="—" sx={ltr} />
        <EnumField source="operationType" group="partner_operation_type" sortable={false} />
        <FunctionField
          source="cost"
          sortable={false}
          render={(call: { cost?: number | null }) => call.cost ?? "—"}
        />
        <Result source="result" sortable={false} />
        <FunctionField
          source="durationMs"
          sortable={false}
          render={(call: { durationMs: number }) => call.durationMs}
        />
      </ResponsiveGrid>
    </List>
  );
}
