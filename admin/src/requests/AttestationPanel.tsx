// The case file's attestation: its status and signature, recording it in person, or sending
// the member a single-use signing link.
import {
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Paper,
  Typography,
} from "@mui/material";
import { useState } from "react";
import {
  useCanAccess,
  useDataProvider,
  useLocaleState,
  useNotify,
  useTranslate,
} from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
import { DualDate } from "../shared/DateFields.js";
import { formatGregorian, formatHijri } from "../shared/dates.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { useDialogSubmit } from "../shared/useDialogSubmit.js";
import { useCaseFileCommand, useRefreshRequests } from "./ActionButtons.js";
import type { CaseRequest } from "./CaseRequest.js";
import { ErrorListAlert, errorParts, RequestErrorAlert } from "./RequestFields.js";

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
  const { busy, failure: error, submit, clearFailure } = useDialogSubmit("alert");
  const close = () => {
    if (busy) return;
    setOpen(false);
    clearFailure();
  };
  const send = () =>
    submit(async () => {
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
    });
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
  const { busy, error, run } = useCaseFileCommand();
  const { canAccess: mayRecord } = useCanAccess({ resource: "attestations", action: "record" });
  const [confirming, setConfirming] = useState(false);
  const a = request.attestation;
  if (!a) return null;
  const record = () =>
    run(async () => {
      await dataProvider.recordAttestation(request.id);
      notify("resources.requests.attestation.recorded", { type: "success" });
      setConfirming(false);
    });
  // The attestation is signed while the file is open to documents (the API's word, which
  // also says the caller writes to the file).
  const open = request.mayAttachDocuments === true;
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
