// On a request's case file: the partners its member shared it with (who consented, how, when,
// who recorded it), sharing it with another partner on the member's consent, and revoking a
// share after confirming. Cards, not a table: the same on a phone as on a desktop.
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  ListItemText,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Confirm, useCanAccess, useDataProvider, useNotify, useTranslate } from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
import type { RequestShare } from "../dataProvider/requestShares.js";
import { useRefreshRequests } from "../requests/ActionButtons.js";
import { DualDate } from "../shared/DateFields.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { useDialogSubmit } from "../shared/useDialogSubmit.js";

const s = (key: string) => `resources.partners.shares.${key}`;
const consentMethods = ["SIGNED_FORM", "ONLINE", "OTP", "RECORDED_CALL"] as const;

/** Now, as a datetime-local input shows it (the browser's time zone). */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function ShareDialog({ requestId, onClose }: { requestId: string; onClose(): void }) {
  const translate = useTranslate();
  const method = useEnumLabel("partner_consent_method");
  const notify = useNotify();
  const refresh = useRefreshRequests();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const { busy, fieldErrors: errors, submit } = useDialogSubmit();
  const { data: partners } = useQuery({
    queryKey: ["shareablePartners"],
    queryFn: () => dataProvider.shareablePartners(),
  });
  const [partner, setPartner] = useState("");
  const [givenBy, setGivenBy] = useState("");
  const [how, setHow] = useState<string>("SIGNED_FORM");
  const [givenAt, setGivenAt] = useState(localNow);
  const share = () =>
    submit(async () => {
      await dataProvider.shareRequestWithPartner(requestId, partner, {
        givenBy,
        method: how,
        givenAt: new Date(givenAt).toISOString(),
      });
      notify(s("shared"), { type: "success" });
      refresh();
      onClose();
    });
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="share-dialog">
      <DialogTitle>{translate(s("share"))}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            select
            required
            label={translate(s("partner"))}
            value={partner}
            onChange={(e) => setPartner(e.target.value)}
            error={!!errors.partner}
            helperText={
              errors.partner ?? (partners?.length === 0 ? translate(s("no_partners")) : "")
            }
            slotProps={{
              select: {
                renderValue: (id) => partners?.find((p) => p.id === id)?.nameAr ?? "",
              },
            }}
          >
            {/* Both names, each on its own line: a long one wraps on a phone. */}
            {(partners ?? []).map((p) => (
              <MenuItem key={p.id} value={p.id} sx={{ whiteSpace: "normal" }}>
                <ListItemText
                  primary={p.nameAr}
                  secondary={<bdi dir="ltr">{p.name}</bdi>}
                  sx={{ my: 0 }}
                />
              </MenuItem>
            ))}
          </TextField>
          <TextField
            required
            label={translate(s("given_by"))}
            value={givenBy}
            onChange={(e) => setGivenBy(e.target.value)}
            error={!!errors.givenBy}
            helperText={errors.givenBy ?? translate(s("given_by_hint"))}
          />
          <TextField
            select
            required
            label={translate(s("method"))}
            value={how}
            onChange={(e) => setHow(e.target.value)}
            error={!!errors.method}
            helperText={errors.method}
          >
            {consentMethods.map((m) => (
              <MenuItem key={m} value={m}>
                {method(m)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            required
            type="datetime-local"
            label={translate(s("given_at"))}
            value={givenAt}
            onChange={(e) => setGivenAt(e.target.value)}
            error={!!errors.givenAt}
            helperText={errors.givenAt}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate("ra.action.cancel")}</Button>
        <Button
          variant="contained"
          disabled={busy || !partner}
          onClick={share}
          data-testid="share-save"
        >
          {translate(s("save"))}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function ShareCard({ share, mayRevoke }: { share: RequestShare; mayRevoke: boolean }) {
  const translate = useTranslate();
  const method = useEnumLabel("partner_consent_method");
  const notify = useNotify();
  const refresh = useRefreshRequests();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const { submit } = useDialogSubmit();
  const [confirming, setConfirming] = useState(false);
  const revoke = async () => {
    setConfirming(false);
    await submit(async () => {
      await dataProvider.revokeRequestPartnerShare(share.id);
      notify(s("revoked"), { type: "info" });
    });
    // Whatever the outcome: a refusal may mean someone else changed the file.
    refresh();
  };
  const fact = (label: string, value: React.ReactNode) => (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(s(label))}
      </Typography>
      <Typography variant="body2" component="div">
        {value}
      </Typography>
    </Box>
  );
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="partner-share">
      <Stack
        direction="row"
        sx={{ alignItems: "center", justifyContent: "space-between", flexWrap: "wrap", gap: 1 }}
      >
        <Typography variant="subtitle1" component="h3">
          {share.partner.nameAr}
        </Typography>
        {mayRevoke && (
          <Button
            size="small"
            color="error"
            variant="outlined"
            onClick={() => setConfirming(true)}
            data-testid="share-revoke"
          >
            {translate(s("revoke"))}
          </Button>
        )}
      </Stack>
      <Box
        sx={{
          display: "grid",
          gap: 1.5,
          mt: 1,
          gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr", md: "repeat(4, 1fr)" },
        }}
      >
        {fact("given_by", share.consentGivenBy)}
        {fact("method", method(share.consentMethod))}
        {fact("given_at", <DualDate value={share.consentGivenAt} withTime />)}
        {fact("recorded_by", share.recordedBy ?? "—")}
      </Box>
      <Confirm
        isOpen={confirming}
        title={s("revoke_title")}
        translateOptions={{ partner: share.partner.nameAr }}
        content={s("revoke_content")}
        confirm={s("revoke")}
        confirmColor="warning"
        onConfirm={revoke}
        onClose={() => setConfirming(false)}
      />
    </Paper>
  );
}

export function RequestShares({ requestId }: { requestId: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const { canAccess: mayManage } = useCanAccess({ resource: "requestShares", action: "manage" });
  const [sharing, setSharing] = useState(false);
  // Under the requests' key: every change to the case file refreshes it (useRefreshRequests).
  const { data: shares } = useQuery({
    queryKey: ["requests", "partnerShares", requestId],
    queryFn: () => dataProvider.requestPartnerShares(requestId),
  });
  return (
    <Box sx={{ width: "100%" }} data-testid="partner-shares">
      <Stack
        direction="row"
        sx={{ alignItems: "center", justifyContent: "space-between", flexWrap: "wrap", gap: 1 }}
      >
        <Typography variant="h6" component="h2">
          {translate(s("title"))}
        </Typography>
        {mayManage && (
          <Button variant="outlined" onClick={() => setSharing(true)} data-testid="share-open">
            {translate(s("share"))}
          </Button>
        )}
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate(s("explain"))}
      </Typography>
      {shares && shares.length === 0 && (
        <Typography data-testid="partner-shares-none">{translate(s("none"))}</Typography>
      )}
      <Stack spacing={2}>
        {(shares ?? []).map((share) => (
          <ShareCard key={share.id} share={share} mayRevoke={mayManage === true} />
        ))}
      </Stack>
      {sharing && <ShareDialog requestId={requestId} onClose={() => setSharing(false)} />}
    </Box>
  );
}
