// A session's screen, which is also its live room: the session (time, chair, rule, live
// state), the chair's controls, the item under review with the vote, the members with
// attendance and who has the room open, and the agenda. Staff who manage sessions build
// the agenda here; committee members and the chair review and vote. Laid out in one column
// below 1200 px wide, so a tablet (1024×768) never scrolls sideways.
import EditIcon from "@mui/icons-material/Edit";
import { Alert, Box, Button, Chip, Paper, Switch, Typography } from "@mui/material";
import { useState } from "react";
import {
  Link,
  Loading,
  Title,
  useCanAccess,
  useCreatePath,
  useGetIdentity,
  useTranslate,
} from "react-admin";
import { useParams } from "react-router-dom";
import type { CommitteeCommand, CommitteeRoom } from "../dataProvider/committee.js";
import type { LiveStatus } from "../live/useLiveUpdates.js";
import { DualDate } from "../shared/DateFields.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { AgendaPanel } from "./AgendaPanel.js";
import { ChairControls } from "./ChairControls.js";
import { MinutesButton } from "./Minutes.js";
import { CommitteeErrorAlert, SessionStatusChip, useSessionTitle } from "./parts.js";
import { ReviewPanel } from "./ReviewPanel.js";
import { useCommitteeRoom } from "./useCommitteeRoom.js";

type Run = (command: CommitteeCommand, input: Record<string, unknown>) => Promise<unknown>;

/** The room's connection as the member sees it: live, or reconnecting by itself. */
function RoomLiveState({ status }: { status: LiveStatus | null }) {
  const translate = useTranslate();
  if (!status) return null;
  if (status === "live")
    return (
      <Chip
        size="small"
        color="success"
        label={translate("resources.committee.room.live")}
        data-testid="room-live"
        data-status={status}
      />
    );
  return (
    <Alert
      severity="warning"
      data-testid="room-live"
      data-status={status}
      role="status"
      sx={{ width: "100%" }}
    >
      {translate(
        status === "connecting"
          ? "resources.committee.room.connecting"
          : "resources.committee.room.reconnecting",
      )}
    </Alert>
  );
}

export function MembersPanel({
  room,
  inRoomNow,
  viewer,
  run,
}: {
  room: CommitteeRoom;
  inRoomNow: string[] | null;
  viewer: string;
  run: Run;
}) {
  const translate = useTranslate();
  const [error, setError] = useState<unknown>(null);
  const attend = async (member: string, present: boolean) => {
    setError(null);
    try {
      await run("markCommitteeAttendance", {
        session: room.session,
        present,
        ...(member === viewer ? {} : { member }),
      });
    } catch (e) {
      setError(e);
    }
  };
  const open = room.status === "OPEN";
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="room-members">
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate("resources.committee.room.members")}
      </Typography>
      {room.members.map((m) => {
        const here = inRoomNow ? inRoomNow.includes(m.user.id) : m.inRoomNow;
        const mine = m.user.id === viewer;
        const marks = open && (room.viewerIsChair || mine);
        return (
          <Box
            key={m.user.id}
            data-testid="room-member"
            data-present={m.present}
            data-in-room={here}
            sx={{ display: "flex", alignItems: "center", gap: 1, py: 0.5, flexWrap: "wrap" }}
          >
            <Box
              component="span"
              title={here ? translate("resources.committee.room.in_room") : undefined}
              sx={{
                width: 10,
                height: 10,
                borderRadius: "50%",
                bgcolor: here ? "success.main" : "grey.400",
                flex: "none",
              }}
            />
            <Typography sx={{ flex: "1 1 120px" }}>
              {m.user.fullName}
              {m.chair ? ` (${translate("resources.committee.room.chair")})` : ""}
            </Typography>
            {marks ? (
              <Switch
                checked={m.present}
                onChange={(e) => attend(m.user.id, e.target.checked)}
                slotProps={{
                  input: {
                    "aria-label": translate(
                      m.present
                        ? "resources.committee.room.leave"
                        : "resources.committee.room.join",
                    ),
                  },
                }}
                data-testid={mine ? "attend-me" : "attend-member"}
              />
            ) : null}
            <Chip
              size="small"
              variant={m.present ? "filled" : "outlined"}
              color={m.present ? "success" : "default"}
              label={translate(`resources.committee.room.${m.present ? "present" : "absent"}`)}
            />
          </Box>
        );
      })}
      <CommitteeErrorAlert error={error} />
    </Paper>
  );
}

function Header({ room, status }: { room: CommitteeRoom; status: LiveStatus | null }) {
  const translate = useTranslate();
  const title = useSessionTitle();
  const createPath = useCreatePath();
  const ballot = useEnumLabel("ballot_visibility");
  const tie = useEnumLabel("tie_break");
  const f = (name: string) => translate(`resources.committee.fields.${name}`);
  const { canAccess: manages } = useCanAccess({ resource: "committee", action: "edit" });
  const chair = room.members.find((m) => m.chair);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="session-header">
      <Title title={title(room)} />
      <Box sx={{ display: "flex", gap: 1, alignItems: "center", flexWrap: "wrap" }}>
        <Typography variant="h5" component="h1" data-testid="session-title">
          {title(room)}
        </Typography>
        <SessionStatusChip status={room.status} />
        <RoomLiveState status={status === "live" ? status : null} />
        <Box sx={{ marginInlineStart: "auto", display: "flex", gap: 1 }}>
          {room.hasMinutes && <MinutesButton session={room.session} />}
          {manages && room.status !== "CLOSED" && (
            <Button
              component={Link}
              to={createPath({ resource: "committee", type: "edit", id: room.session })}
              startIcon={<EditIcon />}
              data-testid="session-edit"
            >
              {translate("ra.action.edit")}
            </Button>
          )}
        </Box>
      </Box>
      <Box sx={{ display: "flex", gap: 3, flexWrap: "wrap", mt: 1 }}>
        <Box>
          <Typography variant="caption">{f("scheduledAt")}</Typography>
          <Box>
            <DualDate value={room.scheduledAt} withTime />
          </Box>
        </Box>
        <Box>
          <Typography variant="caption">{f("chair")}</Typography>
          <Typography>{chair?.user.fullName ?? "—"}</Typography>
        </Box>
        <Box>
          <Typography variant="caption">{f("ballotVisibility")}</Typography>
          <Typography>{ballot(room.ballotVisibility)}</Typography>
        </Box>
        <Box>
          <Typography variant="caption">{f("tieBreak")}</Typography>
          <Typography>{tie(room.tieBreak)}</Typography>
        </Box>
        <Box>
          <Typography variant="caption">{f("quorumPercent")}</Typography>
          <Typography dir="ltr" sx={{ textAlign: "start" }}>
            {room.quorumPercent}%
          </Typography>
        </Box>
      </Box>
      {status && status !== "live" && (
        <Box sx={{ mt: 1 }}>
          <RoomLiveState status={status} />
        </Box>
      )}
    </Paper>
  );
}

export function SessionShow() {
  const translate = useTranslate();
  const { id = "" } = useParams();
  const { identity } = useGetIdentity();
  const { canAccess: manages = false } = useCanAccess({ resource: "committee", action: "edit" });
  const { room, inRoomNow, error, status, run } = useCommitteeRoom(id);
  if (!room)
    return error ? (
      <Box sx={{ mt: 2 }}>
        <Typography variant="h6">{translate("resources.committee.room.load_failed")}</Typography>
        <CommitteeErrorAlert error={error} />
      </Box>
    ) : (
      <Loading />
    );
  const viewer = identity ? String(identity.id) : "";
  const current = room.items.find((i) => i.id === room.currentItem?.id);
  return (
    <Box
      sx={{ display: "grid", gap: 2, mt: 2, maxWidth: "100%", minWidth: 0 }}
      data-testid="committee-room"
    >
      <Header room={room} status={status} />
      {room.status === "SCHEDULED" && (
        <Alert severity="info">{translate("resources.committee.room.scheduled_notice")}</Alert>
      )}
      {room.status === "CLOSED" && (
        <Alert severity="info">{translate("resources.committee.room.closed_notice")}</Alert>
      )}
      {room.viewerIsChair && room.status !== "CLOSED" && <ChairControls room={room} run={run} />}
      <Box
        sx={{
          display: "grid",
          gap: 2,
          gridTemplateColumns: { xs: "minmax(0, 1fr)", lg: "minmax(0, 2fr) minmax(0, 1fr)" },
        }}
      >
        <Box sx={{ display: "grid", gap: 2, minWidth: 0, alignContent: "start" }}>
          {room.status === "OPEN" &&
            (current ? (
              <ReviewPanel room={room} item={current} run={run} viewer={viewer} />
            ) : (
              <Paper variant="outlined" sx={{ p: 2 }} data-testid="review-none">
                {translate("resources.committee.room.no_current")}
              </Paper>
            ))}
          <AgendaPanel room={room} manages={manages} run={run} />
        </Box>
        <MembersPanel room={room} inRoomNow={inRoomNow} viewer={viewer} run={run} />
      </Box>
    </Box>
  );
}
