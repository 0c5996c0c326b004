import { Create, SimpleForm } from "react-admin";
import { useSaveErrorNotifier } from "../shared/saveErrors.js";
import { ArticleInputs } from "./ArticleInputs.js";

/** A new article starts as a draft for staff; saved, it opens in its editor to be published. */
export function ArticleCreate() {
  const onError = useSaveErrorNotifier();
  return (
    <Create redirect="edit" mutationMode="pessimistic" mutationOptions={{ onError }}>
      <SimpleForm defaultValues={{ audience: "STAFF" }}>
        <ArticleInputs />
      </SimpleForm>
    </Create>
  );
}
