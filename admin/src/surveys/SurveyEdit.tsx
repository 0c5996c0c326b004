// Creating a survey (with one rating question to start from) and editing one; both return
// to the list when saved.
import { Create, type EditProps, SimpleForm } from "react-admin";
import { useSaveErrorNotifier } from "../shared/saveErrors.js";
import { VersionedEdit } from "../shared/VersionedEdit.js";
import { SurveyInputs } from "./SurveyInputs.js";

const newSurvey = {
  kind: "CSAT",
  anonymous: true,
  active: true,
  minimumGroupSize: 5,
  invitationValidDays: 14,
  inviteDelayHours: 0,
  requestTypes: [],
  questions: [{ type: "RATING", required: true, textAr: "", textEn: "" }],
};

export function SurveyCreate() {
  const onError = useSaveErrorNotifier();
  return (
    <Create redirect="list" mutationOptions={{ onError }}>
      <SimpleForm defaultValues={newSurvey}>
        <SurveyInputs />
      </SimpleForm>
    </Create>
  );
}

export function SurveyEdit(props: Omit<EditProps, "children">) {
  return (
    <VersionedEdit {...props} redirect="list">
      <SurveyInputs />
    </VersionedEdit>
  );
}
