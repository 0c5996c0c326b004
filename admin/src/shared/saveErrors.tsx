// How an edit form tells a failed save (its `mutationOptions.onError`): the API's field
// errors sit under their inputs (react-admin puts them there from the data provider's
// HttpError, in pessimistic mode), a conflict (the record changed since it was opened: the
// API's message says by whom and when) goes to the form's banner, which offers to reload or
// to keep editing (see KeepEditsForm) — or, on a form without that banner, to a notice that
// offers to reload — and anything else shows the API's message in the user's language.
import { Alert, AlertTitle, Button } from "@mui/material";
import { useState } from "react";
import { HttpError, useNotify, useTranslate } from "react-admin";

type ErrorBody = { code?: string; errors?: Record<string, unknown> } | undefined;
type Notify = ReturnType<typeof useNotify>;

export type SaveErrors = {
  onError(error: unknown): void;
  /** The API's sentence of the last save refused for a conflict, until reloaded or dismissed. */
  conflict: string | null;
  clearConflict(): void;
};

/** The API's sentence of a conflict, or null for any other failure. */
function conflictOf(error: unknown): string | null {
  const body = (error instanceof HttpError ? error.body : undefined) as ErrorBody;
  return body?.code === "CONFLICT" ? (error instanceof Error ? error.message : "") : null;
}

/** Any failure but a conflict: field errors are under their inputs, the rest is notified. */
function notifyFailure(notify: Notify, error: unknown): void {
  const body = (error instanceof HttpError ? error.body : undefined) as ErrorBody;
  if (body?.errors && Object.keys(body.errors).length) return;
  const message = error instanceof Error ? error.message : "";
  notify(message || "ra.notification.http_error", { type: "error", messageArgs: { _: message } });
}

export function useSaveErrors(): SaveErrors {
  const notify = useNotify();
  const [conflict, setConflict] = useState<string | null>(null);
  return {
    conflict,
    clearConflict: () => setConflict(null),
    onError: (error: unknown) => {
      const refused = conflictOf(error);
      if (refused !== null) setConflict(refused);
      else notifyFailure(notify, error);
    },
  };
}

/** The record changed since it was opened: nothing was saved; reload to see it as it is. */
function ConflictNotice({ detail }: { detail: string }) {
  const translate = useTranslate();
  return (
    <Alert
      severity="error"
      variant="filled"
      data-testid="conflict-notice"
      action={
        <Button color="inherit" size="small" onClick={() => window.location.reload()}>
          {translate("wasl.errors.reload")}
        </Button>
      }
    >
      <AlertTitle>{translate("wasl.errors.conflict")}</AlertTitle>
      {detail}
    </Alert>
  );
}

/** For a form without KeepEditsForm's banner: a conflict stays on screen until dismissed. */
export function useSaveErrorNotifier() {
  const notify = useNotify();
  return (error: unknown) => {
    const refused = conflictOf(error);
    if (refused === null) return notifyFailure(notify, error);
    notify(<ConflictNotice detail={refused} />, { type: "error", autoHideDuration: null });
  };
}
