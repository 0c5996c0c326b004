// Every partner's webhooks (خطافات الويب), for admins: the partner, where it is told, of which
// events, whether it still receives and its newest delivery; disabling one after confirming
// (a receiver that misbehaves). A table on a wide screen, a card per webhook on a phone.
import { Box, Button, Chip, Stack, Typography } from "@mui/material";
import { useState } from "react";
import {
  Confirm,
  List,
  TextField,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
import { OutboxStatusLabel } from "../outbox/OutboxStatusChip.js";
import { DualDate, DualDateField } from "../shared/DateFields.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { ResponsiveGrid } from "../shared/Responsive.js";
import { useSaveErrorNotifier } from "../shared/saveErrors.js";

type WebhookRecord = {
  id: string;
  partnerName: string;
  url: string;
  events: string[];
  active: boolean;
  removedAt: string | null;
  lastDelivery: { status: string; occurredAt: string } | null;
};

const w = (key: string) => `resources.webhooks.${key}`;

function stateOf(webhook: WebhookRecord): "active" | "disabled" | "removed" {
  if (webhook.removedAt) return "removed";
  return webhook.active ? "active" : "disabled";
}

function State({ webhook }: { webhook: WebhookRecord }) {
  const translate = useTranslate();
  const state = stateOf(webhook);
  return (
    <Chip
      size="small"
      color={state === "active" ? "success" : "default"}
      label={translate(w(`state.${state}`))}
      data-testid="webhook-state"
      data-state={state}
    />
  );
}

function Events({ webhook }: { webhook: WebhookRecord }) {
  const event = useEnumLabel("webhook_event");
  return (
    <Stack direction="row" sx={{ flexWrap: "wrap", gap: 0.5 }}>
      {webhook.events.map((e) => (
        <Chip key={e} size="small" variant="outlined" label={event(e)} />
      ))}
    </Stack>
  );
}

function LastDelivery({ webhook }: { webhook: WebhookRecord }) {
  const translate = useTranslate();
  const last = webhook.lastDelivery;
  if (!last)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate(w("no_delivery"))}
      </Typography>
    );
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexWrap: "wrap" }}>
      <OutboxStatusLabel status={last.status} />
      <Typography variant="body2" component="span">
        <DualDate value={last.occurredAt} withTime />
      </Typography>
    </Stack>
  );
}

/** Disables the webhook after confirming: for admins, on one that still receives. */
function DisableButton({ webhook }: { webhook: WebhookRecord }) {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyFailure = useSaveErrorNotifier();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const { canAccess } = useCanAccess({ resource: "webhooks", action: "disable" });
  const [confirming, setConfirming] = useState(false);
  if (!canAccess || stateOf(webhook) !== "active") return null;
  const disable = async () => {
    setConfirming(false);
    try {
      await dataProvider.disableWebhook(webhook.id);
      notify(w("disabled"), { type: "info" });
      refresh();
    } catch (error) {
      notifyFailure(error);
    }
  };
  return (
    <>
      <Button
        size="small"
        color="error"
        variant="outlined"
        data-testid="webhook-disable"
        onClick={(event) => {
          event.stopPropagation();
          setConfirming(true);
        }}
      >
        {translate(w("disable"))}
      </Button>
      <Confirm
        isOpen={confirming}
        title={w("disable_title")}
        translateOptions={{ partner: webhook.partnerName }}
        content={w("disable_content")}
        confirm={w("disable")}
        confirmColor="warning"
        onConfirm={disable}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}

/** A column's cell from the row's record. */
function Cell({ render }: { render(webhook: WebhookRecord): React.ReactNode; label?: string }) {
  const webhook = useRecordContext<WebhookRecord>();
  return webhook ? render(webhook) : null;
}

const url = (webhook: WebhookRecord) => (
  <Box component="bdi" dir="ltr" sx={{ wordBreak: "break-all" }}>
    {webhook.url}
  </Box>
);

export function WebhookList() {
  return (
    <List perPage={25} exporter={false} empty={<EmptyList />}>
      <ResponsiveGrid
        link={false}
        data-testid="webhooks-grid"
        card={{
          primary: (record) => record.partnerName as string,
          secondary: (record) => (
            <Stack spacing={1} component="span" sx={{ display: "flex", mt: 0.5 }}>
              {url(record as WebhookRecord)}
              <Events webhook={record as WebhookRecord} />
              <LastDelivery webhook={record as WebhookRecord} />
            </Stack>
          ),
          tertiary: (record) => (
            <Stack spacing={1} component="span" sx={{ display: "flex", alignItems: "flex-end" }}>
              <State webhook={record as WebhookRecord} />
              <DisableButton webhook={record as WebhookRecord} />
            </Stack>
          ),
        }}
      >
        <TextField source="partnerName" sortable={false} />
        <Cell label={w("fields.url")} render={url} />
        <Cell label={w("fields.events")} render={(webhook) => <Events webhook={webhook} />} />
        <Cell label={w("fields.state")} render={(webhook) => <State webhook={webhook} />} />
        <Cell
          label={w("fields.lastDelivery")}
          render={(webhook) => <LastDelivery webhook={webhook} />}
        />
        <DualDateField source="createdAt" sortable={false} />
        <Cell render={(webhook) => <DisableButton webhook={webhook} />} />
      </ResponsiveGrid>
    </List>
  );
}

function EmptyList() {
  const translate = useTranslate();
  return (
    <Typography sx={{ p: 2 }} color="text.secondary">
      {translate(w("empty"))}
    </Typography>
  );
}
