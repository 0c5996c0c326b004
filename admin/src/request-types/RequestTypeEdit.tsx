import { Edit, type EditProps, SaveButton, SimpleForm, Toolbar } from "react-admin";
import { useSaveErrorNotifier } from "../shared/saveErrors.js";
import { RequestTypeInputs } from "./RequestTypeInputs.js";

/**
 * Pessimistic: the API's field errors come back into this form, and a conflict (someone
 * saved the type since it was read: the version sent is stale) is told, not overwritten.
 */
export function RequestTypeEdit(props: Omit<EditProps, "children">) {
  const onError = useSaveErrorNotifier();
  return (
    <Edit
      {...props}
      mutationMode="pessimistic"
      redirect="list"
      mutationOptions={{ onError }}
      actions={false}
    >
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <RequestTypeInputs />
      </SimpleForm>
    </Edit>
  );
}
