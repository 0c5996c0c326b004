// «Log a contact» (تسجيل تواصل): a call taken or made, a visit, a message or a letter, on a
// request's file (the request given) or a member's (the member given, a request of theirs
// optional). The API checks everything again; its field errors sit under the inputs they
// name, anything else stays on screen above the buttons. On success the log refreshes.
import AddCommentIcon from "@mui/icons-material/AddComment";
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle } from "@mui/material";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  Form,
  HttpError,
  maxLength,
  RadioButtonGroupInput,
  ResourceContextProvider,
  required,
  SelectInput,
  TextInput,
  useDataProvider,
  useNotify,
  useTranslate,
} from "react-admin";
import { useFormState } from "react-hook-form";
import { intakeChannels, RequestErrorAlert } from "../requests/RequestFields.js";
import { RiyadhDateTimeInput } from "../shared/DateFields.js";
import { fromRiyadhLocal, toRiyadhLocal } from "../shared/dates.js";
import { enumChoices } from "../shared/EnumField.js";
import type { CommunicationOwner } from "./CommunicationLog.js";

/** The API's limits (RecordCommunicationInput), checked here first. */
const limits = { subject: 200, body: 5000, outcome: 500 } as const;

const directionChoices = ["INBOUND", "OUTBOUND"].map((id) => ({
  id,
  name: `resources.communications.direction_choice.${id}`,
}));

type Values = {
  channel: string;
  direction: string;
  subject: string;
  body: string;
  outcome: string;
  occurredAt: string;
  request: string;
};

/** What the form holds → recordCommunication's input (the data provider trims and omits). */
export function communicationData(owner: CommunicationOwner, values: Values) {
  const link =
    owner.kind === "request"
      ? { request: owner.id }
      : { member: owner.id, ...(values.request ? { request: values.request } : {}) };
  const occurredAt = values.occurredAt ? fromRiyadhLocal(values.occurredAt) : null;
  return {
    ...link,
    channel: values.channel,
    direction: values.direction,
    subject: values.subject,
    body: values.body,
    outcome: values.outcome,
    ...(occurredAt ? { occurredAt } : {}),
  };
}

function SaveButton() {
  const translate = useTranslate();
  const { isSubmitting } = useFormState();
  return (
    <Button
      type="submit"
      variant="contained"
      disabled={isSubmitting}
      data-testid="communication-save"
    >
      {translate("resources.communications.save")}
    </Button>
  );
}

function CancelButton({ onClose }: { onClose: () => void }) {
  const translate = useTranslate();
  const { isSubmitting } = useFormState();
  return (
    <Button onClick={onClose} disabled={isSubmitting}>
      {translate("resources.communications.cancel")}
    </Button>
  );
}

const noRecord = {};

function LogCommunicationDialog({
  owner,
  onClose,
}: {
  owner: CommunicationOwner;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [defaults] = useState<Values>(() => ({
    channel: "",
    direction: "",
    subject: "",
    body: "",
    outcome: "",
    occurredAt: toRiyadhLocal(),
    request: "",
  }));
  const requestChoices = owner.kind === "member" ? (owner.requests ?? []) : [];
  const inputs = new Set(["channel", "direction", "subject", "body", "outcome", "occurredAt"]);
  if (requestChoices.length) inputs.add("request");

  const submit = async (values: Record<string, unknown>) => {
    setError(null);
    setSubmitting(true);
    try {
      await dataProvider.create("communications", {
        data: communicationData(owner, values as Values),
      });
    } catch (e) {
      const errors = (e instanceof HttpError ? e.body?.errors : undefined) as
        | Record<string, unknown>
        | undefined;
      const named = Object.keys(errors ?? {}).filter((name) => name !== "root");
      // Errors an input shows go under it; the rest (a refusal, a field not on the form) here.
      if (!named.length || named.some((name) => !inputs.has(name))) setError(e);
      return errors;
    } finally {
      setSubmitting(false);
    }
    notify("resources.communications.recorded", { type: "success" });
    void queryClient.invalidateQueries({ queryKey: ["communications"] });
    // The request's and the member's timelines gained the contact.
    void queryClient.invalidateQueries({ queryKey: ["requests", "getOne"] });
    void queryClient.invalidateQueries({ queryKey: ["members", "caseFile"] });
    onClose();
  };

  const context =
    owner.kind === "request"
      ? owner.reference
        ? translate("resources.communications.on_request", { reference: owner.reference })
        : null
      : owner.name
        ? translate("resources.communications.with_member", { name: owner.name })
        : null;

  return (
    <Dialog
      open
      onClose={() => !submitting && onClose()}
      fullWidth
      maxWidth="md"
      aria-labelledby="communication-dialog-title"
    >
      <ResourceContextProvider value="communications">
        <Form record={noRecord} defaultValues={defaults} onSubmit={submit} noValidate>
          <DialogTitle id="communication-dialog-title">
            {translate("resources.communications.record_title")}
            {context && (
              <Box
                component="span"
                sx={{ display: "block", typography: "body2", color: "text.secondary" }}
                data-testid="communication-context"
              >
                {context}
              </Box>
            )}
          </DialogTitle>
          <DialogContent data-testid="communication-form">
            <Box
              sx={{
                display: "grid",
                columnGap: 2,
                gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr" },
                alignItems: "start",
                pt: 1,
              }}
            >
              <SelectInput
                source="channel"
                choices={enumChoices("channel", intakeChannels)}
                validate={required()}
              />
              <RiyadhDateTimeInput source="occurredAt" max={toRiyadhLocal()} />
            </Box>
            <RadioButtonGroupInput
              source="direction"
              choices={directionChoices}
              validate={required()}
              row
            />
            {requestChoices.length > 0 && (
              <SelectInput
                source="request"
                choices={requestChoices.map((r) => ({
                  id: r.id,
                  name: `${r.reference ?? translate("wasl.request.draft")} — ${r.subject}`,
                }))}
                translateChoice={false}
                emptyText="resources.communications.no_request"
                helperText="resources.communications.help.request"
                fullWidth
              />
            )}
            <TextInput
              source="subject"
              validate={[required(), maxLength(limits.subject)]}
              helperText="resources.communications.help.subject"
              fullWidth
            />
            <TextInput
              source="body"
              multiline
              minRows={3}
              validate={maxLength(limits.body)}
              helperText="resources.communications.help.body"
              fullWidth
            />
            <TextInput
              source="outcome"
              validate={maxLength(limits.outcome)}
              helperText="resources.communications.help.outcome"
              fullWidth
            />
            {error ? <RequestErrorAlert error={error} /> : null}
          </DialogContent>
          <DialogActions>
            <CancelButton onClose={onClose} />
            <SaveButton />
          </DialogActions>
        </Form>
      </ResourceContextProvider>
    </Dialog>
  );
}

export function LogCommunicationButton({ owner }: { owner: CommunicationOwner }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="contained"
        startIcon={<AddCommentIcon />}
        onClick={() => setOpen(true)}
        data-testid="communication-record"
      >
        {translate("resources.communications.record")}
      </Button>
      {open && <LogCommunicationDialog owner={owner} onClose={() => setOpen(false)} />}
    </>
  );
}
