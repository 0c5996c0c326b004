// An article's inputs: its category, audience and address, then its Arabic and English
// versions side by side in tabs, each with «preview» showing the Markdown as rendered. The API
// has the last word (its field errors appear under these inputs).
import { Box, Tab, Tabs, ToggleButton, ToggleButtonGroup } from "@mui/material";
import { useState } from "react";
import { required, SelectInput, TextInput, useTranslate } from "react-admin";
import { useWatch } from "react-hook-form";
import { articleAudiences, articleCategories } from "../../../contract/knowledge.js";
import { enumChoices } from "../shared/EnumField.js";
import { MarkdownPreview } from "./MarkdownPreview.js";

function Version({ language }: { language: "Ar" | "En" }) {
  const translate = useTranslate();
  const [mode, setMode] = useState<"edit" | "preview">("edit");
  const body = useWatch({ name: `body${language}` }) as string | null | undefined;
  const dir = language === "Ar" ? "rtl" : "ltr";
  const isArabic = language === "Ar";
  return (
    <Box dir={dir} sx={{ width: "100%" }}>
      <TextInput
        source={`title${language}`}
        validate={isArabic ? required() : undefined}
        fullWidth
      />
      <ToggleButtonGroup
        size="small"
        exclusive
        value={mode}
        onChange={(_e, value) => value && setMode(value)}
        sx={{ mb: 1 }}
      >
        <ToggleButton value="edit">{translate("resources.articles.edit_text")}</ToggleButton>
        <ToggleButton value="preview" data-testid={`article-preview-${language}`}>
          {translate("resources.articles.preview")}
        </ToggleButton>
      </ToggleButtonGroup>
      {/* Hidden, not unmounted: the form keeps the body and its errors while previewing. */}
      <Box sx={{ display: mode === "edit" ? "block" : "none" }}>
        <TextInput
          source={`body${language}`}
          validate={isArabic ? required() : undefined}
          multiline
          minRows={10}
          fullWidth
          helperText="resources.articles.helpers.body"
        />
      </Box>
      {mode === "preview" && <MarkdownPreview markdown={body ?? ""} dir={dir} />}
    </Box>
  );
}

export function ArticleInputs() {
  const translate = useTranslate();
  const [tab, setTab] = useState(0);
  return (
    <Box sx={{ width: "100%" }} data-testid="article-inputs">
      <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap" }}>
        <SelectInput
          source="category"
          choices={enumChoices("article_category", articleCategories)}
          validate={required()}
        />
        <SelectInput
          source="audience"
          choices={enumChoices("article_audience", articleAudiences)}
          validate={required()}
        />
        <TextInput
          source="slug"
          helperText="resources.articles.helpers.slug"
          sx={{ minWidth: 280 }}
        />
      </Box>
      <Tabs value={tab} onChange={(_e, value: number) => setTab(value)} sx={{ mb: 2 }}>
        <Tab label={translate("resources.articles.tabs.arabic")} />
        <Tab
          label={translate("resources.articles.tabs.english")}
          data-testid="article-tab-english"
        />
      </Tabs>
      <Box sx={{ display: tab === 0 ? "block" : "none" }}>
        <Version language="Ar" />
      </Box>
      <Box sx={{ display: tab === 1 ? "block" : "none" }}>
        <Version language="En" />
      </Box>
    </Box>
  );
}
