// An article's Markdown as readers will see it: the same safe renderer as the public page
// (contract/markdown.ts escapes every character of the source, so the HTML it returns holds
// only the tags it writes itself).
import { Box } from "@mui/material";
import { renderMarkdown } from "../../../contract/markdown.js";

export function MarkdownPreview({ markdown, dir }: { markdown: string; dir: "rtl" | "ltr" }) {
  return (
    <Box
      dir={dir}
      data-testid="article-preview"
      sx={{
        border: 1,
        borderColor: "divider",
        borderRadius: 1,
        p: 2,
        minHeight: 120,
        "& h2": { fontSize: "1.2rem" },
        "& blockquote": { borderInlineStart: 4, borderColor: "primary.main", m: 0, pl: 1.5 },
      }}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the contract's renderer escapes the source first
      dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }}
    />
  );
}
