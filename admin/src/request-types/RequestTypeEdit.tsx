import type { EditProps } from "react-admin";
import { VersionedEdit } from "../shared/VersionedEdit.js";
import { RequestTypeInputs } from "./RequestTypeInputs.js";

/** An admin's screen; saved, it returns to the list of types. */
export function RequestTypeEdit(props: Omit<EditProps, "children">) {
  return (
    <VersionedEdit {...props} redirect="list" actions={false}>
      <RequestTypeInputs />
    </VersionedEdit>
  );
}
