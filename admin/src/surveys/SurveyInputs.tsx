// A survey's form: texts, the question editor (type, Arabic and English text, required,
// choices for choice questions, order by the move buttons) and the settings, beside a live
// preview of the answer page. The API has the last word (its field errors appear under these
// inputs); once the survey has answers its questions and anonymity are locked here as there.
import { Alert, Box } from "@mui/material";
import {
  ArrayInput,
  BooleanInput,
  CheckboxGroupInput,
  FormDataConsumer,
  maxValue,
  minValue,
  NumberInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { requestTypeCodes } from "../../../contract/requests.js";
import { RiyadhDateTimeInput } from "../shared/DateFields.js";
import { fromRiyadhLocal, toRiyadhLocal } from "../shared/dates.js";
import { enumChoices } from "../shared/EnumField.js";
import { FormSection, threeColumnRow, twoColumnRow } from "../shared/FormLayout.js";
import { SurveyPreview } from "./SurveyPreview.js";

export const surveyKinds = ["CSAT", "NPS", "GENERAL"] as const;
export const questionTypes = [
  "RATING",
  "NPS",
  "SINGLE_CHOICE",
  "MULTIPLE_CHOICE",
  "FREE_TEXT",
] as const;

const ltr = { htmlInput: { dir: "ltr" } } as const;
const help = (name: string) => `resources.surveys.helpers.${name}`;
const riyadhFormat = (value: unknown) => (value ? toRiyadhLocal(String(value)) : "");
const riyadhParse = (value: string) => (value ? fromRiyadhLocal(value) : null);

function QuestionEditor({ locked }: { locked: boolean }) {
  return (
    <ArrayInput source="questions" label={false} validate={required()}>
      <SimpleFormIterator
        disableClear
        disableAdd={locked}
        disableRemove={locked}
        disableReordering={locked}
        sx={{ "& .RaSimpleFormIterator-line": { borderBottom: 1, borderColor: "divider", pb: 1 } }}
        data-testid="survey-questions"
      >
        <SelectInput
          source="type"
          choices={enumChoices("question_type", questionTypes)}
          validate={required()}
          label="resources.surveys.fields.type"
          readOnly={locked}
        />
        <TextInput
          source="textAr"
          validate={required()}
          label="resources.surveys.fields.textAr"
          readOnly={locked}
          fullWidth
        />
        <TextInput
          source="textEn"
          validate={required()}
          label="resources.surveys.fields.textEn"
          readOnly={locked}
          slotProps={ltr}
          fullWidth
        />
        <BooleanInput
          source="required"
          label="resources.surveys.fields.required"
          readOnly={locked}
        />
        <FormDataConsumer>
          {({ scopedFormData }) =>
            scopedFormData?.type === "SINGLE_CHOICE" ||
            scopedFormData?.type === "MULTIPLE_CHOICE" ? (
              <ArrayInput source="choices" label="resources.surveys.fields.choices">
                <SimpleFormIterator
                  inline
                  disableClear
                  disableAdd={locked}
                  disableRemove={locked}
                  disableReordering={locked}
                >
                  <TextInput
                    source="labelAr"
                    validate={required()}
                    label="resources.surveys.fields.labelAr"
                    readOnly={locked}
                  />
                  <TextInput
                    source="labelEn"
                    validate={required()}
                    label="resources.surveys.fields.labelEn"
                    readOnly={locked}
                    slotProps={ltr}
                  />
                  <TextInput
                    source="value"
                    label="resources.surveys.fields.value"
                    readOnly={locked}
                    slotProps={ltr}
                  />
                </SimpleFormIterator>
              </ArrayInput>
            ) : null
          }
        </FormDataConsumer>
      </SimpleFormIterator>
    </ArrayInput>
  );
}

export function SurveyInputs() {
  const translate = useTranslate();
  const record = useRecordContext<{ id?: string; responseCount?: number }>();
  const locked = (record?.responseCount ?? 0) > 0;
  return (
    <Box
      sx={{
        width: "100%",
        display: "grid",
        gap: 3,
        gridTemplateColumns: { xs: "1fr", lg: "minmax(0, 3fr) minmax(320px, 2fr)" },
        alignItems: "start",
      }}
      data-testid="survey-inputs"
    >
      <Box>
        <FormSection title="resources.surveys.sections.texts" />
        <Box sx={twoColumnRow}>
          <TextInput source="titleAr" validate={required()} />
          <TextInput source="titleEn" validate={required()} slotProps={ltr} />
          <TextInput source="introAr" multiline />
          <TextInput source="introEn" multiline slotProps={ltr} />
        </Box>

        <FormSection title="resources.surveys.sections.questions" />
        {locked && (
          <Alert severity="info" sx={{ mb: 1 }} data-testid="survey-locked">
            {translate(help("locked"))}
          </Alert>
        )}
        <QuestionEditor locked={locked} />

        <FormSection title="resources.surveys.sections.settings" />
        <Box sx={threeColumnRow}>
          <SelectInput
            source="kind"
            choices={enumChoices("survey_kind", surveyKinds)}
            validate={required()}
            readOnly={!!record?.id}
          />
          <NumberInput
            source="minimumGroupSize"
            validate={[required(), minValue(3), maxValue(100)]}
            helperText={help("minimumGroupSize")}
          />
          <NumberInput
            source="invitationValidDays"
            validate={[required(), minValue(1)]}
            helperText={help("invitationValidDays")}
          />
          <NumberInput
            source="inviteDelayHours"
            validate={[required(), minValue(0)]}
            helperText={help("inviteDelayHours")}
          />
          <RiyadhDateTimeInput source="activeFrom" format={riyadhFormat} parse={riyadhParse} />
          <RiyadhDateTimeInput source="activeUntil" format={riyadhFormat} parse={riyadhParse} />
        </Box>
        <BooleanInput source="active" />
        <BooleanInput source="anonymous" helperText={help("anonymous")} readOnly={locked} />
        <CheckboxGroupInput
          source="requestTypes"
          choices={enumChoices("request_type", requestTypeCodes)}
          helperText={help("requestTypes")}
        />
      </Box>
      <SurveyPreview />
    </Box>
  );
}
