import { Chip, Stack } from "@mui/material";
import {
  BooleanField,
  Create,
  type EditProps,
  EmailField,
  List,
  SimpleForm,
  useRecordContext,
} from "react-admin";
import { DualDateField } from "../shared/DateFields.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { RecordLink, ResponsiveGrid } from "../shared/Responsive.js";
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
      <ResponsiveGrid
        link="edit"
        data-testid="users-grid"
        card={{
          primary: (u) => u.fullName,
          secondary: (u) => <bdi dir="ltr">{u.email}</bdi>,
          tertiary: () => <RolesField />,
        }}
      >
        <RecordLink source="fullName" link="edit" sortable={false}>
          {(u) => u.fullName}
        </RecordLink>
        <EmailField source="email" sortable={false} />
        <RolesField label="resources.users.fields.roles" />
        <BooleanField source="personalDataAccess" sortable={false} />
        <BooleanField source="disabled" sortable={false} />
        <DualDateField source="lastSignInAt" withTime sortable={false} />
      </ResponsiveGrid>
    </List>
  );
}

export function UserCreate() {
  return (
    <Create redirect="list" mutationMode="pessimistic">
      <SimpleForm
        noValidate
        defaultValues={{ roles: ["STAFF"], language: "AR", personalDataAccess: false }}
      >
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
