// The case file's research reports: the assigned researcher's form (a draft, then submitted
// for good) and the reports the caller may read.
import { Box, Button, Chip, MenuItem, Paper, TextField, Typography } from "@mui/material";
import { useState } from "react";
import { useCanAccess, useDataProvider, useNotify, useTranslate } from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
import { DualDate } from "../shared/DateFields.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { useCaseFileCommand } from "./ActionButtons.js";
import type { CaseRequest } from "./CaseRequest.js";
import { RequestErrorAlert } from "./RequestFields.js";

const riyadhToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Riyadh" }).format(new Date());

/** The assigned researcher's report: a draft to save and change, then submit (final). */
function ResearchReportForm({
  request,
  draft,
}: {
  request: CaseRequest;
  draft?: NonNullable<CaseRequest["researchReports"]>[number] & { version?: number };
}) {
  const translate = useTranslate();
  const recommendation = useEnumLabel("recommendation");
  const visit = useEnumLabel("visit_kind");
  const notify = useNotify();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const { busy, error, run } = useCaseFileCommand();
  const [values, setValues] = useState({
    visitKind: draft?.visitKind ?? "HOME_VISIT",
    visitDate: draft?.visitDate ?? riyadhToday(),
    recommendation: draft?.recommendation ?? "APPROVE",
    findings: draft?.findings ?? "",
  });
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const save = (submit: boolean) =>
    run(async () => {
      const saved = await dataProvider.saveResearchReport({
        request: request.id,
        ...(draft?.version ? { version: draft.version } : {}),
        ...values,
      });
      if (submit) await dataProvider.submitResearchReport(saved);
      notify(
        submit ? "resources.requests.research.submitted_ok" : "resources.requests.research.saved",
        { type: "success" },
      );
    });
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="research-form">
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 2 }}>
        {translate("resources.requests.research.write")}
      </Typography>
      <Box
        sx={{ display: "grid", gap: 2, gridTemplateColumns: { xs: "1fr", md: "repeat(3, 1fr)" } }}
      >
        <TextField
          select
          label={translate("resources.requests.research.visit_kind")}
          value={values.visitKind}
          onChange={set("visitKind")}
        >
          {["HOME_VISIT", "OFFICE_INTERVIEW", "PHONE_INTERVIEW"].map((k) => (
            <MenuItem key={k} value={k}>
              {visit(k)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          type="date"
          label={translate("resources.requests.research.visit_date")}
          value={values.visitDate}
          onChange={set("visitDate")}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          select
          label={translate("resources.requests.research.recommendation")}
          value={values.recommendation}
          onChange={set("recommendation")}
        >
          {["APPROVE", "REJECT", "NEEDS_MORE"].map((k) => (
            <MenuItem key={k} value={k}>
              {recommendation(k)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <TextField
        fullWidth
        multiline
        minRows={4}
        name="findings"
        sx={{ mt: 2 }}
        label={translate("resources.requests.research.findings")}
        value={values.findings}
        onChange={set("findings")}
      />
      <Typography variant="caption" color="text.secondary" sx={{ display: "block", my: 1 }}>
        {translate("resources.requests.research.submit_hint")}
      </Typography>
      <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }}>
        <Button
          variant="outlined"
          disabled={busy || !values.findings.trim()}
          onClick={() => void save(false)}
        >
          {translate("resources.requests.research.save")}
        </Button>
        <Button
          variant="contained"
          data-testid="research-submit"
          disabled={busy || !values.findings.trim()}
          onClick={() => void save(true)}
        >
          {translate("resources.requests.research.submit")}
        </Button>
      </Box>
      <RequestErrorAlert error={error} />
    </Paper>
  );
}

export function ResearchPanel({ request }: { request: CaseRequest }) {
  const translate = useTranslate();
  const recommendation = useEnumLabel("recommendation");
  const visit = useEnumLabel("visit_kind");
  const { canAccess: writes } = useCanAccess({ resource: "researchReports", action: "write" });
  const reports = request.researchReports ?? [];
  // A draft in the list is the caller's own (others' drafts are not shown to them); once a
  // report is submitted the case waits for staff, and there is nothing more to write.
  const draft = reports.find((r) => !r.submitted);
  const form =
    writes && request.status === "WITH_RESEARCHER" && !reports.some((r) => r.submitted) ? (
      <ResearchReportForm key={String(request.version)} request={request} draft={draft} />
    ) : null;
  if (!reports.length)
    return (
      <Box sx={{ width: "100%" }}>
        <Typography sx={{ p: 2, color: "text.secondary" }}>
          {translate("resources.requests.research.none")}
        </Typography>
        {form}
      </Box>
    );
  return (
    <Box sx={{ display: "flex", flexDirection: "column", gap: 2, width: "100%" }}>
      {form}
      {reports.map((r) => (
        <Paper key={r.id} variant="outlined" sx={{ p: 2 }}>
          <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap", alignItems: "center", mb: 1 }}>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
              {r.researcherName}
            </Typography>
            <Chip
              size="small"
              label={translate(
                r.submitted
                  ? "resources.requests.research.submitted"
                  : "resources.requests.research.draft",
              )}
              color={r.submitted ? "success" : "default"}
            />
            <Chip size="small" variant="outlined" label={visit(r.visitKind)} />
            <DualDate value={r.visitDate} />
          </Box>
          <Typography variant="caption" color="text.secondary">
            {translate("resources.requests.research.recommendation")}
          </Typography>
          <Typography sx={{ mb: 1 }}>{recommendation(r.recommendation)}</Typography>
          <Typography variant="caption" color="text.secondary">
            {translate("resources.requests.research.findings")}
          </Typography>
          <Typography sx={{ whiteSpace: "pre-wrap" }}>{r.findings}</Typography>
        </Paper>
      ))}
    </Box>
  );
}
