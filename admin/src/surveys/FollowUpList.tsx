// Low ratings on named surveys, open first: the member, the request (its case file), the
// ratings given and the month; staff close one by saying what was done (improvement, not
// blame).
import { Chip, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from "@mui/material";
import { useState } from "react";
import {
  Button,
  Datagrid,
  FunctionField,
  List,
  SelectInput,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
import { EnumField, enumChoices } from "../shared/EnumField.js";
import { useDialogSubmit } from "../shared/useDialogSubmit.js";

type FollowUpRecord = {
  id: string;
  status: "OPEN" | "CLOSED";
  month: string;
  ratings: number[];
  note: string | null;
  member: { id: string; memberNumber: string; fullNameAr: string } | null;
  request: { id: string; reference: string | null; subject: string } | null;
  survey: { titleAr: string; titleEn: string };
};

const f = (key: string) => `resources.surveyFollowUps.${key}`;

function CloseButton() {
  const record = useRecordContext<FollowUpRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const { busy, submit } = useDialogSubmit("notice", f("failed"));
  if (record?.status !== "OPEN") return null;
  const close = () =>
    submit(async () => {
      await dataProvider.closeSurveyFollowUp(record.id, note);
      notify(f("closed"), { type: "success" });
      setOpen(false);
      refresh();
    });
  return (
    <>
      <Button label={f("close")} onClick={() => setOpen(true)} data-testid="follow-up-close" />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(f("close_title"))}</DialogTitle>
        <DialogContent>
          <TextField
            label={translate(f("note_label"))}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            multiline
            minRows={3}
            fullWidth
            required
            sx={{ mt: 1 }}
            slotProps={{ htmlInput: { "data-testid": "follow-up-note" } }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button
            label={f("close")}
            onClick={close}
            disabled={busy || !note.trim()}
            variant="contained"
          />
        </DialogActions>
      </Dialog>
    </>
  );
}

const filters = [
  <SelectInput
    key="status"
    source="status"
    alwaysOn
    choices={enumChoices("follow_up_status", ["OPEN", "CLOSED"])}
  />,
];

export function FollowUpList() {
  return (
    <List perPage={25} exporter={false} filters={filters} filterDefaultValues={{ status: "OPEN" }}>
      <Datagrid bulkActionButtons={false} data-testid="follow-ups-grid" rowClick={false}>
        <EnumField source="status" group="follow_up_status" chip sortable={false} />
        <FunctionField
          source="member"
          sortable={false}
          render={(r: FollowUpRecord) =>
            r.member ? (
              <a href={`#/members/${encodeURIComponent(r.member.id)}/show`}>
                {r.member.fullNameAr} ({r.member.memberNumber})
              </a>
            ) : (
              "—"
            )
          }
        />
        <FunctionField
          source="request"
          sortable={false}
          render={(r: FollowUpRecord) =>
            r.request ? (
              <a href={`#/requests/${encodeURIComponent(r.request.id)}/show`}>
                {r.request.reference ?? r.request.subject}
              </a>
            ) : (
              "—"
            )
          }
        />
        <FunctionField
          source="ratings"
          sortable={false}
          render={(r: FollowUpRecord) => (
            <span dir="ltr">
              {r.ratings.map((rating, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: ratings are in question order
                <Chip key={i} size="small" label={rating} sx={{ mr: 0.5 }} />
              ))}
            </span>
          )}
        />
        <EnumField source="channel" group="channel" sortable={false} />
        <FunctionField
          source="month"
          sortable={false}
          render={(r: FollowUpRecord) => r.month.slice(0, 7)}
        />
        <FunctionField
          source="note"
          sortable={false}
          render={(r: FollowUpRecord) => r.note ?? ""}
        />
        <CloseButton />
      </Datagrid>
    </List>
  );
}
