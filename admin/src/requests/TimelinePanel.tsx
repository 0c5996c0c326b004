// The case file's timeline: what happened to the request, oldest first.
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useTranslate } from "react-admin";
import { DualDate } from "../shared/DateFields.js";
import { useEnumLabel } from "../shared/EnumField.js";
import type { CaseRequest } from "./CaseRequest.js";

export function TimelinePanel({ request }: { request: CaseRequest }) {
  const translate = useTranslate();
  const kind = useEnumLabel("timeline_kind");
  const status = useEnumLabel("request_status");
  const events = (request.timeline?.edges ?? []).map((e) => e.node);
  if (!events.length)
    return (
      <Typography sx={{ p: 2, color: "text.secondary" }}>
        {translate("resources.requests.timeline.none")}
      </Typography>
    );
  return (
    <Box sx={{ overflowX: "auto", width: "100%" }} data-testid="request-timeline">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate("wasl.timeline.at")}</TableCell>
            <TableCell>{translate("wasl.timeline.kind")}</TableCell>
            <TableCell>{translate("wasl.timeline.actor")}</TableCell>
            <TableCell>{translate("wasl.timeline.note")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {events.map((e) => (
            <TableRow key={e.id} data-testid="timeline-row">
              <TableCell>
                <DualDate value={e.at} withTime />
              </TableCell>
              <TableCell>
                {kind(e.kind)}
                {e.toStatus && (
                  <Typography variant="caption" sx={{ display: "block" }} color="text.secondary">
                    {translate("wasl.timeline.status_change", {
                      from: e.fromStatus ? status(e.fromStatus) : "—",
                      to: status(e.toStatus),
                    })}
                  </Typography>
                )}
              </TableCell>
              <TableCell>{e.actorName ?? "—"}</TableCell>
              <TableCell sx={{ whiteSpace: "pre-wrap" }}>{e.note ?? ""}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
