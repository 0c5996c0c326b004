import { Chip, Stack } from "@mui/material";
import {
  BooleanField,
  Create,
  Datagrid,
  type EditProps,
  EmailField,
  List,
  SimpleForm,
  TextField,
  useRecordContext,
} from "react-admin";
import { DualDateField } from "../shared/DateFields.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { VersionedEdit } from "../shared/VersionedEdit.js";
import { UserInputs } from "./UserInputs.js";

function RolesField(_props: { label?: string }) {
  const record = useRecordContext();
  const label = useEnumLabel("role");
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: "wrap" }}>
      {((record?.roles as string[] | undefined) ?? []).map((role) => (
        <Chip key={role} size="small" label={label(role)} />
      ))}
    </Stack>
  );
}

export function UserList() {
  return (
    <List perPage={25} sort={{ field: "fullName", order: "ASC" }}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="fullName" sortable={false} />
        <EmailField source="email" sortable={false} />
        <RolesField label="resources.users.fields.roles" />
        <BooleanField source="personalDataAccess" sortable={false} />
        <BooleanField source="disabled" sortable={false} />
        <DualDateField source="lastSignInAt" withTime sortable={false} />
      </Datagrid>
    </List>
  );
}

export function UserCreate() {
  return (
    <Create redirect="list" mutationMode="pessimistic">
      <SimpleForm defaultValues={{ roles: ["STAFF"], language: "AR", personalDataAccess: false }}>
        <UserInputs creating />
      </SimpleForm>
    </Create>
  );
}

export function UserEdit(props: Omit<EditProps, "children">) {
  return (
    <VersionedEdit {...props} redirect="list">
      <UserInputs />
    </VersionedEdit>
  );
}
