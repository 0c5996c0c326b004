// An edit form that never throws away what the user typed. It edits the record as it was
// opened; when the record changes elsewhere (a live update), an untouched form simply
// shows the new version, while a form with unsaved edits keeps them and says who changed
// the record and when, offering "reload" (the new version, edits dropped) or "keep
// editing". Saving stale edits then meets the API's version check, and the refusal offers
// the same choice. The form's own save is no change from elsewhere: a form that stays open
// after saving (redirect={false}) goes on from the version it saved.
import { Alert, AlertTitle, Button, Stack } from "@mui/material";
import { useEffect, useRef, useState } from "react";
import {
  type RaRecord,
  SimpleForm,
  type SimpleFormProps,
  useEditContext,
  useLocaleState,
  useResourceContext,
  useSaveContext,
  useTranslate,
} from "react-admin";
import { useFormState } from "react-hook-form";
import { useLiveChange } from "../live/liveChanges.js";
import { formatGregorian } from "./dates.js";
import type { SaveErrors } from "./saveErrors.js";

type Versioned = RaRecord & { version?: number; updatedAt?: string };

type BannerProps = {
  opened: Versioned;
  latest: Versioned | undefined;
  saveErrors: SaveErrors;
  adopt(record: Versioned): void;
  reload(): void;
};

function ChangedSinceBanner({ opened, latest, saveErrors, adopt, reload }: BannerProps) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const resource = useResourceContext() ?? "";
  const { isDirty } = useFormState();
  const change = useLiveChange(resource, latest ? String(latest.id) : undefined);
  const [keptOver, setKeptOver] = useState<number | undefined>();
  const newer = latest && (latest.version ?? 0) > (opened.version ?? 0) ? latest : undefined;

  useEffect(() => {
    if (newer && !isDirty) adopt(newer);
  }, [newer, isDirty, adopt]);

  const refused = saveErrors.conflict !== null;
  if (!refused && (!newer || !isDirty || keptOver === newer.version)) return null;

  const announced = change && newer && change.version === newer.version ? change : undefined;
  const at = announced?.at ?? newer?.updatedAt;
  const detail = refused
    ? saveErrors.conflict
    : translate("wasl.edit.changed_by", {
        by: announced?.by ?? translate("wasl.edit.someone"),
        at: at ? formatGregorian(at, locale === "en" ? "en" : "ar", true) : "",
      });
  return (
    <Alert
      severity={refused ? "error" : "warning"}
      data-testid={refused ? "conflict-notice" : "changed-since-banner"}
      role="alert"
      sx={{ width: "100%", mb: 2 }}
    >
      <AlertTitle>
        {translate(refused ? "wasl.errors.conflict" : "wasl.edit.changed_since")}
      </AlertTitle>
      {detail}
      <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: "wrap" }}>
        <Button variant="contained" size="small" onClick={reload}>
          {translate("wasl.errors.reload")}
        </Button>
        <Button
          variant="outlined"
          size="small"
          onClick={() => {
            saveErrors.clearConflict();
            setKeptOver(newer?.version);
          }}
        >
          {translate("wasl.edit.keep_editing")}
        </Button>
      </Stack>
    </Alert>
  );
}

export type KeepEditsFormProps = Omit<SimpleFormProps, "record"> & { saveErrors: SaveErrors };

/** A SimpleForm of the record as opened, inside an `<Edit>` whose onError is saveErrors'. */
export function KeepEditsForm({ saveErrors, children, ...props }: KeepEditsFormProps) {
  const { record: latest, refetch } = useEditContext<Versioned>();
  const { saving } = useSaveContext();
  const [opened, setOpened] = useState<Versioned | undefined>(latest);
  useEffect(() => {
    if (!opened && latest) setOpened(latest);
  }, [opened, latest]);
  // A save that ended without a conflict and with a newer version (pessimistic saves update
  // the record before they end): this form's own — one made elsewhere meanwhile would have
  // been refused by the version check. A refused save leaves the version as it was.
  const wasSaving = useRef(false);
  useEffect(() => {
    const ended = wasSaving.current && !saving;
    wasSaving.current = Boolean(saving);
    if (ended && saveErrors.conflict === null && latest && opened)
      if ((latest.version ?? 0) > (opened.version ?? 0)) setOpened(latest);
  }, [saving, saveErrors.conflict, latest, opened]);
  if (!opened) return null;

  const reload = async () => {
    const { data } = await refetch();
    saveErrors.clearConflict();
    setOpened(data ?? latest);
  };
  return (
    // noValidate: the panel's validators speak the user's language; the browser's do not.
    <SimpleForm noValidate {...props} record={opened}>
      <ChangedSinceBanner
        opened={opened}
        latest={latest}
        saveErrors={saveErrors}
        adopt={setOpened}
        reload={() => void reload()}
      />
      {children}
    </SimpleForm>
  );
}
