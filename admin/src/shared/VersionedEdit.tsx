// The edit screen of a versioned record (a member, a user, a request type): saved
// pessimistically, so the API's field errors come back into the open form, and a failed save
// is told one way everywhere (`useSaveErrorNotifier`): a conflict (someone saved the record
// since it was read: the version sent is stale) is told, not overwritten.
import type { ReactNode } from "react";
import { Edit, type EditProps, SaveButton, SimpleForm, Toolbar } from "react-admin";
import { useSaveErrorNotifier } from "./saveErrors.js";

export type VersionedEditProps = Omit<EditProps, "children" | "mutationMode"> & {
  /** The screen's inputs (its `<Entity>Inputs`). */
  children: ReactNode;
};

/** Save only: no record of ours can be deleted from its edit screen. */
export function VersionedEdit({ children, ...props }: VersionedEditProps) {
  const onError = useSaveErrorNotifier();
  return (
    <Edit {...props} mutationMode="pessimistic" mutationOptions={{ onError }}>
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        {children}
      </SimpleForm>
    </Edit>
  );
}
