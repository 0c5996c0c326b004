// The case file's committee history: every session whose agenda the request was on, oldest
// first, with what the committee did (deferred and why, or decided with the counts and the
// reason), a link to the session and its minutes once it closed.
import { Alert, Box, Chip, Paper, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { Link, useCreatePath, useDataProvider, useTranslate } from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
import { DualDate } from "../shared/DateFields.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { AgendaItemStatusChip } from "./AgendaPanel.js";
import { MinutesButton } from "./Minutes.js";
import { CommitteeErrorAlert, useSessionTitle } from "./parts.js";

export function CommitteeHistoryPanel({ request }: { request: { id: string; version?: number } }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const createPath = useCreatePath();
  const title = useSessionTitle();
  const decision = useEnumLabel("decision");
  const deferral = useEnumLabel("deferral");
  // Read again when the request changes (a decision moves its version).
  const { data: entries, error } = useQuery({
    queryKey: ["requests", "committeeHistory", request.id, request.version],
    queryFn: () => dataProvider.getCommitteeHistory(request.id),
  });
  if (error) return <CommitteeErrorAlert error={error} />;
  if (!entries) return null;
  if (!entries.length)
    return (
      <Typography sx={{ p: 2, color: "text.secondary" }} data-testid="committee-history-empty">
        {translate("resources.committee.history.empty")}
      </Typography>
    );
  return (
    <Box sx={{ display: "grid", gap: 1 }} data-testid="committee-history">
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate("resources.committee.history.title")}
      </Typography>
      {entries.map((entry) => (
        <Paper
          key={entry.id}
          variant="outlined"
          sx={{ p: 2 }}
          data-testid="committee-history-entry"
        >
          <Box sx={{ display: "flex", gap: 1, alignItems: "center", flexWrap: "wrap" }}>
            <Link to={createPath({ resource: "committee", type: "show", id: entry.session.id })}>
              {title(entry.session)}
            </Link>
            <DualDate value={entry.session.scheduledAt} withTime />
            <AgendaItemStatusChip status={entry.status} />
            {entry.outcome && (
              <Chip
                size="small"
                color={entry.outcome === "APPROVED" ? "success" : "error"}
                label={decision(entry.outcome)}
                data-testid="committee-history-outcome"
                data-outcome={entry.outcome}
              />
            )}
            {entry.session.minutes && (
              <Box sx={{ marginInlineStart: "auto" }}>
                <MinutesButton session={entry.session.id} minutes={entry.session.minutes} />
              </Box>
            )}
          </Box>
          {entry.outcome && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate("resources.committee.history.counts", {
                approve: entry.approveCount ?? 0,
                reject: entry.rejectCount ?? 0,
                abstain: entry.abstainCount ?? 0,
              })}
              {entry.chairBrokeTie ? ` · ${translate("resources.committee.item.tie_broken")}` : ""}
              {entry.decisionReason ? ` — ${entry.decisionReason}` : ""}
            </Typography>
          )}
          {entry.status === "DEFERRED" && (
            <Alert severity="info" sx={{ mt: 1 }}>
              {translate("resources.committee.item.deferred", {
                reason: entry.deferredReason ?? deferral(entry.deferral),
              })}
            </Alert>
          )}
        </Paper>
      ))}
    </Box>
  );
}
