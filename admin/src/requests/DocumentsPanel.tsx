// The case file's documents: the required kinds and which are present, each document with its
// verification, a preview through the authorised download route, verifying or rejecting with
// a reason, and the upload. Attaching and verifying are offered as the API says
// (`mayAttachDocuments`: the file is open and the caller may).
import {
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
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
import { useCanAccess, useDataProvider, useNotify, useTranslate } from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
import type { DocumentRecord } from "../dataProvider/requests.js";
import { DualDate } from "../shared/DateFields.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { useCaseFileCommand } from "./ActionButtons.js";
import type { CaseRequest } from "./CaseRequest.js";
import { documentKinds, RequestErrorAlert } from "./RequestFields.js";

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
  const { busy, error, run } = useCaseFileCommand();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const verify = (decision: "ACCEPTED" | "REJECTED") =>
    run(async () => {
      await dataProvider.verifyDocument(
        document,
        decision,
        decision === "REJECTED" ? reason : undefined,
      );
      notify("resources.requests.documents.verified", { type: "success" });
      setRejecting(false);
      setReason("");
    });
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
  const { busy, error, run } = useCaseFileCommand();
  const missing = (request.rules?.requiredDocumentKinds ?? []).filter(
    (k) => !(request.documents ?? []).some((d) => d.kind === k && d.verification !== "REJECTED"),
  );
  // Until chosen, the first required kind still missing (the rules may arrive after mount).
  const [chosen, setKind] = useState<string | null>(null);
  const kind = chosen ?? missing[0] ?? "OTHER";
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const upload = async () => {
    if (!file) return;
    await run(async () => {
      await dataProvider.uploadDocument(request.id, kind, file);
      notify("resources.requests.documents.uploaded", { type: "success" });
      setFile(null);
      setInputKey((k) => k + 1);
      setKind(null);
    });
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
                      {mayVerify && request.mayAttachDocuments && <VerifyButtons document={d} />}
                    </Box>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {request.mayAttachDocuments && <UploadDocument request={request} />}
      <PreviewDialog document={preview} onClose={() => setPreview(null)} />
    </Box>
  );
}
