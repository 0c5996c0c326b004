// A partner's API keys on its edit screen: the list (prefix, scopes, status, expiry, last use,
// allowed addresses), issuing a key — shown once, with a copy button and a warning that it
// cannot be shown again — rotating one with an overlap, revoking one after confirmation, and
// its own limits (budget per hour, registered operations only).
import ContentCopyIcon from "@mui/icons-material/ContentCopy";
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormHelperText,
  Stack,
  Switch,
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
  Confirm,
  useCanAccess,
  useDataProvider,
  useGetOne,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
import type { ApiKeyRecord, IssuedApiKey, KeyLimit } from "../dataProvider/partners.js";
import { numberingTag } from "../providers/numerals.js";
import { CheckboxList } from "../shared/CheckboxList.js";
import { DualDate } from "../shared/DateFields.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { useDialogSubmit } from "../shared/useDialogSubmit.js";

const partnerScopes = [
  "MEMBERSHIP_VERIFY",
  "REQUESTS_READ",
  "REQUESTS_SUBMIT",
  "STATS_READ",
  "WEBHOOKS_MANAGE",
] as const;

const k = (key: string) => `resources.partners.keys.${key}`;

/** The key, once: copy it now, it is not stored. */
function IssuedKeyDialog({ issued, onClose }: { issued: IssuedApiKey; onClose(): void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    await navigator.clipboard.writeText(issued.key);
    notify(k("copied"), { type: "info" });
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="issued-key">
      <DialogTitle>{translate(k("issued_title"))}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate(k("issued_warning"))}
        </Alert>
        <Box
          component="code"
          dir="ltr"
          data-testid="issued-key-value"
          sx={{ display: "block", p: 1.5, bgcolor: "action.hover", wordBreak: "break-all" }}
        >
          {issued.key}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<ContentCopyIcon />} onClick={copy}>
          {translate(k("copy"))}
        </Button>
        <Button variant="contained" onClick={onClose}>
          {translate(k("done"))}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function IssueKeyDialog({
  partnerId,
  onIssued,
  onClose,
}: {
  partnerId: string;
  onIssued(issued: IssuedApiKey): void;
  onClose(): void;
}) {
  const translate = useTranslate();
  const scopeLabel = useEnumLabel("partner_scope");
  const dataProvider = useDataProvider<WaslDataProvider>();
  const { busy, fieldErrors: errors, submit } = useDialogSubmit();
  const [label, setLabel] = useState("");
  const [scopes, setScopes] = useState<string[]>([]);
  const [expiresAt, setExpiresAt] = useState("");
  const [allowedIps, setAllowedIps] = useState("");
  const issue = () =>
    submit(async () =>
      onIssued(
        await dataProvider.issueApiKey(partnerId, {
          label,
          scopes,
          expiresAt: expiresAt ? new Date(expiresAt).toISOString() : null,
          allowedIps: allowedIps.split(/[\s,]+/).filter(Boolean),
        }),
      ),
    );
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate(k("issue"))}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            label={translate(k("label"))}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            error={!!errors.label}
            helperText={errors.label}
            autoFocus
          />
          <Box>
            <Typography variant="subtitle2">{translate(k("scopes"))}</Typography>
            <CheckboxList
              values={partnerScopes}
              picked={scopes}
              onChange={setScopes}
              labelOf={scopeLabel}
            />
            {errors.scopes && <FormHelperText error>{errors.scopes}</FormHelperText>}
          </Box>
          <TextField
            type="datetime-local"
            label={translate(k("expiresAt"))}
            value={expiresAt}
            onChange={(e) => setExpiresAt(e.target.value)}
            error={!!errors.expiresAt}
            helperText={errors.expiresAt}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            multiline
            minRows={2}
            label={translate(k("allowedIps"))}
            value={allowedIps}
            onChange={(e) => setAllowedIps(e.target.value)}
            error={!!errors.allowedIps}
            helperText={errors.allowedIps ?? translate(k("allowedIps_hint"))}
            slotProps={{ htmlInput: { dir: "ltr" } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate("ra.action.cancel")}</Button>
        <Button variant="contained" disabled={busy} onClick={issue}>
          {translate(k("issue"))}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function RotateKeyDialog({
  apiKey,
  onIssued,
  onClose,
}: {
  apiKey: ApiKeyRecord;
  onIssued(issued: IssuedApiKey): void;
  onClose(): void;
}) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const { fieldErrors, submit } = useDialogSubmit();
  const [overlap, setOverlap] = useState("1440");
  const error = fieldErrors.overlapMinutes;
  const rotate = () =>
    submit(async () => onIssued(await dataProvider.rotateApiKey(apiKey.id, Number(overlap))));
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth>
      <DialogTitle>
        {translate(k("rotate"))} <bdi dir="ltr">{apiKey.prefix}</bdi>
      </DialogTitle>
      <DialogContent>
        <TextField
          type="number"
          fullWidth
          sx={{ mt: 1 }}
          label={translate(k("overlap"))}
          value={overlap}
          onChange={(e) => setOverlap(e.target.value)}
          error={!!error}
          helperText={error ?? translate(k("overlap_hint"))}
          slotProps={{ htmlInput: { min: 0, dir: "ltr" } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate("ra.action.cancel")}</Button>
        <Button variant="contained" onClick={rotate}>
          {translate(k("rotate"))}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** A key's own limits: its budget per hour (empty: the server's default), registered operations only. */
function KeyLimitDialog({
  apiKey,
  onClose,
}: {
  apiKey: ApiKeyRecord;
  onClose(saved: boolean): void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const { busy, fieldErrors, submit } = useDialogSubmit();
  const [points, setPoints] = useState(String(apiKey.limit?.pointsPerHour ?? ""));
  const [persistedOnly, setPersistedOnly] = useState(apiKey.limit?.persistedOnly ?? false);
  const error = fieldErrors.pointsPerHour;
  const save = () =>
    submit(async () => {
      await dataProvider.setPartnerKeyLimit(apiKey.id, {
        pointsPerHour: points.trim() ? Number(points) : null,
        persistedOnly,
      });
      notify(k("limits_saved"), { type: "info" });
      onClose(true);
    });
  return (
    <Dialog open onClose={() => onClose(false)} maxWidth="xs" fullWidth data-testid="key-limits">
      <DialogTitle>
        {translate(k("limits_title"))} <bdi dir="ltr">{apiKey.prefix}</bdi>
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            type="number"
            label={translate(k("points_per_hour"))}
            value={points}
            onChange={(e) => setPoints(e.target.value)}
            error={!!error}
            helperText={error ?? translate(k("points_per_hour_hint"))}
            slotProps={{ htmlInput: { min: 1, dir: "ltr" } }}
          />
          <Box>
            <FormControlLabel
              control={
                <Switch
                  checked={persistedOnly}
                  onChange={(e) => setPersistedOnly(e.target.checked)}
                />
              }
              label={translate(k("persisted_only"))}
            />
            <FormHelperText>{translate(k("persisted_only_hint"))}</FormHelperText>
          </Box>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{translate("ra.action.cancel")}</Button>
        <Button variant="contained" disabled={busy} onClick={save}>
          {translate("ra.action.save")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** What a key's limits say, in a word: the defaults, or its own budget and restriction. */
function useLimitText() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const number = new Intl.NumberFormat(numberingTag(locale));
  return (limit: KeyLimit | null) => {
    const parts = [
      limit?.pointsPerHour != null
        ? translate(k("per_hour"), { points: number.format(limit.pointsPerHour) })
        : null,
      limit?.persistedOnly ? translate(k("persisted_only")) : null,
    ].filter(Boolean);
    return parts.length ? parts.join(" · ") : translate(k("limits_default"));
  };
}

type PartnerWithKeys = { id: string; apiKeys?: { edges: { node: ApiKeyRecord }[] } };

export function ApiKeys() {
  // The partner as stored now, not as the form opened it (a form keeps the record it opened,
  // possibly the list's row without its keys): refreshed after every issue, rotation, revocation.
  const opened = useRecordContext<{ id: string }>();
  const { data: record } = useGetOne<PartnerWithKeys>(
    "partners",
    { id: opened?.id ?? "" },
    { enabled: !!opened?.id },
  );
  const translate = useTranslate();
  const scopeLabel = useEnumLabel("partner_scope");
  const statusLabel = useEnumLabel("api_key_status");
  const dataProvider = useDataProvider<WaslDataProvider>();
  const notify = useNotify();
  const { submit } = useDialogSubmit();
  const refresh = useRefresh();
  const [issuing, setIssuing] = useState(false);
  const [rotating, setRotating] = useState<ApiKeyRecord | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyRecord | null>(null);
  const [issued, setIssued] = useState<IssuedApiKey | null>(null);
  const [limiting, setLimiting] = useState<ApiKeyRecord | null>(null);
  const { canAccess: setsLimits } = useCanAccess({ resource: "partnerKeyLimits", action: "edit" });
  const limitText = useLimitText();
  if (!record) return null;
  const keys = record.apiKeys?.edges.map((e) => e.node) ?? [];
  const shown = (value: IssuedApiKey) => {
    setIssuing(false);
    setRotating(null);
    setIssued(value);
  };
  const revoke = async () => {
    const key = revoking;
    setRevoking(null);
    if (!key) return;
    await submit(async () => {
      await dataProvider.revokeApiKey(key.id);
      notify(k("revoked"), { type: "info" });
      refresh();
    });
  };
  return (
    <Box sx={{ width: "100%", mt: 2 }} data-testid="api-keys">
      <Stack direction="row" sx={{ alignItems: "center", justifyContent: "space-between" }}>
        <Typography variant="h6">{translate(k("title"))}</Typography>
        <Button variant="outlined" onClick={() => setIssuing(true)}>
          {translate(k("issue"))}
        </Button>
      </Stack>
      {keys.length === 0 ? (
        <Typography color="text.secondary">{translate(k("none"))}</Typography>
      ) : (
        // A phone scrolls the table within its box, never the page.
        <Box sx={{ overflowX: "auto" }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                {[
                  "label",
                  "prefix",
                  "scopes",
                  "status",
                  "expiresAt",
                  "lastUsedAt",
                  "allowedIps",
                  "limits",
                ].map((column) => (
                  <TableCell key={column}>{translate(k(column))}</TableCell>
                ))}
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {keys.map((key) => (
                <TableRow key={key.id} data-testid={`api-key-${key.prefix}`}>
                  <TableCell>{key.label}</TableCell>
                  <TableCell>
                    <bdi dir="ltr">{key.prefix}</bdi>
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" sx={{ flexWrap: "wrap", gap: 0.5 }}>
                      {key.scopes.map((scope) => (
                        <Chip key={scope} size="small" label={scopeLabel(scope)} />
                      ))}
                    </Stack>
                  </TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={key.status === "ACTIVE" ? "success" : "default"}
                      label={statusLabel(key.status)}
                    />
                  </TableCell>
                  <TableCell>
                    {key.expiresAt ? (
                      <DualDate value={key.expiresAt} withTime />
                    ) : (
                      translate(k("never"))
                    )}
                  </TableCell>
                  <TableCell>
                    {key.lastUsedAt ? (
                      <DualDate value={key.lastUsedAt} withTime />
                    ) : (
                      translate(k("never_used"))
                    )}
                  </TableCell>
                  <TableCell>
                    <bdi dir="ltr">{key.allowedIps.join(", ") || translate(k("anywhere"))}</bdi>
                  </TableCell>
                  <TableCell data-testid="key-limit">{limitText(key.limit)}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={1}>
                      {setsLimits && key.status !== "REVOKED" && key.status !== "EXPIRED" && (
                        <Button size="small" onClick={() => setLimiting(key)}>
                          {translate(k("limits"))}
                        </Button>
                      )}
                      {key.status === "ACTIVE" && (
                        <Button size="small" onClick={() => setRotating(key)}>
                          {translate(k("rotate"))}
                        </Button>
                      )}
                      {/* A replaced key in its overlap can still be revoked (a leaked key). */}
                      {(key.status === "ACTIVE" || key.status === "ROTATED") && (
                        <Button size="small" color="error" onClick={() => setRevoking(key)}>
                          {translate(k("revoke"))}
                        </Button>
                      )}
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {issuing && (
        <IssueKeyDialog partnerId={record.id} onIssued={shown} onClose={() => setIssuing(false)} />
      )}
      {rotating && (
        <RotateKeyDialog apiKey={rotating} onIssued={shown} onClose={() => setRotating(null)} />
      )}
      {limiting && (
        <KeyLimitDialog
          apiKey={limiting}
          onClose={(saved) => {
            setLimiting(null);
            if (saved) refresh();
          }}
        />
      )}
      {issued && (
        <IssuedKeyDialog
          issued={issued}
          onClose={() => {
            setIssued(null);
            refresh();
          }}
        />
      )}
      <Confirm
        isOpen={!!revoking}
        title={k("revoke_title")}
        translateOptions={{ prefix: revoking?.prefix ?? "" }}
        content={k("revoke_content")}
        confirm={k("revoke")}
        confirmColor="warning"
        onConfirm={revoke}
        onClose={() => setRevoking(null)}
      />
    </Box>
  );
}
