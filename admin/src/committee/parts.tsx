// What the committee's screens share: the session's title and state, a typed error as the
// API worded it (in the user's language), and the confirmation every command of the room
// goes through (with the reason some of them require).
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from "@mui/material";
import { type ReactNode, useState } from "react";
import { HttpError, useTranslate } from "react-admin";
import { useEnumLabel } from "../shared/EnumField.js";
import { useDialogSubmit } from "../shared/useDialogSubmit.js";

export function useSessionTitle() {
  const translate = useTranslate();
  return (session: { number: number; year: number }) =>
    translate("resources.committee.session_title", {
      number: session.number,
      year: session.year,
    });
}

const sessionTones = { SCHEDULED: "info", OPEN: "success", CLOSED: "default" } as const;

export function SessionStatusChip({ status }: { status: keyof typeof sessionTones }) {
  const label = useEnumLabel("session_status");
  return (
    <Chip
      size="small"
      label={label(status)}
      color={sessionTones[status]}
      data-testid="session-status"
      data-status={status}
      sx={{ fontWeight: 600 }}
    />
  );
}

/** The API's message (already in the user's language) and the fields it names. */
export function CommitteeErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const body =
    error instanceof HttpError ? (error.body as { errors?: object } | undefined) : undefined;
  const fields = Object.entries(body?.errors ?? {}).filter(([name]) => name !== "root");
  return (
    <Alert severity="error" data-testid="committee-error" sx={{ mt: 1 }}>
      {message}
      {fields.map(([name, text]) => (
        <Box key={name} component="span" sx={{ display: "block" }}>
          {String(text)}
        </Box>
      ))}
    </Alert>
  );
}

export type ConfirmValues = { reason: string; amount: string };

/**
 * A command's confirmation: what will happen, the reason when the command needs one, and
 * the API's refusal shown in place (the dialog stays open to correct or cancel).
 */
export function ConfirmDialog({
  title,
  text,
  confirmLabel,
  reason,
  amount,
  children,
  onConfirm,
  onClose,
}: {
  title: string;
  text: string;
  confirmLabel: string;
  /** The reason's label: the command needs a reason. */
  reason?: string;
  /** The amount's label: the command may take one (an approved amount). */
  amount?: string;
  children?: ReactNode;
  onConfirm(values: ConfirmValues): Promise<unknown>;
  onClose(): void;
}) {
  const translate = useTranslate();
  const [values, setValues] = useState<ConfirmValues>({ reason: "", amount: "" });
  const { busy, failure: error, submit } = useDialogSubmit("alert");
  const confirm = () =>
    submit(async () => {
      await onConfirm(values);
      onClose();
    });
  return (
    <Dialog open onClose={() => !busy && onClose()} fullWidth maxWidth="sm">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent data-testid="confirm-dialog">
        <DialogContentText sx={{ mb: 2 }}>{text}</DialogContentText>
        {children}
        {reason && (
          <TextField
            label={reason}
            value={values.reason}
            onChange={(e) => setValues((v) => ({ ...v, reason: e.target.value }))}
            required
            multiline
            minRows={2}
            fullWidth
            slotProps={{ htmlInput: { "data-testid": "confirm-reason", maxLength: 2000 } }}
            sx={{ mt: 1 }}
          />
        )}
        {amount && (
          <TextField
            label={amount}
            value={values.amount}
            onChange={(e) => setValues((v) => ({ ...v, amount: e.target.value }))}
            fullWidth
            slotProps={{
              htmlInput: { dir: "ltr", inputMode: "decimal", "data-testid": "confirm-amount" },
            }}
            sx={{ mt: 2 }}
          />
        )}
        <CommitteeErrorAlert error={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy} data-testid="confirm-cancel">
          {translate("resources.committee.chair.cancel")}
        </Button>
        <Button
          variant="contained"
          onClick={confirm}
          disabled={busy || (!!reason && !values.reason.trim())}
          data-testid="confirm-ok"
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
