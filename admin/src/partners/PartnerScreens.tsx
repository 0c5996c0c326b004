// Partner systems (الجهات الشريكة): the list, registering one, and its edit screen with its
// API keys below the form (ApiKeys.tsx).
import { Box } from "@mui/material";
import {
  BooleanField,
  BooleanInput,
  Create,
  type EditProps,
  email,
  List,
  required,
  SimpleForm,
  TextField,
  TextInput,
  useTranslate,
} from "react-admin";
import { DualDateField } from "../shared/DateFields.js";
import { twoColumnRow } from "../shared/FormLayout.js";
import { RecordLink, ResponsiveGrid } from "../shared/Responsive.js";
import { VersionedEdit } from "../shared/VersionedEdit.js";
import { ApiKeys } from "./ApiKeys.js";

const ltr = { htmlInput: { dir: "ltr" } };

function PartnerInputs({ creating = false }: { creating?: boolean }) {
  const translate = useTranslate();
  return (
    <Box sx={{ width: "100%" }}>
      <Box sx={twoColumnRow}>
        <TextInput source="nameAr" validate={required()} autoFocus />
        <TextInput source="name" validate={required()} slotProps={ltr} />
        <TextInput source="contactName" />
        <TextInput
          source="contactEmail"
          type="email"
          validate={[required(), email()]}
          slotProps={ltr}
        />
        <TextInput source="contactPhone" slotProps={ltr} />
      </Box>
      {!creating && (
        <BooleanInput source="active" helperText={translate("resources.partners.inactive_hint")} />
      )}
    </Box>
  );
}

export function PartnerList() {
  return (
    <List perPage={25}>
      <ResponsiveGrid
        link="edit"
        data-testid="partners-grid"
        card={{
          primary: (p) => p.nameAr,
          secondary: (p) => <bdi dir="ltr">{p.name}</bdi>,
          tertiary: (p) => <bdi dir="ltr">{p.contactEmail}</bdi>,
        }}
      >
        <RecordLink source="nameAr" link="edit" sortable={false}>
          {(p) => p.nameAr}
        </RecordLink>
        <TextField source="name" sortable={false} />
        <TextField source="contactEmail" sortable={false} />
        <BooleanField source="active" sortable={false} />
        <DualDateField source="createdAt" sortable={false} />
      </ResponsiveGrid>
    </List>
  );
}

export function PartnerCreate() {
  return (
    <Create redirect="edit" mutationMode="pessimistic">
      <SimpleForm noValidate>
        <PartnerInputs creating />
      </SimpleForm>
    </Create>
  );
}

export function PartnerEdit(props: Omit<EditProps, "children">) {
  return (
    <VersionedEdit {...props} redirect={false} aside={undefined}>
      <PartnerInputs />
      <ApiKeys />
    </VersionedEdit>
  );
}
