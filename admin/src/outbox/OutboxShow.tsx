// One notification: what the member received (the e-mail's HTML as sent, or the SMS text),
// every try with its error, and resend (FAILED) or cancel (PENDING) for those permitted.
import {
  Alert,
  Box,
  Button,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import {
  FunctionField,
  Labeled,
  Show,
  type ShowProps,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
import type { OutboxAction } from "../dataProvider/outbox.js";
import { DualDate, DualDateField } from "../shared/DateFields.js";
import { EnumField } from "../shared/EnumField.js";
import { useDialogSubmit } from "../shared/useDialogSubmit.js";
import { OutboxStatusChip } from "./OutboxStatusChip.js";

type Attempt = {
  attempt: number;
  startedAt: string;
  succeeded: boolean;
  providerMessageId: string | null;
  error: string | null;
};

type NotificationRecord = {
  id: string;
  version: number;
  status: string;
  channel: string;
  subject: string;
  body: string;
  html: string | null;
  providerMessageId: string | null;
  deliveryAttempts: Attempt[];
};

/** Resend or cancel, shown only in the state it applies to and to those permitted. */
function ChangeButton({ action }: { action: OutboxAction }) {
  const record = useRecordContext<NotificationRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const { busy, submit } = useDialogSubmit("notice");
  const resend = action === "resendNotification";
  const { canAccess } = useCanAccess({ resource: "outbox", action: resend ? "resend" : "cancel" });
  if (!record || !canAccess || record.status !== (resend ? "FAILED" : "PENDING")) return null;
  const onClick = () =>
    submit(async () => {
      await dataProvider.changeNotification(action, record);
      notify(resend ? "resources.outbox.resent" : "resources.outbox.cancelled", {
        type: "success",
      });
      refresh();
    });
  return (
    <Button
      variant={resend ? "contained" : "outlined"}
      color={resend ? "primary" : "warning"}
      disabled={busy}
      onClick={onClick}
      data-testid={resend ? "outbox-resend" : "outbox-cancel"}
    >
      {translate(resend ? "resources.outbox.resend" : "resources.outbox.cancel")}
    </Button>
  );
}

function Actions() {
  return (
    <TopToolbar sx={{ gap: 1 }}>
      <ChangeButton action="resendNotification" />
      <ChangeButton action="cancelNotification" />
    </TopToolbar>
  );
}

/** The message as the member received it: the e-mail's HTML in a sandbox, or the SMS. */
function Message() {
  const record = useRecordContext<NotificationRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle1" gutterBottom>
        {translate("resources.outbox.message")}
      </Typography>
      {record.providerMessageId?.startsWith("local-capture:") && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate("resources.outbox.local_capture")}
        </Alert>
      )}
      {record.html ? (
        <Box
          component="iframe"
          title={record.subject}
          sandbox=""
          srcDoc={record.html}
          data-testid="outbox-html"
          sx={{ width: "100%", maxWidth: 680, height: 420, border: 1, borderColor: "divider" }}
        />
      ) : (
        <Paper
          variant="outlined"
          dir="auto"
          data-testid="outbox-sms"
          sx={{ p: 2, maxWidth: 360, whiteSpace: "pre-wrap", bgcolor: "grey.50" }}
        >
          {record.body}
        </Paper>
      )}
    </Box>
  );
}

function Tries() {
  const record = useRecordContext<NotificationRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const t = (key: string) => translate(`resources.outbox.try.${key}`);
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle1" gutterBottom>
        {translate("resources.outbox.tries")}
      </Typography>
      {record.deliveryAttempts.length === 0 ? (
        <Typography color="text.secondary">{translate("resources.outbox.no_tries")}</Typography>
      ) : (
        // The table scrolls inside itself on a phone, never the page.
        <Box sx={{ overflowX: "auto", width: "100%" }}>
          <Table size="small" data-testid="outbox-tries">
            <TableHead>
              <TableRow>
                <TableCell>{t("attempt")}</TableCell>
                <TableCell>{t("startedAt")}</TableCell>
                <TableCell>{t("result")}</TableCell>
                <TableCell>{t("error")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {record.deliveryAttempts.map((attempt) => (
                <TableRow key={`${attempt.startedAt}-${attempt.attempt}`}>
                  <TableCell>{attempt.attempt}</TableCell>
                  <TableCell>
                    <DualDate value={attempt.startedAt} withTime />
                  </TableCell>
                  <TableCell>{t(attempt.succeeded ? "succeeded" : "failed")}</TableCell>
                  <TableCell sx={{ direction: "ltr", unicodeBidi: "embed" }}>
                    {attempt.error ?? attempt.providerMessageId ?? "—"}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}

export function OutboxShow(props: Omit<ShowProps, "children">) {
  return (
    <Show {...props} actions={<Actions />}>
      <SimpleShowLayout>
        <Box sx={{ display: "flex", flexWrap: "wrap", gap: 3 }}>
          <Labeled source="status">
            <OutboxStatusChip />
          </Labeled>
          <Labeled source="event">
            <EnumField source="event" group="notification_event" />
          </Labeled>
          <Labeled source="channel">
            <EnumField source="channel" group="notification_channel" />
          </Labeled>
          <Labeled source="address">
            <TextField source="address" sx={{ direction: "ltr", unicodeBidi: "embed" }} />
          </Labeled>
          <Labeled source="member">
            <FunctionField
              render={(r: { member?: { fullNameAr: string } | null }) =>
                r.member?.fullNameAr ?? "—"
              }
            />
          </Labeled>
          <Labeled source="request">
            <FunctionField
              render={(r: { request?: { reference: string | null } | null }) =>
                r.request?.reference ?? "—"
              }
            />
          </Labeled>
          <Labeled source="createdAt">
            <DualDateField source="createdAt" withTime />
          </Labeled>
          <Labeled source="sentAt">
            <DualDateField source="sentAt" withTime />
          </Labeled>
          <Labeled source="attempts">
            <TextField source="attempts" />
          </Labeled>
          <Labeled source="lastError">
            <TextField source="lastError" emptyText="—" />
          </Labeled>
          <Labeled source="providerMessageId">
            <TextField source="providerMessageId" emptyText="—" sx={{ direction: "ltr" }} />
          </Labeled>
        </Box>
        <Message />
        <Tries />
      </SimpleShowLayout>
    </Show>
  );
}
