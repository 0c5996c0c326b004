import { Create, SimpleForm } from "react-admin";
import { MemberInputs } from "./MemberInputs.js";

export function MemberCreate() {
  return (
    <Create redirect="show" mutationMode="pessimistic">
      <SimpleForm
        noValidate
        defaultValues={{ preferredChannel: "PHONE", preferredLanguage: "AR", consentGiven: false }}
      >
        <MemberInputs creating />
      </SimpleForm>
    </Create>
  );
}
