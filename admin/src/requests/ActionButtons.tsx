// The request's life-cycle actions as buttons, exactly those the API lists in
// `availableActions` for this user and state. Each calls its own mutation with the version
// read; actions that need words (a decision's reason, what information is needed, …) ask
// for them first. Resolving a data update shows the changes asked for and may decline them
// (the member's data then stay as they are, and the answer says why). Typed errors stay on
// screen until the next try.
import {
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  TextField,
  Typography,
} from "@mui/material";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { HttpError, useDataProvider, useNotify, useTranslate } from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
import { type RequestActionName, requestActions } from "../dataProvider/requests.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { useDialogSubmit } from "../shared/useDialogSubmit.js";
import { RequestedChangesTable } from "./RequestedChanges.js";
import { RequestErrorAlert } from "./RequestFields.js";

export type ActionableRequest = {
  id: string;
  version: number;
  reference?: string | null;
  subject?: string;
  availableActions?: string[];
  amountRequested?: string | null;
  rules?: { involvesMoney?: boolean };
  /** The request type's code: a DATA_UPDATE's resolution may decline its changes. */
  type?: string;
  /** Type-specific data (JSON text); a data update's `changes`. */
  details?: unknown;
  member?: { id: string };
};

/** Actions that ask for input before they run. */
const needsInput = new Set<string>([
  "RECORD_DECISION",
  "REQUEST_MORE_INFORMATION",
  "RESOLVE",
  "REFER_TO_RESEARCHER",
  "WITHDRAW",
]);

const primary = new Set<string>(["SUBMIT", "RAISE_TO_COMMITTEE", "RECORD_DECISION", "COMPLETE"]);

/** Known actions the API offers, in the API's order; unknown ones are ignored. */
export function visibleActions(request: ActionableRequest | undefined): RequestActionName[] {
  return (request?.availableActions ?? []).filter(
    (a): a is RequestActionName => a in requestActions,
  );
}

/** Refreshes everything react-admin holds about requests (and the dashboard's counts). */
export function useRefreshRequests() {
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<WaslDataProvider>();
  return () => {
    void Promise.resolve(dataProvider.forgetCursors("requests")).catch(() => undefined);
    void queryClient.invalidateQueries({ queryKey: ["requests"] });
    void queryClient.invalidateQueries({ queryKey: ["dashboard"] });
  };
}

/**
 * A command on the case file (verify, upload, save a report, record a signature, submit): busy
 * while it runs, the error it ended with (for RequestErrorAlert), and the lists refreshed
 * afterwards whatever the outcome — a refusal may mean someone else changed the file.
 */
export function useCaseFileCommand() {
  const refresh = useRefreshRequests();
  const { busy, failure: error, submit } = useDialogSubmit("alert");
  const run = async (command: () => Promise<void>) => {
    await submit(command);
    refresh();
  };
  return { busy, error, run };
}

function ResearcherPicker({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const [researchers, setResearchers] = useState<{ id: string; fullName: string }[] | null>(null);
  useEffect(() => {
    let current = true;
    dataProvider.getStaffDirectory("RESEARCHER").then(
      (list) => current && setResearchers(list),
      () => current && setResearchers([]),
    );
    return () => {
      current = false;
    };
  }, [dataProvider]);
  return (
    <TextField
      select
      fullWidth
      label={translate("resources.requests.actions.researcher")}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      disabled={!researchers?.length}
      helperText={
        researchers && !researchers.length
          ? translate("resources.requests.actions.no_researchers")
          : undefined
      }
    >
      {(researchers ?? []).map((u) => (
        <MenuItem key={u.id} value={u.id}>
          {u.fullName}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** A data update's resolution: the changes asked for, and whether they are declined. */
function DataUpdateChoice({
  request,
  declined,
  onChange,
}: {
  request: ActionableRequest;
  declined: boolean;
  onChange: (declined: boolean) => void;
}) {
  const translate = useTranslate();
  return (
    <Box data-testid="data-update-choice">
      <RequestedChangesTable details={request.details} memberId={request.member?.id} compare />
      <Typography
        variant="body2"
        color={declined ? "warning.main" : "text.secondary"}
        sx={{ mt: 1 }}
        data-testid="data-update-effect"
      >
        {translate(
          declined
            ? "resources.requests.data_update.will_not_apply"
            : "resources.requests.data_update.will_apply",
        )}
      </Typography>
      <FormControlLabel
        sx={{ mt: 1 }}
        control={
          <Checkbox
            checked={declined}
            onChange={(e) => onChange(e.target.checked)}
            slotProps={{ input: { "data-testid": "decline-update" } as object }}
          />
        }
        label={translate("resources.requests.data_update.decline")}
      />
      <Typography variant="caption" color="text.secondary" sx={{ display: "block" }}>
        {translate("resources.requests.data_update.decline_help")}
      </Typography>
    </Box>
  );
}

export function ActionButtons({
  request,
  onDone,
}: {
  request: ActionableRequest | undefined;
  onDone?: (updated: Record<string, unknown>, action: RequestActionName) => void;
}) {
  const translate = useTranslate();
  const label = useEnumLabel("request_action");
  const decisionLabel = useEnumLabel("decision");
  const notify = useNotify();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const refresh = useRefreshRequests();
  const [open, setOpen] = useState<RequestActionName | null>(null);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const actions = visibleActions(request);

  if (!request) return null;

  const run = async (action: RequestActionName, extra: Record<string, unknown> = {}) => {
    setBusy(true);
    setError(null);
    try {
      const updated = await dataProvider.runRequestAction(action, request, extra);
      setOpen(null);
      setValues({});
      notify("resources.requests.actions.done", {
        type: "success",
        messageArgs: { action: label(action) },
      });
      onDone?.(updated, action);
    } catch (e) {
      setError(e);
      // Someone else changed it: show their version (the user then tries again).
      if (e instanceof HttpError && (e.body as { code?: string })?.code === "CONFLICT")
        setOpen(null);
    } finally {
      setBusy(false);
      refresh();
    }
  };

  const dataUpdate = request.type === "DATA_UPDATE";
  const declined = dataUpdate && values.dataUpdateDeclined === true;
  const set = (name: string) => (value: unknown) => setValues((v) => ({ ...v, [name]: value }));
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const ready = (() => {
    switch (open) {
      case "RECORD_DECISION":
        return (
          !!values.decision &&
          !!text("reason").trim() &&
          !!text("meetingDate") &&
          ["votesFor", "votesAgainst", "abstentions"].every((name) => /^\d+$/.test(text(name)))
        );
      case "REQUEST_MORE_INFORMATION":
        return !!text("note").trim();
      case "RESOLVE":
        return !!text("answer").trim();
      case "REFER_TO_RESEARCHER":
        return !!text("researcher").trim();
      default:
        return true;
    }
  })();

  return (
    <Box data-testid="request-actions">
      {actions.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate("resources.requests.actions.none")}
        </Typography>
      ) : (
        <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }}>
          {actions.map((action) => (
            <Button
              key={action}
              data-testid={`action-${action}`}
              variant={primary.has(action) ? "contained" : "outlined"}
              color={action === "WITHDRAW" ? "error" : "primary"}
              disabled={busy}
              onClick={() => {
                setError(null);
                setValues(
                  action === "RECORD_DECISION"
                    ? { amountApproved: request.amountRequested ?? "" }
                    : {},
                );
                setOpen(action);
              }}
            >
              {label(action)}
            </Button>
          ))}
        </Box>
      )}
      {!open && <RequestErrorAlert error={error} />}
      <Dialog open={!!open} onClose={() => !busy && setOpen(null)} fullWidth maxWidth="sm">
        <DialogTitle>{open ? label(open) : ""}</DialogTitle>
        <DialogContent
          sx={{ display: "flex", flexDirection: "column", gap: 2, pt: "8px !important" }}
        >
          {open && !needsInput.has(open) && (
            <Typography>
              {translate("resources.requests.actions.confirm_text", {
                action: label(open),
                reference: request.reference ?? request.subject ?? "",
              })}
            </Typography>
          )}
          {open === "WITHDRAW" && (
            <Typography data-testid="withdraw-text">
              {translate("resources.requests.actions.withdraw_text", {
                reference: request.reference ?? request.subject ?? "",
              })}
            </Typography>
          )}
          {open === "RECORD_DECISION" && (
            <>
              <TextField
                select
                label={translate("resources.requests.fields.decision")}
                value={text("decision")}
                onChange={(e) => set("decision")(e.target.value)}
                slotProps={{ htmlInput: { "data-testid": "decision-select" } }}
                name="decision"
              >
                {["APPROVED", "REJECTED"].map((d) => (
                  <MenuItem key={d} value={d} data-testid={`decision-${d}`}>
                    {decisionLabel(d)}
                  </MenuItem>
                ))}
              </TextField>
              {request.rules?.involvesMoney && values.decision === "APPROVED" && (
                <TextField
                  label={translate("resources.requests.fields.amountApproved")}
                  value={text("amountApproved")}
                  onChange={(e) => set("amountApproved")(e.target.value)}
                  slotProps={{ htmlInput: { inputMode: "decimal", dir: "ltr" } }}
                />
              )}
              <TextField
                multiline
                minRows={3}
                name="reason"
                label={translate("resources.requests.actions.reason")}
                value={text("reason")}
                onChange={(e) => set("reason")(e.target.value)}
              />
              <Typography variant="body2" color="text.secondary">
                {translate("resources.requests.actions.outside_meeting")}
              </Typography>
              <TextField
                type="date"
                name="meetingDate"
                label={translate("resources.requests.fields.meetingDate")}
                value={text("meetingDate")}
                onChange={(e) => set("meetingDate")(e.target.value)}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { dir: "ltr" } }}
              />
              <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }}>
                {(["votesFor", "votesAgainst", "abstentions"] as const).map((name) => (
                  <TextField
                    key={name}
                    name={name}
                    sx={{ flex: "1 1 8rem" }}
                    label={translate(`resources.requests.fields.${name}`)}
                    value={text(name)}
                    onChange={(e) => set(name)(e.target.value)}
                    slotProps={{ htmlInput: { inputMode: "numeric", dir: "ltr" } }}
                  />
                ))}
              </Box>
            </>
          )}
          {(open === "REQUEST_MORE_INFORMATION" || open === "WITHDRAW") && (
            <TextField
              multiline
              minRows={3}
              name="note"
              label={translate(
                open === "WITHDRAW"
                  ? "resources.requests.actions.withdraw_note"
                  : "resources.requests.actions.note",
              )}
              value={text("note")}
              onChange={(e) => set("note")(e.target.value)}
            />
          )}
          {open === "RESOLVE" && (
            <>
              {dataUpdate && (
                <DataUpdateChoice
                  request={request}
                  declined={declined}
                  onChange={set("dataUpdateDeclined")}
                />
              )}
              <TextField
                multiline
                minRows={3}
                name="answer"
                label={translate(
                  declined
                    ? "resources.requests.data_update.answer_declined"
                    : "resources.requests.actions.answer",
                )}
                helperText={
                  declined ? translate("resources.requests.data_update.answer_declined_help") : ""
                }
                value={text("answer")}
                onChange={(e) => set("answer")(e.target.value)}
              />
              <FormControlLabel
                control={
                  <Checkbox
                    checked={values.firstContactResolution === true}
                    onChange={(e) => set("firstContactResolution")(e.target.checked)}
                  />
                }
                label={translate("resources.requests.actions.first_contact")}
              />
            </>
          )}
          {open === "REFER_TO_RESEARCHER" && (
            <ResearcherPicker value={text("researcher")} onChange={set("researcher")} />
          )}
          <RequestErrorAlert error={error} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(null)} disabled={busy}>
            {translate("resources.requests.actions.cancel")}
          </Button>
          <Button
            variant="contained"
            data-testid="action-confirm"
            disabled={busy || !ready}
            onClick={() => open && void run(open, values)}
          >
            {translate("resources.requests.actions.confirm")}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
