// The articles, searchable in Arabic (hamza forms, ta marbuta, diacritics ignored; best
// matches first, title matches before body ones) and filtered by category, audience and
// status. A row opens its editor.
import {
  CreateButton,
  Datagrid,
  FilterButton,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useTranslate,
} from "react-admin";
import {
  articleAudiences,
  articleCategories,
  articleStatuses,
} from "../../../contract/knowledge.js";
import { DualDateField } from "../shared/DateFields.js";
import { EnumField, enumChoices } from "../shared/EnumField.js";

function useFilters() {
  const translate = useTranslate();
  return [
    <SearchInput
      key="q"
      source="q"
      alwaysOn
      placeholder={translate("resources.articles.fields.q")}
      helperText={translate("resources.articles.helpers.search")}
      data-testid="article-search"
    />,
    <SelectInput
      key="category"
      source="category"
      choices={enumChoices("article_category", articleCategories)}
    />,
    <SelectInput
      key="audience"
      source="audience"
      choices={enumChoices("article_audience", articleAudiences)}
    />,
    <SelectInput
      key="status"
      source="status"
      choices={enumChoices("article_status", articleStatuses)}
    />,
  ];
}

function ListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton />
    </TopToolbar>
  );
}

export function ArticleList() {
  return (
    <List filters={useFilters()} actions={<ListActions />} exporter={false} sort={undefined}>
      <Datagrid rowClick="edit" bulkActionButtons={false} data-testid="articles-grid">
        <TextField source="titleAr" sortable={false} />
        <EnumField source="category" group="article_category" sortable={false} />
        <EnumField source="audience" group="article_audience" sortable={false} />
        <EnumField source="status" group="article_status" chip sortable={false} />
        <DualDateField source="updatedAt" />
      </Datagrid>
    </List>
  );
}
