// A request type's rules. The API has the last word (its field errors appear under these
// inputs); the checks here only spare a round trip: names required, the decision period a
// whole number of days from 1 to 365 (react-admin's validators, translated, rather than the
// browser's own min/max bubbles).
import { Alert, Box, Chip, Typography } from "@mui/material";
import { useMemo } from "react";
import {
  BooleanInput,
  CheckboxGroupInput,
  maxValue,
  minValue,
  NumberInput,
  required,
  TextInput,
  useRecordContext,
  useTranslate,
} from "react-admin";
import type { RequestTypeInfo } from "../dataProvider/requests.js";
import { documentKinds } from "../requests/RequestFields.js";
import { requirableFields, requiredFieldChoiceLabel } from "../requests/requiredFields.js";
import { enumChoices, useEnumLabel } from "../shared/EnumField.js";
import { FormSection, twoColumnRow } from "../shared/FormLayout.js";

const decisionPeriodLimits = { min: 1, max: 365 } as const;

const wholeDays = (value: unknown) =>
  value === null || value === undefined || value === "" || Number.isInteger(Number(value))
    ? undefined
    : "resources.requestTypes.whole_days";

/** Empty (no ceiling) or above zero; the API checks it again. */
const positiveAmount = (value: unknown) =>
  value === null || value === undefined || value === "" || Number(value) > 0
    ? undefined
    : "resources.requestTypes.positive_amount";

export function RequestTypeInputs() {
  const translate = useTranslate();
  const typeLabel = useEnumLabel("request_type");
  const record = useRecordContext<RequestTypeInfo>();
  const fieldChoices = useMemo(
    () => requirableFields.map((id) => ({ id, name: requiredFieldChoiceLabel(translate, id) })),
    [translate],
  );
  const help = (name: string) => `resources.requestTypes.helpers.${name}`;
  return (
    <Box sx={{ width: "100%" }} data-testid="request-type-inputs">
      <Box sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap", mb: 1 }}>
        <Typography variant="h6" component="h2">
          {typeLabel(record?.code)}
        </Typography>
        <Chip size="small" variant="outlined" label={record?.code} dir="ltr" />
      </Box>
      <Alert severity="info" sx={{ mb: 1 }} data-testid="request-type-snapshot-notice">
        {translate("resources.requestTypes.snapshot_notice")}
      </Alert>

      <FormSection title="resources.requestTypes.sections.names" />
      <Box sx={twoColumnRow}>
        <TextInput source="nameAr" validate={required()} />
        <TextInput
          source="nameEn"
          validate={required()}
          slotProps={{ htmlInput: { dir: "ltr" } }}
        />
      </Box>

      <FormSection title="resources.requestTypes.sections.handling" />
      <Box sx={twoColumnRow}>
        <NumberInput
          source="decisionPeriodDays"
          validate={[
            required(),
            minValue(decisionPeriodLimits.min),
            maxValue(decisionPeriodLimits.max),
            wholeDays,
          ]}
          helperText={help("decisionPeriodDays")}
        />
      </Box>
      <BooleanInput source="committeeDecides" helperText={help("committeeDecides")} />
      <BooleanInput source="attestationRequired" helperText={help("attestationRequired")} />
      <BooleanInput source="involvesMoney" helperText={help("involvesMoney")} />
      <Box sx={twoColumnRow}>
        <NumberInput
          source="maxAmount"
          validate={[positiveAmount]}
          helperText={help("maxAmount")}
          slotProps={{ htmlInput: { dir: "ltr" } }}
        />
      </Box>
      <BooleanInput source="active" helperText={help("active")} />

      <FormSection title="resources.requestTypes.sections.requirements" />
      <CheckboxGroupInput
        source="requiredFields"
        choices={fieldChoices}
        translateChoice={false}
        helperText={help("requiredFields")}
      />
      <CheckboxGroupInput
        source="requiredDocumentKinds"
        choices={enumChoices("document_kind", documentKinds)}
        helperText={help("requiredDocumentKinds")}
      />
    </Box>
  );
}
