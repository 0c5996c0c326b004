// The item under review, as a member sees it on a tablet: the case in brief (applicant,
// request, amount, decision clock, the researcher's recommendation, the verified documents,
// a link to the full case file), the big vote buttons with an optional comment, the live
// tally and who voted (when the ballot names them), the quorum, and recusal with a reason.

import AbstainIcon from "@mui/icons-material/DoNotDisturbAlt";
import RejectIcon from "@mui/icons-material/ThumbDownAlt";
import ApproveIcon from "@mui/icons-material/ThumbUpAlt";
import {
  Alert,
  Box,
  Button,
  Chip,
  Link as MuiLink,
  Paper,
  TextField,
  Typography,
} from "@mui/material";
import { useEffect, useState } from "react";
import { Link, useCreatePath, useDataProvider, useNotify, useTranslate } from "react-admin";
import type {
  CommitteeCaseSummary,
  CommitteeCommand,
  CommitteeRoom,
  RoomItem,
} from "../dataProvider/committee.js";
import type { WaslDataProvider } from "../dataProvider/index.js";
import { DueCountdown } from "../requests/RequestFields.js";
import { DualDate } from "../shared/DateFields.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { useDialogSubmit } from "../shared/useDialogSubmit.js";
import { AgendaItemStatusChip } from "./AgendaPanel.js";
import { CommitteeErrorAlert, ConfirmDialog } from "./parts.js";

type Run = (command: CommitteeCommand, input: Record<string, unknown>) => Promise<unknown>;

const choices = [
  { choice: "APPROVE", color: "success", Icon: ApproveIcon },
  { choice: "REJECT", color: "error", Icon: RejectIcon },
  { choice: "ABSTAIN", color: "inherit", Icon: AbstainIcon },
] as const;

/** The request as the members read it: clock, research, documents (refetched per item). */
function useCommitteeCase(request: string) {
  const dataProvider = useDataProvider<WaslDataProvider>();
  const [summary, setSummary] = useState<CommitteeCaseSummary | null>(null);
  useEffect(() => {
    let live = true;
    setSummary(null);
    dataProvider.getCommitteeCase(request).then(
      (found) => live && setSummary(found),
      () => live && setSummary(null),
    );
    return () => {
      live = false;
    };
  }, [dataProvider, request]);
  return summary;
}

/** The research recommendation and verified documents, read from the request itself. */
function CaseSummary({ summary }: { summary: CommitteeCaseSummary | null }) {
  const translate = useTranslate();
  const recommendation = useEnumLabel("recommendation");
  const documentKind = useEnumLabel("document_kind");
  if (!summary) return null;
  const reports = summary.researchReports.filter((r) => r.submitted);
  const verified = summary.documents.filter((d) => d.verification === "ACCEPTED");
  return (
    <Box sx={{ display: "grid", gap: 1, gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr" } }}>
      <Box data-testid="review-research">
        <Typography variant="subtitle2">
          {translate("resources.committee.item.research")}
        </Typography>
        {reports.length ? (
          reports.map((r) => (
            <Typography key={r.id} variant="body2">
              <strong>{recommendation(r.recommendation)}</strong>
              {r.researcherName ? ` — ${r.researcherName}` : ""}
              {r.findings ? (
                <Box component="span" sx={{ display: "block", whiteSpace: "pre-wrap" }}>
                  {r.findings}
                </Box>
              ) : null}
            </Typography>
          ))
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate("resources.committee.item.no_research")}
          </Typography>
        )}
      </Box>
      <Box data-testid="review-documents">
        <Typography variant="subtitle2">
          {translate("resources.committee.item.documents")}
        </Typography>
        {verified.length ? (
          verified.map((d) => (
            <Typography key={d.id} variant="body2">
              <MuiLink href={d.downloadUrl} target="_blank" rel="noopener">
                {documentKind(d.kind)}
              </MuiLink>{" "}
              <bdi dir="ltr">{d.fileName}</bdi>
            </Typography>
          ))
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate("resources.committee.item.no_documents")}
          </Typography>
        )}
      </Box>
    </Box>
  );
}

export function QuorumIndicator({ quorum }: { quorum: RoomItem["quorum"] }) {
  const translate = useTranslate();
  return (
    <Chip
      data-testid="quorum"
      data-met={quorum.met}
      color={quorum.met ? "success" : "warning"}
      label={translate(`resources.committee.quorum.${quorum.met ? "met" : "not_met"}`, {
        present: quorum.eligiblePresent,
        members: quorum.members,
        required: quorum.required,
      })}
      sx={{
        maxWidth: "100%",
        height: "auto",
        "& .MuiChip-label": { whiteSpace: "normal", py: 0.5 },
      }}
    />
  );
}

function Tally({ item }: { item: RoomItem }) {
  const translate = useTranslate();
  const choice = useEnumLabel("vote_choice");
  return (
    <Box data-testid="tally">
      <Typography variant="subtitle2">{translate("resources.committee.vote.tally")}</Typography>
      <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap", my: 1 }}>
        {choices.map(({ choice: c }) => (
          <Paper
            key={c}
            variant="outlined"
            sx={{ px: 2, py: 1, textAlign: "center", minWidth: 88 }}
          >
            <Typography variant="h5" data-testid={`tally-${c}`}>
              {item.tally[c.toLowerCase() as "approve" | "reject" | "abstain"]}
            </Typography>
            <Typography variant="caption">{choice(c)}</Typography>
          </Paper>
        ))}
      </Box>
      <Typography variant="body2" data-testid="tally-voters">
        {translate("resources.committee.vote.voters", {
          count: item.voterCount,
          members: item.quorum.members,
        })}
      </Typography>
      {item.votesNamed ? (
        <Box data-testid="votes" sx={{ mt: 1 }}>
          {item.votes.length ? (
            item.votes.map((v) => (
              <Typography key={v.voter.id} variant="body2" data-testid="vote-row">
                {v.voter.fullName}: <strong>{choice(v.choice)}</strong>
                {v.comment ? ` — ${v.comment}` : ""}
              </Typography>
            ))
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate("resources.committee.vote.none_yet")}
            </Typography>
          )}
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary" data-testid="votes-secret">
          {translate("resources.committee.vote.secret")}
        </Typography>
      )}
    </Box>
  );
}

function VoteBox({
  room,
  item,
  run,
  viewer,
}: {
  room: CommitteeRoom;
  item: RoomItem;
  run: Run;
  viewer: string;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const choice = useEnumLabel("vote_choice");
  const [comment, setComment] = useState("");
  const { busy, failure: error, submit } = useDialogSubmit("alert");
  const [recusing, setRecusing] = useState(false);
  const seat = room.members.find((m) => m.user.id === viewer);
  const recused = item.recusals.some((r) => r.member.id === viewer);
  const cast = (c: string) =>
    submit(async () => {
      await run("castCommitteeVote", {
        item: item.id,
        choice: c,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      notify("resources.committee.vote.cast", { type: "success" });
    });
  if (recused)
    return (
      <Alert severity="info" data-testid="recused">
        {translate("resources.committee.recuse.recused")}
      </Alert>
    );
  return (
    <Box data-testid="vote-box">
      <Typography variant="subtitle2">{translate("resources.committee.vote.title")}</Typography>
      {item.myVote && (
        <Typography data-testid="my-vote" data-choice={item.myVote.choice} sx={{ my: 0.5 }}>
          {translate("resources.committee.vote.yours", { choice: choice(item.myVote.choice) })}
        </Typography>
      )}
      {item.status === "VOTING" ? (
        seat?.present ? (
          <>
            <Box
              sx={{
                display: "grid",
                gap: 1,
                gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
                my: 1,
              }}
            >
              {choices.map(({ choice: c, color, Icon }) => (
                <Button
                  key={c}
                  size="large"
                  color={color}
                  variant={item.myVote?.choice === c ? "contained" : "outlined"}
                  disabled={busy}
                  onClick={() => cast(c)}
                  startIcon={<Icon />}
                  data-testid={`vote-${c}`}
                  sx={{ minHeight: 64, fontSize: "1.15rem" }}
                >
                  {choice(c)}
                </Button>
              ))}
            </Box>
            <TextField
              label={translate("resources.committee.vote.comment")}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              fullWidth
              size="small"
              slotProps={{ htmlInput: { maxLength: 2000, "data-testid": "vote-comment" } }}
              helperText={translate("resources.committee.vote.change_hint")}
            />
          </>
        ) : (
          <Alert severity="warning">{translate("resources.committee.vote.not_present")}</Alert>
        )
      ) : (
        <Typography color="text.secondary" sx={{ my: 1 }}>
          {translate(
            item.status === "PENDING"
              ? "resources.committee.vote.waiting"
              : "resources.committee.vote.closed",
          )}
        </Typography>
      )}
      <CommitteeErrorAlert error={error} />
      {(item.status === "PENDING" || item.status === "VOTING") && (
        <Button
          color="warning"
          onClick={() => setRecusing(true)}
          data-testid="recuse"
          sx={{ mt: 1 }}
        >
          {translate("resources.committee.recuse.button")}
        </Button>
      )}
      {recusing && (
        <ConfirmDialog
          title={translate("resources.committee.recuse.title")}
          text={translate("resources.committee.recuse.text")}
          reason={translate("resources.committee.recuse.reason")}
          confirmLabel={translate("resources.committee.chair.confirm")}
          onConfirm={async ({ reason }) => {
            await run("recuseFromCommitteeItem", { item: item.id, reason: reason.trim() });
            notify("resources.committee.recuse.done", { type: "success" });
          }}
          onClose={() => setRecusing(false)}
        />
      )}
    </Box>
  );
}

export function ReviewPanel({
  room,
  item,
  run,
  viewer,
}: {
  room: CommitteeRoom;
  item: RoomItem;
  run: Run;
  /** The signed-in user's ID. */
  viewer: string;
}) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const type = useEnumLabel("request_type");
  const decision = useEnumLabel("decision");
  const deferral = useEnumLabel("deferral");
  const summary = useCommitteeCase(item.request);
  return (
    <Paper
      variant="outlined"
      sx={{ p: 2 }}
      data-testid="review"
      data-item={item.id}
      data-status={item.status}
    >
      <Box sx={{ display: "flex", gap: 1, alignItems: "center", flexWrap: "wrap", mb: 1 }}>
        <Typography variant="overline">{translate("resources.committee.room.current")}</Typography>
        <Typography variant="h6" component="h2">
          {translate("resources.committee.item.position", { position: item.position })}
        </Typography>
        <AgendaItemStatusChip status={item.status} />
        <QuorumIndicator quorum={item.quorum} />
      </Box>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }} data-testid="review-subject">
        {item.subject}
      </Typography>
      <Box
        sx={{
          display: "grid",
          gap: 1,
          gridTemplateColumns: {
            xs: "1fr",
            sm: "repeat(2, minmax(0, 1fr))",
            md: "repeat(4, minmax(0, 1fr))",
          },
          my: 1,
        }}
      >
        <Box>
          <Typography variant="caption">{translate("resources.committee.item.member")}</Typography>
          <Typography data-testid="review-member">{item.memberName}</Typography>
        </Box>
        <Box>
          <Typography variant="caption">{translate("resources.committee.item.request")}</Typography>
          <Typography>
            <bdi dir="ltr">{item.reference ?? "—"}</bdi> · {type(item.requestType)}
          </Typography>
        </Box>
        <Box>
          <Typography variant="caption">{translate("resources.committee.item.amount")}</Typography>
          <Typography dir="ltr" sx={{ textAlign: "start" }} data-testid="review-amount">
            {item.amountRequested ?? "—"}
          </Typography>
        </Box>
        <Box>
          <Typography variant="caption">{translate("resources.committee.item.due")}</Typography>
          <Box sx={{ display: "flex", gap: 1, alignItems: "center", flexWrap: "wrap" }}>
            {item.decisionDueAt ? <DualDate value={item.decisionDueAt} /> : "—"}
            {summary && <DueCountdown info={summary} />}
          </Box>
        </Box>
      </Box>
      <Link
        to={createPath({ resource: "requests", type: "show", id: item.request })}
        data-testid="review-case-link"
      >
        {translate("resources.committee.item.open_case")}
      </Link>
      <Box sx={{ my: 2 }}>
        <CaseSummary summary={summary} />
      </Box>
      {item.outcome && (
        <Alert
          severity={item.outcome === "APPROVED" ? "success" : "error"}
          data-testid="review-outcome"
          sx={{ mb: 1 }}
        >
          {translate("resources.committee.item.outcome", { outcome: decision(item.outcome) })}
          {item.decisionReason ? ` — ${item.decisionReason}` : ""}
          {item.chairBrokeTie ? ` (${translate("resources.committee.item.tie_broken")})` : ""}
        </Alert>
      )}
      {item.status === "DEFERRED" && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate("resources.committee.item.deferred", {
            reason: item.deferredReason ?? deferral(item.deferral),
          })}
        </Alert>
      )}
      <Box
        sx={{
          display: "grid",
          gap: 2,
          gridTemplateColumns: { xs: "1fr", md: "repeat(2, minmax(0, 1fr))" },
        }}
      >
        {room.viewerIsMember && room.status === "OPEN" ? (
          <VoteBox room={room} item={item} run={run} viewer={viewer} />
        ) : null}
        <Tally item={item} />
      </Box>
      {item.recusals.length > 0 && (
        <Box sx={{ mt: 1 }} data-testid="recusals">
          <Typography variant="subtitle2">
            {translate("resources.committee.recuse.list")}
          </Typography>
          {item.recusals.map((r) => (
            <Typography key={r.member.id} variant="body2">
              {r.member.fullName}: {r.reason}
            </Typography>
          ))}
        </Box>
      )}
    </Paper>
  );
}
