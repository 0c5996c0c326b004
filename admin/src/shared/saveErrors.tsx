// How an edit form tells a failed save (its `mutationOptions.onError`): the API's field
// errors sit under their inputs (react-admin puts them there from the data provider's
// HttpError, in pessimistic mode), a conflict (the record changed since it was opened: the
// API's message says by whom and when) goes to the form's banner, which offers to reload or
// to keep editing (see KeepEditsForm), and anything else shows the API's message in the
// user's language.
import { useState } from "react";
import { HttpError, useNotify } from "react-admin";

type ErrorBody = { code?: string; errors?: Record<string, unknown> } | undefined;

export type SaveErrors = {
  onError(error: unknown): void;
  /** The API's sentence of the last save refused for a conflict, until reloaded or dismissed. */
  conflict: string | null;
  clearConflict(): void;
};

export function useSaveErrors(): SaveErrors {
  const notify = useNotify();
  const [conflict, setConflict] = useState<string | null>(null);
  return {
    conflict,
    clearConflict: () => setConflict(null),
    onError: (error: unknown) => {
      const body = (error instanceof HttpError ? error.body : undefined) as ErrorBody;
      if (body?.code === "CONFLICT") {
        setConflict(error instanceof Error ? error.message : "");
        return;
      }
      if (body?.errors && Object.keys(body.errors).length) return;
      const message = error instanceof Error ? error.message : "";
      notify(message || "ra.notification.http_error", {
        type: "error",
        messageArgs: { _: message },
      });
    },
  };
}
