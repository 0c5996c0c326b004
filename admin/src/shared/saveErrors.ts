// How an edit form tells a failed save (its `mutationOptions.onError`): the API's field
// errors sit under their inputs (react-admin puts them there from the data provider's
// HttpError, in pessimistic mode), a conflict says the record changed and to reload it, and
// anything else shows the API's message in the user's language.
import { HttpError, useNotify } from "react-admin";

type ErrorBody = { code?: string; errors?: Record<string, unknown> } | undefined;

export function useSaveErrorNotifier() {
  const notify = useNotify();
  return (error: unknown) => {
    const body = (error instanceof HttpError ? error.body : undefined) as ErrorBody;
    if (body?.code === "CONFLICT") {
      // Stays until dismissed: the user must know the save did not happen.
      notify("wasl.errors.conflict", { type: "error", autoHideDuration: null });
      return;
    }
    if (body?.errors && Object.keys(body.errors).length) return;
    const message = error instanceof Error ? error.message : "";
    notify(message || "ra.notification.http_error", { type: "error", messageArgs: { _: message } });
  };
}
