// Registering a letter: its direction, date, correspondent and subject; the member or request
// it concerns (logged on their communications); an outgoing letter's text, typed or written
// from a template; its scan (PDF or image), for a letter with or without a member. The API
// gives it the next number of its Hijri year.
import {
  AutocompleteInput,
  Create,
  DateInput,
  FileField,
  FileInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from "react-admin";
import { useWatch } from "react-hook-form";
import { notificationEvents } from "../outbox/values.js";
import { enumChoices } from "../shared/EnumField.js";

function OutgoingInputs() {
  const direction = useWatch({ name: "direction" });
  if (direction !== "OUTGOING") return null;
  return (
    <>
      <SelectInput
        source="template"
        choices={enumChoices("notification_event", notificationEvents)}
        helperText="resources.letters.template_hint"
      />
      <TextInput source="body" multiline minRows={6} fullWidth />
    </>
  );
}

export function LetterCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <SelectInput
          source="direction"
          validate={required()}
          choices={enumChoices("letter_direction", ["INCOMING", "OUTGOING"])}
        />
        <DateInput source="letterDate" />
        <TextInput source="correspondent" validate={required()} fullWidth />
        <TextInput source="subject" validate={required()} fullWidth />
        <ReferenceInput source="member" reference="members">
          <AutocompleteInput
            optionText="fullNameAr"
            filterToQuery={(search: string) => ({ search })}
          />
        </ReferenceInput>
        <ReferenceInput source="request" reference="requests">
          <AutocompleteInput
            optionText={(r: { reference?: string; subject?: string }) =>
              `${r.reference ?? ""} ${r.subject ?? ""}`
            }
            filterToQuery={(q: string) => ({ q })}
          />
        </ReferenceInput>
        <OutgoingInputs />
        <FileInput
          source="scan"
          accept={{
            "application/pdf": [".pdf"],
            "image/jpeg": [".jpg", ".jpeg"],
            "image/png": [".png"],
          }}
          helperText="resources.letters.scan_hint"
        >
          <FileField source="src" title="title" />
        </FileInput>
      </SimpleForm>
    </Create>
  );
}
