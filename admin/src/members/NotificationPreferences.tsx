// How the member wants to be notified: the channel (every channel with an address, e-mail or
// SMS) and an opt-out (what they must receive still reaches them). Staff who may edit members
// record what the member asked for.
import { Box, FormControlLabel, MenuItem, Switch, TextField, Typography } from "@mui/material";
import {
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
import { useDialogSubmit } from "../shared/useDialogSubmit.js";

type MemberRecord = {
  id: string;
  version: number;
  email: string | null;
  notifyBy: string | null;
  notificationsOptOut: boolean;
};

export function NotificationPreferences() {
  const record = useRecordContext<MemberRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const { canAccess: mayEdit } = useCanAccess({ resource: "members", action: "edit" });
  const { busy, submit } = useDialogSubmit("notice");
  if (!record) return null;
  const save = (change: { notifyBy?: string | null; optOut?: boolean }) =>
    submit(async () => {
      await dataProvider.setNotificationPreferences({
        member: record.id,
        version: record.version,
        notifyBy: change.notifyBy !== undefined ? change.notifyBy : record.notifyBy,
        optOut: change.optOut ?? record.notificationsOptOut,
      });
      notify("resources.members.notifications.saved", { type: "success" });
      refresh();
    });
  const t = (key: string) => translate(`resources.members.notifications.${key}`);
  return (
    <Box sx={{ mt: 3 }} data-testid="notification-preferences">
      <Typography variant="subtitle1">{t("title")}</Typography>
      <Box sx={{ display: "flex", gap: 3, alignItems: "center", flexWrap: "wrap", mt: 1 }}>
        <TextField
          select
          size="small"
          label={t("notify_by")}
          value={record.notifyBy ?? "ALL"}
          disabled={!mayEdit || busy}
          onChange={(event) =>
            save({ notifyBy: event.target.value === "ALL" ? null : event.target.value })
          }
          sx={{ minWidth: 220 }}
          data-testid="notify-by"
        >
          <MenuItem value="ALL">{t("all_channels")}</MenuItem>
          <MenuItem value="SMS">{translate("wasl.enums.notification_channel.SMS")}</MenuItem>
          <MenuItem value="EMAIL" disabled={!record.email}>
            {translate("wasl.enums.notification_channel.EMAIL")}
          </MenuItem>
        </TextField>
        <FormControlLabel
          control={
            <Switch
              checked={record.notificationsOptOut}
              disabled={!mayEdit || busy}
              onChange={(event) => save({ optOut: event.target.checked })}
              data-testid="notifications-opt-out"
            />
          }
          label={t("opt_out")}
        />
      </Box>
      {record.notificationsOptOut && (
        <Typography variant="body2" color="text.secondary">
          {t("opt_out_hint")}
        </Typography>
      )}
    </Box>
  );
}
