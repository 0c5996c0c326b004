// What the request still lacks by its rules: the API's own list (`Request.gaps`, the gaps
// submitting would report), read again whenever the case file is.
import { Alert, List, ListItem, ListItemText, Typography } from "@mui/material";
import { useTranslate } from "react-admin";
import { useEnumLabel } from "../shared/EnumField.js";
import type { CaseRequest, RequestGap } from "./CaseRequest.js";
import { requiredFieldLabel } from "./requiredFields.js";

export function CompletenessPanel({ request }: { request: CaseRequest }) {
  const translate = useTranslate();
  const kind = useEnumLabel("document_kind");
  const gaps = request.gaps ?? [];
  // The kinds the panel words itself (with the field's or document's label); any other gap
  // (e.g. invalid member data) in the API's own words.
  const gapText = (g: RequestGap) =>
    g.kind === "MISSING_FIELD"
      ? translate("resources.requests.wizard.missing_field", {
          name: requiredFieldLabel(translate, g.name),
        })
      : g.kind === "MISSING_DOCUMENT"
        ? translate("resources.requests.wizard.missing_document", { name: kind(g.name) })
        : g.kind === "UNSIGNED_ATTESTATION"
          ? translate("resources.requests.wizard.missing_attestation")
          : g.kind === "STALE_ATTESTATION"
            ? translate("resources.requests.wizard.stale_attestation")
            : g.message;
  if (!gaps.length)
    return (
      <Alert severity="success" data-testid="completeness" data-gaps="0">
        {translate("resources.requests.wizard.complete")}
      </Alert>
    );
  return (
    <Alert severity="warning" data-testid="completeness" data-gaps={gaps.length}>
      <Typography sx={{ fontWeight: 600 }}>
        {translate("resources.requests.wizard.missing")}
      </Typography>
      <List dense disablePadding>
        {gaps.map((g) => (
          <ListItem key={`${g.kind}-${g.name}`} disableGutters data-testid="completeness-gap">
            <ListItemText primary={gapText(g)} />
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}
