import { Box } from "@mui/material";
import {
  BooleanInput,
  CheckboxGroupInput,
  email,
  PasswordInput,
  required,
  SelectInput,
  TextInput,
  useTranslate,
} from "react-admin";
import { roles } from "../providers/canAccess.js";
import { enumChoices, languages } from "../shared/EnumField.js";
import { twoColumnRow } from "../shared/FormLayout.js";

export function UserInputs({ creating = false }: { creating?: boolean }) {
  const translate = useTranslate();
  return (
    <Box sx={{ width: "100%" }}>
      <Box sx={twoColumnRow}>
        <TextInput source="fullName" validate={required()} autoFocus />
        <TextInput
          source="email"
          type="email"
          validate={creating ? [required(), email()] : undefined}
          disabled={!creating}
          slotProps={{ htmlInput: { dir: "ltr" } }}
        />
        <PasswordInput
          source="password"
          validate={creating ? required() : undefined}
          helperText={creating ? undefined : translate("resources.users.password_hint")}
          autoComplete="new-password"
        />
        <SelectInput source="language" choices={enumChoices("language", languages)} />
      </Box>
      <CheckboxGroupInput
        source="roles"
        choices={enumChoices("role", roles)}
        validate={required()}
      />
      <BooleanInput source="personalDataAccess" />
      {!creating && <BooleanInput source="disabled" />}
    </Box>
  );
}
