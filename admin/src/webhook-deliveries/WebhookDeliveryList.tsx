// The partners' webhook delivery log (سجل إرسال خطافات الويب): every event sent to a partner's
// system, newest first, filtered by state, event and request; a row opens its tries (status
// answered, duration, error) and the payload as signed, with resend for SENT and FAILED ones.
import {
  Box,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import {
  Datagrid,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TextInput,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
import { OutboxStatusChip } from "../outbox/OutboxStatusChip.js";
import { DualDate, DualDateField } from "../shared/DateFields.js";
import { EnumField, enumChoices } from "../shared/EnumField.js";
import { useDialogSubmit } from "../shared/useDialogSubmit.js";

type Attempt = {
  attempt: number;
  startedAt: string;
  durationMs: number;
  succeeded: boolean;
  responseCode: number | null;
  error: string | null;
};

type DeliveryRecord = {
  id: string;
  status: string;
  payload: string;
  attempts: Attempt[];
};

export const webhookEvents = ["REQUEST_STATUS_CHANGED", "REQUEST_DECIDED"] as const;
const resendable = ["SENT", "FAILED"];

const filters = [
  <SelectInput
    key="status"
    source="status"
    alwaysOn
    choices={enumChoices("outbox_status", ["PENDING", "SENDING", "SENT", "FAILED", "CANCELLED"])}
  />,
  <SelectInput
    key="event"
    source="event"
    alwaysOn
    choices={enumChoices("webhook_event", webhookEvents)}
  />,
  <TextInput key="requestReference" source="requestReference" />,
];

/** Sends the delivery again: for those permitted, on a SENT or FAILED one. */
function ResendButton() {
  const record = useRecordContext<DeliveryRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const { canAccess } = useCanAccess({ resource: "webhooks", action: "resend" });
  const { busy, submit } = useDialogSubmit("notice");
  if (!record || !canAccess || !resendable.includes(record.status)) return null;
  const resend = () =>
    submit(async () => {
      await dataProvider.resendWebhookDelivery(record.id);
      notify("resources.webhookDeliveries.resent", { type: "success" });
      refresh();
    });
  return (
    <Button
      variant="outlined"
      size="small"
      disabled={busy}
      onClick={resend}
      data-testid="webhook-resend"
    >
      {translate("resources.webhookDeliveries.resend")}
    </Button>
  );
}

/** A delivery's tries and payload, under its row. */
function DeliveryDetail() {
  const record = useRecordContext<DeliveryRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const t = (key: string) => translate(`resources.webhookDeliveries.try.${key}`);
  return (
    <Box sx={{ display: "grid", gap: 2, py: 1 }}>
      {record.attempts.length ? (
        <Table size="small" data-testid="webhook-tries">
          <TableHead>
            <TableRow>
              <TableCell>{t("attempt")}</TableCell>
              <TableCell>{t("startedAt")}</TableCell>
              <TableCell>{t("responseCode")}</TableCell>
              <TableCell>{t("duration")}</TableCell>
              <TableCell>{t("error")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {record.attempts.map((a) => (
              <TableRow key={`${a.attempt}-${a.startedAt}`}>
                <TableCell>{a.attempt}</TableCell>
                <TableCell>
                  <DualDate value={a.startedAt} withTime />
                </TableCell>
                <TableCell>{a.responseCode ?? t("no_answer")}</TableCell>
                <TableCell>
                  {translate("resources.webhookDeliveries.ms", { ms: a.durationMs })}
                </TableCell>
                <TableCell sx={{ direction: "ltr", unicodeBidi: "embed" }}>
                  {a.succeeded ? t("succeeded") : (a.error ?? "—")}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography>{translate("resources.webhookDeliveries.no_tries")}</Typography>
      )}
      <Typography variant="subtitle2">
        {translate("resources.webhookDeliveries.payload")}
      </Typography>
      <Box
        component="pre"
        data-testid="webhook-payload"
        sx={{ direction: "ltr", textAlign: "left", whiteSpace: "pre-wrap", m: 0, fontSize: 12 }}
      >
        {JSON.stringify(JSON.parse(record.payload), null, 2)}
      </Box>
      <Box>
        <ResendButton />
      </Box>
    </Box>
  );
}

export function WebhookDeliveryList() {
  return (
    <List filters={filters} perPage={25} sort={{ field: "occurredAt", order: "DESC" }}>
      <Datagrid bulkActionButtons={false} expand={<DeliveryDetail />} rowClick="expand">
        <DualDateField source="occurredAt" withTime sortable={false} />
        <FunctionField
          source="webhook"
          sortable={false}
          render={(record: { webhook?: { partnerName: string } }) =>
            record.webhook?.partnerName ?? "—"
          }
        />
        <EnumField source="event" group="webhook_event" sortable={false} />
        <TextField source="requestReference" sortable={false} emptyText="—" />
        <OutboxStatusChip label="resources.webhookDeliveries.fields.status" />
        <TextField source="attemptCount" sortable={false} />
        <TextField source="url" sortable={false} sx={{ direction: "ltr", unicodeBidi: "embed" }} />
        <TextField source="lastError" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}
