import { Chip } from "@mui/material";
import { useRecordContext } from "react-admin";
import { useEnumLabel } from "../shared/EnumField.js";

const colors = {
  PENDING: "info",
  SENDING: "info",
  SENT: "success",
  FAILED: "error",
  CANCELLED: "default",
} as const;

/** A notification's state as a coloured chip: FAILED stands out. */
export function OutboxStatusLabel({ status }: { status: string }) {
  const label = useEnumLabel("outbox_status");
  return (
    <Chip
      size="small"
      color={colors[status as keyof typeof colors] ?? "default"}
      label={label(status)}
      data-testid="outbox-status"
      data-status={status}
    />
  );
}

/** The record's state, as a field of a list or show. */
export function OutboxStatusChip(_props: { label?: string }) {
  const record = useRecordContext<{ id: string; status: string }>();
  return record ? <OutboxStatusLabel status={record.status} /> : null;
}
