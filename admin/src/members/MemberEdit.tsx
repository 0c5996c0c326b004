import type { EditProps } from "react-admin";
import { VersionedEdit } from "../shared/VersionedEdit.js";
import { MemberInputs } from "./MemberInputs.js";

/** Saved, it opens the member's file. */
export function MemberEdit(props: Omit<EditProps, "children">) {
  return (
    <VersionedEdit {...props} redirect="show">
      <MemberInputs />
    </VersionedEdit>
  );
}
