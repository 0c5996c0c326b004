// How an edit form tells a failed save (its `mutationOptions.onError`): the API's field
// errors sit under their inputs (react-admin puts them there from the data provider's
// HttpError, in pessimistic mode), a conflict says the record changed since it was opened,
// by whom and when (the API's message), and offers to reload it, and anything else shows the
// API's message in the user's language.
import { Alert, AlertTitle, Button } from "@mui/material";
import { HttpError, useNotify, useTranslate } from "react-admin";

type ErrorBody = { code?: string; errors?: Record<string, unknown> } | undefined;

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

export function useSaveErrorNotifier() {
  const notify = useNotify();
  return (error: unknown) => {
    const body = (error instanceof HttpError ? error.body : undefined) as ErrorBody;
    if (body?.code === "CONFLICT") {
      // Stays until dismissed: the user must know the save did not happen.
      const detail = error instanceof Error ? error.message : "";
      notify(<ConflictNotice detail={detail} />, { type: "error", autoHideDuration: null });
      return;
    }
    if (body?.errors && Object.keys(body.errors).length) return;
    const message = error instanceof Error ? error.message : "";
    notify(message || "ra.notification.http_error", { type: "error", messageArgs: { _: message } });
  };
}
