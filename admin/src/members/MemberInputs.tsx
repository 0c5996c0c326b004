// The one form of a member, shared by create and edit. Most rules are the API's: its typed
// field errors appear under these inputs in the user's language.
import { Box } from "@mui/material";
import {
  BooleanInput,
  email,
  NumberInput,
  required,
  SelectInput,
  TextInput,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { ltrIsolate } from "../shared/bidi.js";
import { DualDateInput } from "../shared/DateFields.js";
import {
  channels,
  employmentStatuses,
  enumChoices,
  genders,
  languages,
  maritalStatuses,
  membershipStatuses,
} from "../shared/EnumField.js";
import { FormSection, threeColumnRow } from "../shared/FormLayout.js";

export function MemberInputs({ creating = false }: { creating?: boolean }) {
  const translate = useTranslate();
  const record = useRecordContext();
  const keep = (masked: unknown) =>
    creating
      ? undefined
      : translate("resources.members.personal.keep_hint", {
          masked: ltrIsolate(String(masked ?? "")),
        });
  const personalValidate = creating ? required() : undefined;

  return (
    <Box sx={{ width: "100%" }}>
      <FormSection title="resources.members.sections.identity" />
      <Box sx={threeColumnRow}>
        <TextInput source="fullNameAr" validate={required()} autoFocus={creating} />
        <TextInput source="fullNameEn" />
        <TextInput
          source="nationalId"
          validate={personalValidate}
          helperText={keep(record?.nationalIdMasked)}
          slotProps={{ htmlInput: { inputMode: "numeric", dir: "ltr", autoComplete: "off" } }}
        />
        <SelectInput source="gender" choices={enumChoices("gender", genders)} emptyText="" />
      </Box>
      <DualDateInput source="birthDate" resource="members" />

      <FormSection title="resources.members.sections.contact" />
      <Box sx={threeColumnRow}>
        <TextInput
          source="mobile"
          validate={personalValidate}
          helperText={keep(record?.mobileMasked)}
          slotProps={{ htmlInput: { inputMode: "tel", dir: "ltr", autoComplete: "off" } }}
        />
        {/* Checked by react-admin in the panel's language (the form is noValidate: no
            browser bubble in English). */}
        <TextInput
          source="email"
          type="email"
          validate={email()}
          slotProps={{ htmlInput: { dir: "ltr" } }}
        />
        <TextInput source="city" validate={required()} />
        <TextInput source="district" />
        <SelectInput source="preferredChannel" choices={enumChoices("channel", channels)} />
        <SelectInput source="preferredLanguage" choices={enumChoices("language", languages)} />
      </Box>

      <FormSection title="resources.members.sections.household" />
      <Box sx={threeColumnRow}>
        <NumberInput source="familySize" min={1} max={50} />
        <NumberInput
          source="monthlyIncome"
          min={0}
          helperText={creating ? undefined : record?.hasMonthlyIncome ? keep("•••") : undefined}
        />
        <SelectInput
          source="maritalStatus"
          choices={enumChoices("marital", maritalStatuses)}
          emptyText=""
        />
        <SelectInput
          source="employmentStatus"
          choices={enumChoices("employment", employmentStatuses)}
          emptyText=""
        />
      </Box>

      <FormSection title="resources.members.sections.membership" />
      {creating ? (
        <BooleanInput source="consentGiven" validate={required()} />
      ) : (
        <Box sx={threeColumnRow}>
          <SelectInput
            source="status"
            choices={enumChoices("status", membershipStatuses)}
            validate={required()}
          />
        </Box>
      )}
    </Box>
  );
}
