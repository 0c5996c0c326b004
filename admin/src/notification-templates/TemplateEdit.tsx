// An admin edits a template's Arabic and English texts: the placeholders its event fills are
// listed, the API refuses an unknown one by name (under its input), a live preview renders
// the texts on a real request as its member would receive them, and the versions before
// each edit are listed below.
import {
  Alert,
  Box,
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from "@mui/material";
import { useEffect, useState } from "react";
import {
  AutocompleteInput,
  type EditProps,
  ReferenceInput,
  TextInput,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { useWatch } from "react-hook-form";
import type { WaslDataProvider } from "../dataProvider/index.js";
import type { TemplatePreview } from "../dataProvider/outbox.js";
import { DualDate } from "../shared/DateFields.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { VersionedEdit } from "../shared/VersionedEdit.js";

type TemplateRecord = {
  id: string;
  event: string;
  channel: string;
  placeholders: string[];
  versions: { version: number; subjectAr: string; bodyAr: string; createdAt: string }[];
};

function Heading() {
  const record = useRecordContext<TemplateRecord>();
  const translate = useTranslate();
  const event = useEnumLabel("notification_event");
  const channel = useEnumLabel("notification_channel");
  if (!record) return null;
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="h6">
        {event(record.event)} · {channel(record.channel)}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate("resources.notificationTemplates.placeholders")}
      </Typography>
      <Box sx={{ display: "flex", gap: 0.5, flexWrap: "wrap", mt: 0.5 }} dir="ltr">
        {record.placeholders.map((name) => (
          <Chip key={name} size="small" label={`{{${name}}}`} data-testid="template-placeholder" />
        ))}
      </Box>
    </Box>
  );
}

/** The texts as typed, rendered on the chosen request, a moment after typing stops. */
function Preview() {
  const record = useRecordContext<TemplateRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const [language, setLanguage] = useState<"AR" | "EN">("AR");
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [request, subjectAr, subjectEn, bodyAr, bodyEn] = useWatch({
    name: ["previewRequest", "subjectAr", "subjectEn", "bodyAr", "bodyEn"],
  }) as string[];
  const subject = language === "AR" ? subjectAr : subjectEn;
  const body = language === "AR" ? bodyAr : bodyEn;
  useEffect(() => {
    if (!record || !request) return;
    let current = true;
    const timer = setTimeout(() => {
      dataProvider
        .previewTemplate({
          event: record.event,
          channel: record.channel,
          language,
          subject: subject ?? "",
          body: body ?? "",
          request,
        })
        .then((rendered) => {
          if (!current) return;
          setPreview(rendered);
          setProblem(null);
        })
        .catch((error: Error) => {
          if (current) setProblem(error.message);
        });
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [dataProvider, record, request, language, subject, body]);
  return (
    <Box sx={{ mt: 2, width: "100%" }}>
      <Typography variant="subtitle1">
        {translate("resources.notificationTemplates.preview")}
      </Typography>
      <Box sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
        <ReferenceInput source="previewRequest" reference="requests">
          <AutocompleteInput
            label="resources.notificationTemplates.preview_request"
            optionText={(r: { reference?: string; subject?: string }) =>
              `${r.reference ?? ""} ${r.subject ?? ""}`
            }
            filterToQuery={(q: string) => ({ q })}
            sx={{ minWidth: 320 }}
          />
        </ReferenceInput>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={language}
          onChange={(_, value) => value && setLanguage(value)}
        >
          <ToggleButton value="AR">العربية</ToggleButton>
          <ToggleButton value="EN">English</ToggleButton>
        </ToggleButtonGroup>
      </Box>
      {!request && (
        <Typography color="text.secondary">
          {translate("resources.notificationTemplates.preview_hint")}
        </Typography>
      )}
      {problem && <Alert severity="warning">{problem}</Alert>}
      {request && preview && !problem && (
        <Paper variant="outlined" sx={{ p: 2, mt: 1 }} data-testid="template-preview">
          {preview.html ? (
            <Box
              component="iframe"
              title={preview.subject}
              sandbox=""
              srcDoc={preview.html}
              sx={{ width: "100%", height: 320, border: 0 }}
            />
          ) : (
            <Box dir="auto" sx={{ whiteSpace: "pre-wrap" }}>
              {preview.body}
            </Box>
          )}
        </Paper>
      )}
    </Box>
  );
}

function Versions() {
  const record = useRecordContext<TemplateRecord>();
  const translate = useTranslate();
  if (!record?.versions.length) return null;
  return (
    <Box sx={{ mt: 3, width: "100%" }}>
      <Typography variant="subtitle1">
        {translate("resources.notificationTemplates.versions")}
      </Typography>
      <Table size="small" data-testid="template-versions">
        <TableHead>
          <TableRow>
            <TableCell>{translate("resources.notificationTemplates.fields.version")}</TableCell>
            <TableCell>{translate("resources.notificationTemplates.written")}</TableCell>
            <TableCell>{translate("resources.notificationTemplates.fields.bodyAr")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {record.versions.map((version) => (
            <TableRow key={version.version}>
              <TableCell>{version.version}</TableCell>
              <TableCell>
                <DualDate value={version.createdAt} withTime />
              </TableCell>
              <TableCell sx={{ whiteSpace: "pre-wrap" }}>{version.bodyAr}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

export function TemplateEdit(props: Omit<EditProps, "children">) {
  return (
    <VersionedEdit {...props} redirect={false} actions={false}>
      <Heading />
      <TextInput source="subjectAr" fullWidth />
      <TextInput source="bodyAr" multiline minRows={4} fullWidth />
      <TextInput source="subjectEn" fullWidth dir="ltr" />
      <TextInput source="bodyEn" multiline minRows={4} fullWidth dir="ltr" />
      <Preview />
      <Versions />
    </VersionedEdit>
  );
}
