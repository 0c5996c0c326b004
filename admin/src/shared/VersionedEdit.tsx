// The edit screen of a versioned record (a member, a user, a request type): saved
// pessimistically, so the API's field errors come back into the open form; what the user
// typed survives a change made elsewhere, and a save on a stale version is refused and
// told, never overwritten (KeepEditsForm).
import type { ReactNode } from "react";
import { Edit, type EditProps, SaveButton, Toolbar } from "react-admin";
import { KeepEditsForm } from "./KeepEditsForm.js";
import { useSaveErrors } from "./saveErrors.js";

export type VersionedEditProps = Omit<EditProps, "children" | "mutationMode"> & {
  /** The screen's inputs (its `<Entity>Inputs`). */
  children: ReactNode;
};

/** Save only: no record of ours can be deleted from its edit screen. */
export function VersionedEdit({ children, ...props }: VersionedEditProps) {
  const saveErrors = useSaveErrors();
  return (
    <Edit {...props} mutationMode="pessimistic" mutationOptions={{ onError: saveErrors.onError }}>
      <KeepEditsForm
        saveErrors={saveErrors}
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        {children}
      </KeepEditsForm>
    </Edit>
  );
}
