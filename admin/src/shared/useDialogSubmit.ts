// What every dialog (and every one-click command button) does with the command it runs: busy
// while it runs, the failure kept for the API's field errors under the inputs or an alert,
// and the refusal told to the user. What success does (a notice, closing, a refresh) is the
// caller's, inside the call: a failure there is told like the command's own.
import { useState } from "react";
import { HttpError, useNotify } from "react-admin";
import { useSaveErrorNotifier } from "./saveErrors.js";

export type FieldErrors = Record<string, string>;

/** The API's field errors of a refused call, by field (shown under the dialog's inputs). */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const errors = error instanceof HttpError ? (error.body as { errors?: object })?.errors : null;
  return Object.fromEntries(
    Object.entries(errors ?? {}).filter(([, v]) => typeof v === "string"),
  ) as FieldErrors;
}

/**
 * How a refusal is told:
 * - `form`: as a form tells it (useSaveErrorNotifier): field errors under the inputs that
 *   show `fieldErrors`, a conflict on a notice that offers to reload, the rest notified;
 * - `notice`: the API's sentence notified, whatever it is about (a button has no inputs);
 * - `alert`: not notified: the dialog shows `failure` in its own alert.
 */
export type Telling = "form" | "notice" | "alert";

/** `unsaid`: the notice of a failure without a sentence (`notice` only). */
export function useDialogSubmit(telling: Telling = "form", unsaid = "ra.notification.http_error") {
  const notify = useNotify();
  const notifySaveError = useSaveErrorNotifier();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const tell = (error: unknown) => {
    if (telling === "form") notifySaveError(error);
    if (telling === "notice") notify((error as Error).message || unsaid, { type: "error" });
  };
  /** Runs the call; never throws (the failure is kept and told). */
  const submit = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    try {
      await call();
    } catch (error) {
      setFailure(error);
      tell(error);
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    failure,
    fieldErrors: fieldErrorsOf(failure),
    submit,
    clearFailure: () => setFailure(null),
  };
}
