import { Create, SimpleForm } from "react-admin";
import { MemberInputs } from "./MemberInputs.js";

export function MemberCreate() {
  return (
    <Create redirect="show" mutationMode="pessimistic">
      <SimpleForm
        defaultValues={{ preferredChannel: "PHONE", preferredLanguage: "AR", consentGiven: false }}
      >
        <MemberInputs creating />
      </SimpleForm>
    </Create>
  );
}
