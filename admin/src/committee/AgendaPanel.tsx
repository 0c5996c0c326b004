// The session's agenda: its items in order with their state and decision. Staff who manage
// sessions add requests raised to the committee (IN_COMMITTEE) and remove items; they and the
// chair reorder the items not yet voted on with the arrows.
import AddIcon from "@mui/icons-material/Add";
import DeleteIcon from "@mui/icons-material/DeleteOutlined";
import DownIcon from "@mui/icons-material/KeyboardArrowDown";
import UpIcon from "@mui/icons-material/KeyboardArrowUp";
import {
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  List,
  ListItem,
  ListItemText,
  Paper,
  TextField,
  Tooltip,
  Typography,
} from "@mui/material";
import { useState } from "react";
import { Link, useCreatePath, useGetList, useNotify, useTranslate } from "react-admin";
import type { CommitteeCommand, CommitteeRoom, RoomItem } from "../dataProvider/committee.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { useDialogSubmit } from "../shared/useDialogSubmit.js";
import { undecidedStates } from "./agenda.js";
import { CommitteeErrorAlert, ConfirmDialog } from "./parts.js";

type Run = (command: CommitteeCommand, input: Record<string, unknown>) => Promise<unknown>;
type Candidate = {
  id: string;
  reference: string | null;
  subject: string;
  member?: { fullNameAr?: string };
};

function AddToAgendaDialog({
  room,
  run,
  onClose,
}: {
  room: CommitteeRoom;
  run: Run;
  onClose(): void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const [search, setSearch] = useState("");
  const { busy, failure: error, submit } = useDialogSubmit("alert");
  const { data = [], isPending } = useGetList<Candidate>("requests", {
    filter: { status: "IN_COMMITTEE", ...(search.trim() ? { q: search.trim() } : {}) },
    pagination: { page: 1, perPage: 20 },
    sort: { field: "decisionDueAt", order: "ASC" },
  });
  const onAgenda = new Set(
    room.items.filter((i) => undecidedStates.has(i.status)).map((i) => i.request),
  );
  const candidates = data.filter((r) => !onAgenda.has(r.id));
  const add = (request: Candidate) =>
    submit(async () => {
      await run("addToCommitteeAgenda", { session: room.session, request: request.id });
      notify("resources.committee.agenda.added", { type: "success" });
    });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate("resources.committee.agenda.add_title")}</DialogTitle>
      <DialogContent data-testid="agenda-add-dialog">
        <TextField
          label={translate("resources.committee.agenda.search")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          fullWidth
          size="small"
          sx={{ mt: 1 }}
          slotProps={{ htmlInput: { dir: "ltr" } }}
        />
        <CommitteeErrorAlert error={error} />
        <List dense>
          {candidates.map((request) => (
            <ListItem
              key={request.id}
              data-testid="agenda-candidate"
              secondaryAction={
                <Button
                  size="small"
                  variant="outlined"
                  disabled={busy}
                  onClick={() => add(request)}
                  data-testid="agenda-candidate-add"
                >
                  {translate("resources.committee.agenda.add")}
                </Button>
              }
            >
              <ListItemText
                primary={
                  <span>
                    <bdi dir="ltr">{request.reference}</bdi> — {request.subject}
                  </span>
                }
                secondary={request.member?.fullNameAr}
                sx={{ paddingInlineEnd: "96px" }}
              />
            </ListItem>
          ))}
        </List>
        {!isPending && !candidates.length && (
          <Typography color="text.secondary">
            {translate("resources.committee.agenda.none_waiting")}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate("resources.committee.form.cancel")}</Button>
      </DialogActions>
    </Dialog>
  );
}

const itemTones = {
  PENDING: "default",
  VOTING: "warning",
  VOTING_CLOSED: "info",
  DECIDED: "success",
  DEFERRED: "default",
} as const;

export function AgendaItemStatusChip({ status }: { status: RoomItem["status"] }) {
  const label = useEnumLabel("agenda_status");
  return (
    <Chip
      size="small"
      label={label(status)}
      color={itemTones[status]}
      data-testid="agenda-item-status"
      data-status={status}
    />
  );
}

export function AgendaPanel({
  room,
  manages,
  run,
}: {
  room: CommitteeRoom;
  /** Staff who manage sessions: add and remove items. */
  manages: boolean;
  run: Run;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const createPath = useCreatePath();
  const decision = useEnumLabel("decision");
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<RoomItem | null>(null);
  const [error, setError] = useState<unknown>(null);
  const building = room.status !== "CLOSED";
  const reorders = building && (manages || room.viewerIsChair);
  const items = [...room.items].sort((a, b) => a.position - b.position);
  const move = async (item: RoomItem, position: number) => {
    setError(null);
    try {
      await run("moveCommitteeAgendaItem", { item: item.id, position });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="agenda">
      <Box sx={{ display: "flex", alignItems: "center", gap: 1, mb: 1, flexWrap: "wrap" }}>
        <Typography variant="h6" component="h2">
          {translate("resources.committee.agenda.title")}
        </Typography>
        {manages && building && (
          <Button
            startIcon={<AddIcon />}
            variant="outlined"
            onClick={() => setAdding(true)}
            data-testid="agenda-add"
            sx={{ marginInlineStart: "auto" }}
          >
            {translate("resources.committee.agenda.add")}
          </Button>
        )}
      </Box>
      <CommitteeErrorAlert error={error} />
      {!items.length && (
        <Typography color="text.secondary">
          {translate("resources.committee.agenda.empty")}
        </Typography>
      )}
      {items.map((item, index) => {
        const movable = reorders && item.status === "PENDING";
        return (
          <Box
            key={item.id}
            data-testid="agenda-item"
            data-item={item.id}
            data-position={item.position}
            sx={{
              display: "flex",
              alignItems: "center",
              gap: 1,
              py: 1,
              borderTop: index ? 1 : 0,
              borderColor: "divider",
              flexWrap: "wrap",
              bgcolor: room.currentItem?.id === item.id ? "action.selected" : undefined,
            }}
          >
            <Typography sx={{ fontWeight: 700, minWidth: 28 }}>{item.position}</Typography>
            <Box sx={{ flex: "1 1 240px", minWidth: 0 }}>
              <Link to={createPath({ resource: "requests", type: "show", id: item.request })}>
                <bdi dir="ltr">{item.reference ?? "—"}</bdi>
              </Link>{" "}
              — {item.subject}
              <Typography variant="body2" color="text.secondary">
                {item.memberName}
              </Typography>
            </Box>
            <AgendaItemStatusChip status={item.status} />
            {item.outcome && (
              <Chip
                size="small"
                variant="outlined"
                color={item.outcome === "APPROVED" ? "success" : "error"}
                label={decision(item.outcome)}
                data-testid="agenda-item-outcome"
              />
            )}
            {movable && (
              <>
                <Tooltip title={translate("resources.committee.agenda.up")}>
                  <span>
                    <IconButton
                      size="small"
                      disabled={index === 0}
                      onClick={() => move(item, item.position - 1)}
                      aria-label={translate("resources.committee.agenda.up")}
                      data-testid="agenda-up"
                    >
                      <UpIcon />
                    </IconButton>
                  </span>
                </Tooltip>
                <Tooltip title={translate("resources.committee.agenda.down")}>
                  <span>
                    <IconButton
                      size="small"
                      disabled={index === items.length - 1}
                      onClick={() => move(item, item.position + 1)}
                      aria-label={translate("resources.committee.agenda.down")}
                      data-testid="agenda-down"
                    >
                      <DownIcon />
                    </IconButton>
                  </span>
                </Tooltip>
              </>
            )}
            {manages && building && item.status === "PENDING" && (
              <Tooltip title={translate("resources.committee.agenda.remove")}>
                <IconButton
                  size="small"
                  onClick={() => setRemoving(item)}
                  aria-label={translate("resources.committee.agenda.remove")}
                  data-testid="agenda-remove"
                >
                  <DeleteIcon />
                </IconButton>
              </Tooltip>
            )}
          </Box>
        );
      })}
      {adding && <AddToAgendaDialog room={room} run={run} onClose={() => setAdding(false)} />}
      {removing && (
        <ConfirmDialog
          title={translate("resources.committee.agenda.remove")}
          text={translate("resources.committee.agenda.remove_confirm", {
            position: removing.position,
            reference: removing.reference ?? "—",
          })}
          confirmLabel={translate("resources.committee.chair.confirm")}
          onConfirm={async () => {
            await run("removeFromCommitteeAgenda", { item: removing.id });
            notify("resources.committee.agenda.removed", { type: "success" });
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </Paper>
  );
}
