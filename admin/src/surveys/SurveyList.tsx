// The surveys, newest first: kind, anonymity, whether they take answers, and how many
// answers they have. A row opens the figures; admins also get the edit button.
import {
  BooleanField,
  CreateButton,
  Datagrid,
  EditButton,
  FunctionField,
  List,
  NumberField,
  TextField,
  TopToolbar,
  useCanAccess,
} from "react-admin";
import { EnumField } from "../shared/EnumField.js";

type SurveyRow = { id: string; titleEn: string; responseCount: number };

function ListActions() {
  const { canAccess } = useCanAccess({ resource: "surveys", action: "create" });
  return <TopToolbar>{canAccess && <CreateButton />}</TopToolbar>;
}

export function SurveyList() {
  const { canAccess: edits } = useCanAccess({ resource: "surveys", action: "edit" });
  return (
    <List perPage={25} exporter={false} actions={<ListActions />}>
      <Datagrid rowClick="show" bulkActionButtons={false} data-testid="surveys-grid">
        <TextField source="titleAr" sortable={false} />
        <FunctionField
          source="titleEn"
          sortable={false}
          render={(r: SurveyRow) => <span dir="ltr">{r.titleEn}</span>}
        />
        <EnumField source="kind" group="survey_kind" sortable={false} />
        <BooleanField source="anonymous" sortable={false} />
        <BooleanField source="active" sortable={false} />
        <FunctionField
          source="responseCount"
          sortable={false}
          render={(r: SurveyRow) => (
            <span data-testid="survey-response-count" data-survey={r.id}>
              <NumberField source="responseCount" />
            </span>
          )}
        />
        {edits && <EditButton />}
      </Datagrid>
    </List>
  );
}
