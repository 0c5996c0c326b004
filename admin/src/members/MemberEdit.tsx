import { Edit, SaveButton, SimpleForm, Toolbar } from "react-admin";
import { MemberInputs } from "./MemberInputs.js";

/** Pessimistic: the API's field errors come back into this form instead of after it closed. */
export function MemberEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <MemberInputs />
      </SimpleForm>
    </Edit>
  );
}
