// The chair's controls, each behind a confirmation: open the session with attendance, open
// voting on the next item (or again on a closed vote), close the vote, finalise with a
// reason (and the amount approved), defer with a reason, close the session.
import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  Paper,
  Typography,
} from "@mui/material";
import { useRef, useState } from "react";
import { useNotify, useTranslate } from "react-admin";
import type { CommitteeCommand, CommitteeRoom } from "../dataProvider/committee.js";
import { nextPendingItem } from "./agenda.js";
import { ConfirmDialog, type ConfirmValues } from "./parts.js";

type Run = (command: CommitteeCommand, input: Record<string, unknown>) => Promise<unknown>;

type Control = {
  key: string;
  label: string;
  text: string;
  reason?: boolean;
  amount?: boolean;
  color?: "primary" | "success" | "warning" | "error";
  confirm(values: ConfirmValues): Promise<unknown>;
};

function Attendance({
  room,
  present,
  onChange,
}: {
  room: CommitteeRoom;
  present: Set<string>;
  onChange(next: Set<string>): void;
}) {
  return (
    <FormGroup data-testid="open-attendance">
      {room.members.map((m) => (
        <FormControlLabel
          key={m.user.id}
          label={m.user.fullName}
          control={
            <Checkbox
              checked={m.chair || present.has(m.user.id)}
              disabled={m.chair}
              onChange={(e) => {
                const next = new Set(present);
                if (e.target.checked) next.add(m.user.id);
                else next.delete(m.user.id);
                onChange(next);
              }}
            />
          }
        />
      ))}
    </FormGroup>
  );
}

export function ChairControls({ room, run }: { room: CommitteeRoom; run: Run }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState<Control | null>(null);
  const [present, setPresent] = useState<Set<string>>(
    () => new Set(room.members.map((m) => m.user.id)),
  );
  // The dialog holds the control as it was when opened; attendance is ticked after that.
  const presentNow = useRef(present);
  presentNow.current = present;
  const t = (key: string, args?: object) => translate(`resources.committee.chair.${key}`, args);
  const current = room.items.find((i) => i.id === room.currentItem?.id);
  const next = nextPendingItem(room);
  const done = async (result: Promise<unknown>) => {
    await result;
    notify("resources.committee.chair.done", { type: "success" });
  };

  const controls: Control[] = [];
  if (room.status === "SCHEDULED")
    controls.push({
      key: "open-session",
      label: t("open_session"),
      text: t("open_session_text"),
      color: "success",
      confirm: () =>
        done(
          run("openCommitteeSession", {
            session: room.session,
            version: room.version,
            present: [...presentNow.current],
          }),
        ),
    });
  if (room.status === "OPEN") {
    const args = current ? { position: current.position, subject: current.subject } : {};
    if (current?.status === "VOTING")
      controls.push({
        key: "close-voting",
        label: t("close_voting"),
        text: t("close_voting_text", args),
        color: "warning",
        confirm: () => done(run("closeCommitteeVoting", { item: current.id })),
      });
    if (current?.status === "VOTING_CLOSED") {
      controls.push({
        key: "finalise",
        label: t("finalise"),
        text: t("finalise_text", args),
        reason: true,
        amount: current.amountRequested !== null,
        color: "success",
        confirm: ({ reason, amount }) =>
          done(
            run("finaliseCommitteeItem", {
              item: current.id,
              version: current.version,
              reason: reason.trim(),
              ...(amount.trim() ? { amountApproved: amount.trim() } : {}),
            }),
          ),
      });
      controls.push({
        key: "reopen-voting",
        label: t("open_voting"),
        text: t("open_voting_text", args),
        confirm: () => done(run("openCommitteeVoting", { item: current.id })),
      });
    }
    if (current && current.status !== "DECIDED" && current.status !== "DEFERRED")
      controls.push({
        key: "defer",
        label: t("defer"),
        text: t("defer_text", args),
        reason: true,
        color: "warning",
        confirm: ({ reason }) =>
          done(run("deferCommitteeItem", { item: current.id, reason: reason.trim() })),
      });
    const busy = current?.status === "VOTING" || current?.status === "VOTING_CLOSED";
    if (next && !busy)
      controls.push({
        key: current ? "next-item" : "open-voting",
        label: t(current ? "next_item" : "open_voting"),
        text: t("open_voting_text", { position: next.position, subject: next.subject }),
        color: "primary",
        confirm: () => done(run("openCommitteeVoting", { item: next.id })),
      });
    controls.push({
      key: "close-session",
      label: t("close_session"),
      text: t("close_session_text"),
      color: "error",
      confirm: () =>
        done(run("closeCommitteeSession", { session: room.session, version: room.version })),
    });
  }
  if (!controls.length) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="chair-controls">
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {t("title")}
      </Typography>
      <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }}>
        {controls.map((control) => (
          <Button
            key={control.key}
            variant="contained"
            size="large"
            color={control.color ?? "primary"}
            onClick={() => setOpen(control)}
            data-testid={`chair-${control.key}`}
          >
            {control.label}
          </Button>
        ))}
      </Box>
      {open && (
        <ConfirmDialog
          title={open.label}
          text={open.text}
          confirmLabel={t("confirm")}
          reason={open.reason ? t("reason") : undefined}
          amount={open.amount ? t("amount_approved") : undefined}
          onConfirm={open.confirm}
          onClose={() => setOpen(null)}
        >
          {open.key === "open-session" && (
            <Attendance room={room} present={present} onChange={setPresent} />
          )}
        </ConfirmDialog>
      )}
    </Paper>
  );
}
