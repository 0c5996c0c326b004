// The parts of a request's case file, each given the request as read (the case file and the
// intake wizard share them): documents (upload, preview through the authorised download
// route, verify or reject with a reason), the attestation (recorded in person, or a signing
// link sent to the member), research reports, the timeline, and what is still missing by the
// request's rules.
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from "@mui/material";
import { useState } from "react";
import {
  useCanAccess,
  useDataProvider,
  useGetOne,
  useLocaleState,
  useNotify,
  useTranslate,
} from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
import type { DocumentRecord } from "../dataProvider/requests.js";
import { DualDate } from "../shared/DateFields.js";
import { formatGregorian, formatHijri } from "../shared/dates.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { useRefreshRequests } from "./ActionButtons.js";
import { documentKinds, ErrorListAlert, errorParts, RequestErrorAlert } from "./RequestFields.js";
import { requiredFieldLabel } from "./requiredFields.js";

export type CaseRequest = {
  id: string;
  version: number;
  reference?: string | null;
  status: string;
  editable?: boolean;
  member?: { id: string; memberNumber?: string; fullNameAr?: string };
  rules?: {
    attestationRequired: boolean;
    committeeDecides: boolean;
    involvesMoney: boolean;
    requiredDocumentKinds: string[];
    requiredFields: string[];
  };
  attestation?: {
    status: string;
    required: boolean;
    stale: boolean;
    method: string | null;
    signedAt: string | null;
    recordedByName: string | null;
    text: string | null;
    version: number | null;
  };
  documents?: DocumentRecord[];
  researchReports?: {
    id: string;
    researcherName: string;
    visitKind: string;
    visitDate: string;
    findings: string;
    recommendation: string;
    submitted: boolean;
    submittedAt: string | null;
    version: number;
  }[];
  timeline?: {
    edges: {
      node: {
        id: string;
        kind: string;
        fromStatus: string | null;
        toStatus: string | null;
        note: string | null;
        actorName: string | null;
        at: string;
      };
    }[];
  };
} & Record<string, unknown>;

const openStatuses = new Set([
  "DRAFT",
  "SUBMITTED",
  "NEEDS_INFO",
  "WITH_RESEARCHER",
  "IN_PROGRESS",
]);

// ── Documents ────────────────────────────────────────────────────────────────────────────

function PreviewDialog({
  document,
  onClose,
}: {
  document: DocumentRecord | null;
  onClose: () => void;
}) {
  const translate = useTranslate();
  if (!document) return null;
  const isImage = document.contentType.startsWith("image/");
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg">
      <DialogTitle dir="ltr" sx={{ textAlign: "start" }}>
        {document.fileName}
      </DialogTitle>
      <DialogContent data-testid="document-preview">
        {isImage ? (
          <Box
            component="img"
            src={document.downloadUrl}
            alt={document.fileName}
            sx={{ maxWidth: "100%", maxHeight: "75vh", display: "block", mx: "auto" }}
          />
        ) : (
          <Box
            component="iframe"
            title={document.fileName}
            src={document.downloadUrl}
            sx={{ width: "100%", height: "75vh", border: 0 }}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button href={document.downloadUrl} target="_blank" rel="noopener">
          {translate("resources.requests.documents.open")}
        </Button>
        <Button onClick={onClose}>{translate("resources.requests.documents.close")}</Button>
      </DialogActions>
    </Dialog>
  );
}

function VerifyButtons({ document }: { document: DocumentRecord }) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const refresh = useRefreshRequests();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const verify = async (decision: "ACCEPTED" | "REJECTED") => {
    setBusy(true);
    setError(null);
    try {
      await dataProvider.verifyDocument(
        document,
        decision,
        decision === "REJECTED" ? reason : undefined,
      );
      notify("resources.requests.documents.verified", { type: "success" });
      setRejecting(false);
      setReason("");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return (
    <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap", alignItems: "center" }}>
      <Button
        size="small"
        variant="outlined"
        color="success"
        disabled={busy || document.verification === "ACCEPTED"}
        data-testid="document-accept"
        onClick={() => void verify("ACCEPTED")}
      >
        {translate("resources.requests.documents.accept")}
      </Button>
      <Button
        size="small"
        variant="outlined"
        color="error"
        disabled={busy || document.verification === "REJECTED"}
        data-testid="document-reject"
        onClick={() => setRejecting(true)}
      >
        {translate("resources.requests.documents.reject")}
      </Button>
      <Dialog open={rejecting} onClose={() => setRejecting(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate("resources.requests.documents.reject")}</DialogTitle>
        <DialogContent sx={{ pt: "8px !important" }}>
          <TextField
            fullWidth
            multiline
            minRows={2}
            name="rejectionReason"
            label={translate("resources.requests.documents.reject_reason")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <RequestErrorAlert error={error} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRejecting(false)}>
            {translate("resources.requests.actions.cancel")}
          </Button>
          <Button
            color="error"
            variant="contained"
            disabled={busy || !reason.trim()}
            onClick={() => void verify("REJECTED")}
          >
            {translate("resources.requests.documents.reject")}
          </Button>
        </DialogActions>
      </Dialog>
      {!rejecting && <RequestErrorAlert error={error} />}
    </Box>
  );
}

export function UploadDocument({ request }: { request: CaseRequest }) {
  const translate = useTranslate();
  const kindLabel = useEnumLabel("document_kind");
  const notify = useNotify();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const refresh = useRefreshRequests();
  const missing = (request.rules?.requiredDocumentKinds ?? []).filter(
    (k) => !(request.documents ?? []).some((d) => d.kind === k && d.verification !== "REJECTED"),
  );
  // Until chosen, the first required kind still missing (the rules may arrive after mount).
  const [chosen, setKind] = useState<string | null>(null);
  const kind = chosen ?? missing[0] ?? "OTHER";
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await dataProvider.uploadDocument(request.id, kind, file);
      notify("resources.requests.documents.uploaded", { type: "success" });
      setFile(null);
      setInputKey((k) => k + 1);
      setKind(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return (
    <Paper variant="outlined" sx={{ p: 2, mt: 2 }} data-testid="document-upload">
      <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap", alignItems: "center" }}>
        <TextField
          select
          size="small"
          label={translate("resources.requests.documents.kind")}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          sx={{ minWidth: 220 }}
          slotProps={{
            select: { SelectDisplayProps: { "data-testid": "document-kind" } as object },
          }}
        >
          {documentKinds.map((k) => (
            <MenuItem key={k} value={k} data-testid={`document-kind-${k}`}>
              {kindLabel(k)}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="outlined" component="label">
          {translate("resources.requests.documents.choose")}
          <input
            key={inputKey}
            hidden
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            data-testid="document-file"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Button>
        <Typography variant="body2" dir="ltr">
          {file?.name ?? ""}
        </Typography>
        <Button
          variant="contained"
          disabled={!file || busy}
          data-testid="document-upload-button"
          onClick={() => void upload()}
        >
          {translate("resources.requests.documents.upload")}
        </Button>
      </Box>
      <RequestErrorAlert error={error} />
    </Paper>
  );
}

export function DocumentsPanel({ request }: { request: CaseRequest }) {
  const translate = useTranslate();
  const kind = useEnumLabel("document_kind");
  const verification = useEnumLabel("verification");
  const { canAccess: mayUpload } = useCanAccess({ resource: "documents", action: "upload" });
  const { canAccess: mayVerify } = useCanAccess({ resource: "documents", action: "verify" });
  const [preview, setPreview] = useState<DocumentRecord | null>(null);
  const documents = request.documents ?? [];
  const required = request.rules?.requiredDocumentKinds ?? [];
  return (
    <Box sx={{ width: "100%" }} data-testid="documents-panel">
      {required.length > 0 && (
        <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap", alignItems: "center", mb: 2 }}>
          <Typography variant="subtitle2">
            {translate("resources.requests.documents.required")}:
          </Typography>
          {required.map((k) => {
            const present = documents.some((d) => d.kind === k && d.verification !== "REJECTED");
            return (
              <Chip
                key={k}
                size="small"
                color={present ? "success" : "warning"}
                variant={present ? "filled" : "outlined"}
                label={`${kind(k)} — ${translate(
                  present
                    ? "resources.requests.documents.present"
                    : "resources.requests.documents.missing",
                )}`}
              />
            );
          })}
        </Box>
      )}
      {documents.length === 0 ? (
        <Typography sx={{ p: 2, color: "text.secondary" }}>
          {translate("resources.requests.documents.none")}
        </Typography>
      ) : (
        <Box sx={{ overflowX: "auto" }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate("wasl.document.kind")}</TableCell>
                <TableCell>{translate("wasl.document.fileName")}</TableCell>
                <TableCell>{translate("wasl.document.size")}</TableCell>
                <TableCell>{translate("wasl.document.verification")}</TableCell>
                <TableCell>{translate("wasl.document.createdAt")}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {documents.map((d) => (
                <TableRow key={d.id} data-testid="document-row">
                  <TableCell>{kind(d.kind)}</TableCell>
                  <TableCell>
                    <span dir="ltr">{d.fileName}</span>
                  </TableCell>
                  <TableCell>
                    {translate("wasl.document.kb", {
                      size: Math.max(1, Math.round(d.size / 1024)),
                    })}
                  </TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      label={verification(d.verification)}
                      color={
                        d.verification === "ACCEPTED"
                          ? "success"
                          : d.verification === "REJECTED"
                            ? "error"
                            : "default"
                      }
                    />
                    {d.rejectionReason && (
                      <Typography variant="caption" sx={{ display: "block" }} color="error">
                        {d.rejectionReason}
                      </Typography>
                    )}
                    {d.verifiedByName && (
                      <Typography
                        variant="caption"
                        sx={{ display: "block" }}
                        color="text.secondary"
                      >
                        {translate("resources.requests.documents.verified_by", {
                          name: d.verifiedByName,
                        })}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <DualDate value={d.uploadedAt} withTime />
                  </TableCell>
                  <TableCell>
                    <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }}>
                      <Button
                        size="small"
                        data-testid="document-preview-button"
                        onClick={() => setPreview(d)}
                      >
                        {translate("resources.requests.documents.preview")}
                      </Button>
                      {mayVerify && openStatuses.has(request.status) && (
                        <VerifyButtons document={d} />
                      )}
                    </Box>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {mayUpload && openStatuses.has(request.status) && <UploadDocument request={request} />}
      <PreviewDialog document={preview} onClose={() => setPreview(null)} />
    </Box>
  );
}

// ── Attestation ──────────────────────────────────────────────────────────────────────────

/** The API's own words for a failed call: each field error's message, or the message. */
function ApiErrorAlert({ error, testId }: { error: unknown; testId: string }) {
  const translate = useTranslate();
  if (!error) return null;
  const { message, body } = errorParts(error);
  const items = Object.entries(body?.errors ?? {})
    .filter(([name, text]) => name !== "root" && typeof text === "string")
    .map(([, text]) => text as string);
  return (
    <ErrorListAlert
      testId={testId}
      code={body?.code}
      title={translate("resources.requests.attestation.link_failed")}
      items={items}
      detail={message}
    />
  );
}

/**
 * Sends the member a single-use signing link (SMS, and e-mail when known) after saying what
 * happens; then says until when it works and how many messages went out, and refreshes the
 * case file (its timeline shows the notification). The API's refusals stay in the dialog.
 */
function SendAttestationLink({ request }: { request: CaseRequest }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const refresh = useRefreshRequests();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    if (busy) return;
    setOpen(false);
    setError(null);
  };
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const link = await dataProvider.sendAttestationLink(request.id);
      const l = locale === "en" ? "en" : "ar";
      const until = `${formatGregorian(link.expiresAt, l, true)} (${formatHijri(link.expiresAt, l)})`;
      notify(
        link.messagesQueued > 0
          ? "resources.requests.attestation.link_sent"
          : "resources.requests.attestation.link_not_delivered",
        {
          type: link.messagesQueued > 0 ? "success" : "warning",
          messageArgs: { until, count: link.messagesQueued },
          autoHideDuration: 10_000,
        },
      );
      setOpen(false);
      refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        variant="outlined"
        data-testid="attestation-send-link"
        disabled={busy}
        onClick={() => setOpen(true)}
      >
        {translate("resources.requests.attestation.send_link")}
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{translate("resources.requests.attestation.send_link")}</DialogTitle>
        <DialogContent>
          <Typography data-testid="attestation-send-link-explanation">
            {translate("resources.requests.attestation.send_link_explain")}
          </Typography>
          <ApiErrorAlert error={error} testId="attestation-send-link-error" />
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={busy}>
            {translate("resources.requests.actions.cancel")}
          </Button>
          <Button
            variant="contained"
            data-testid="attestation-send-link-confirm"
            disabled={busy}
            onClick={() => void send()}
          >
            {translate("resources.requests.attestation.send_link_confirm")}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

export function AttestationPanel({ request }: { request: CaseRequest }) {
  const translate = useTranslate();
  const status = useEnumLabel("attestation_status");
  const method = useEnumLabel("attestation_method");
  const notify = useNotify();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const refresh = useRefreshRequests();
  const { canAccess: mayRecord } = useCanAccess({ resource: "attestations", action: "record" });
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const a = request.attestation;
  if (!a) return null;
  const record = async () => {
    setBusy(true);
    setError(null);
    try {
      await dataProvider.recordAttestation(request.id);
      notify("resources.requests.attestation.recorded", { type: "success" });
      setConfirming(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      refresh();
    }
  };
  const open = openStatuses.has(request.status);
  const mayRecordInPerson = mayRecord && a.status !== "SIGNED" && open;
  const maySendLink =
    mayRecord && a.required && (a.status === "MISSING" || a.status === "STALE") && open;
  const color = a.status === "SIGNED" ? "success" : a.status === "STALE" ? "warning" : "default";
  return (
    <Box sx={{ width: "100%" }} data-testid="attestation-panel">
      <Box sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap", mb: 2 }}>
        <Chip
          data-testid="attestation-status"
          data-status={a.status}
          label={status(a.status)}
          color={color}
        />
        <Typography variant="body2" color="text.secondary">
          {translate(
            a.required
              ? "resources.requests.attestation.required"
              : "resources.requests.attestation.not_required",
          )}
        </Typography>
      </Box>
      {a.signedAt && (
        <Box
          sx={{ display: "grid", gap: 2, gridTemplateColumns: { xs: "1fr", sm: "repeat(3, 1fr)" } }}
        >
          <Box>
            <Typography variant="caption" color="text.secondary">
              {translate("resources.requests.attestation.signed_at")}
            </Typography>
            <Box>
              <DualDate value={a.signedAt} withTime />
            </Box>
          </Box>
          <Box>
            <Typography variant="caption" color="text.secondary">
              {translate("resources.requests.attestation.method")}
            </Typography>
            <Typography data-testid="attestation-method" data-method={a.method ?? ""}>
              {method(a.method) || "—"}
            </Typography>
          </Box>
          {a.method !== "ELECTRONIC" && (
            <Box>
              <Typography variant="caption" color="text.secondary">
                {translate("resources.requests.attestation.recorded_by")}
              </Typography>
              <Typography>{a.recordedByName ?? "—"}</Typography>
            </Box>
          )}
        </Box>
      )}
      {a.text && (
        <Paper variant="outlined" sx={{ p: 2, my: 2, whiteSpace: "pre-wrap" }}>
          <Typography variant="caption" color="text.secondary">
            {translate("resources.requests.attestation.text")}
          </Typography>
          <Typography>{a.text}</Typography>
        </Paper>
      )}
      {(mayRecordInPerson || maySendLink) && (
        <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }}>
          {mayRecordInPerson && (
            <Button
              variant="contained"
              data-testid="attestation-record"
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              {translate("resources.requests.attestation.record")}
            </Button>
          )}
          {maySendLink && <SendAttestationLink request={request} />}
        </Box>
      )}
      <Dialog open={confirming} onClose={() => setConfirming(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate("resources.requests.attestation.record")}</DialogTitle>
        <DialogContent>
          <Typography>{translate("resources.requests.attestation.confirm")}</Typography>
          <RequestErrorAlert error={error} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>
            {translate("resources.requests.actions.cancel")}
          </Button>
          <Button
            variant="contained"
            data-testid="attestation-confirm"
            disabled={busy}
            onClick={() => void record()}
          >
            {translate("resources.requests.actions.confirm")}
          </Button>
        </DialogActions>
      </Dialog>
      {!confirming && <RequestErrorAlert error={error} />}
    </Box>
  );
}

// ── Research reports ─────────────────────────────────────────────────────────────────────

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
  const refresh = useRefreshRequests();
  const [values, setValues] = useState({
    visitKind: draft?.visitKind ?? "HOME_VISIT",
    visitDate: draft?.visitDate ?? riyadhToday(),
    recommendation: draft?.recommendation ?? "APPROVE",
    findings: draft?.findings ?? "",
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const save = async (submit: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await dataProvider.saveResearchReport({
        requestId: request.id,
        ...(draft?.version ? { version: draft.version } : {}),
        ...values,
      });
      if (submit) await dataProvider.submitResearchReport(saved);
      notify(
        submit ? "resources.requests.research.submitted_ok" : "resources.requests.research.saved",
        { type: "success" },
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      refresh();
    }
  };
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

// ── Timeline ─────────────────────────────────────────────────────────────────────────────

export function TimelinePanel({ request }: { request: CaseRequest }) {
  const translate = useTranslate();
  const kind = useEnumLabel("timeline_kind");
  const status = useEnumLabel("request_status");
  const events = (request.timeline?.edges ?? []).map((e) => e.node);
  if (!events.length)
    return (
      <Typography sx={{ p: 2, color: "text.secondary" }}>
        {translate("resources.requests.timeline.none")}
      </Typography>
    );
  return (
    <Box sx={{ overflowX: "auto", width: "100%" }} data-testid="request-timeline">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate("wasl.timeline.at")}</TableCell>
            <TableCell>{translate("wasl.timeline.kind")}</TableCell>
            <TableCell>{translate("wasl.timeline.actor")}</TableCell>
            <TableCell>{translate("wasl.timeline.note")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {events.map((e) => (
            <TableRow key={e.id} data-testid="timeline-row">
              <TableCell>
                <DualDate value={e.at} withTime />
              </TableCell>
              <TableCell>
                {kind(e.kind)}
                {e.toStatus && (
                  <Typography variant="caption" sx={{ display: "block" }} color="text.secondary">
                    {translate("wasl.timeline.status_change", {
                      from: e.fromStatus ? status(e.fromStatus) : "—",
                      to: status(e.toStatus),
                    })}
                  </Typography>
                )}
              </TableCell>
              <TableCell>{e.actorName ?? "—"}</TableCell>
              <TableCell sx={{ whiteSpace: "pre-wrap" }}>{e.note ?? ""}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

// ── Completeness ─────────────────────────────────────────────────────────────────────────

export type Gap = { kind: "field" | "document" | "attestation" | "stale"; name: string };

const memberFieldPresence: Record<string, string> = {
  nationalId: "nationalIdMasked",
  mobile: "mobileMasked",
  monthlyIncome: "hasMonthlyIncome",
};

const present = (value: unknown) =>
  !(value === undefined || value === null || value === "" || value === false);

/**
 * What the request still lacks by its rules, read from what is on screen (nothing is
 * written): required fields of the request and of the member, document kinds without a
 * pending or accepted document, and the attestation. Submitting is the API's final word.
 */
export function completenessGaps(
  request: CaseRequest,
  member: Record<string, unknown> | undefined,
): Gap[] {
  const gaps: Gap[] = [];
  const rules = request.rules;
  if (!rules) return gaps;
  for (const field of rules.requiredFields) {
    if (field.startsWith("member.")) {
      if (!member) continue;
      const name = field.slice("member.".length);
      if (!present(member[memberFieldPresence[name] ?? name]))
        gaps.push({ kind: "field", name: field });
    } else if (!present(request[field])) gaps.push({ kind: "field", name: field });
  }
  for (const kind of rules.requiredDocumentKinds) {
    if (!(request.documents ?? []).some((d) => d.kind === kind && d.verification !== "REJECTED"))
      gaps.push({ kind: "document", name: kind });
  }
  if (rules.attestationRequired && request.attestation?.status !== "SIGNED")
    gaps.push({
      kind: request.attestation?.status === "STALE" ? "stale" : "attestation",
      name: "attestation",
    });
  return gaps;
}

export function CompletenessPanel({ request }: { request: CaseRequest }) {
  const translate = useTranslate();
  const kind = useEnumLabel("document_kind");
  const { data: member } = useGetOne(
    "members",
    { id: request.member?.id ?? "" },
    { enabled: !!request.member?.id },
  );
  const gaps = completenessGaps(request, member as Record<string, unknown> | undefined);
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
            <ListItemText
              primary={
                g.kind === "field"
                  ? translate("resources.requests.wizard.missing_field", {
                      name: requiredFieldLabel(translate, g.name),
                    })
                  : g.kind === "document"
                    ? translate("resources.requests.wizard.missing_document", {
                        name: kind(g.name),
                      })
                    : translate(
                        g.kind === "stale"
                          ? "resources.requests.wizard.stale_attestation"
                          : "resources.requests.wizard.missing_attestation",
                      )
              }
            />
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}
