// What was sent to a member (on their file) or about a request (on its case file): the
// outbox's rows for them, newest first, each opening in the outbox.
import { Box, Table, TableBody, TableCell, TableRow, Typography } from "@mui/material";
import { Link, useCanAccess, useCreatePath, useGetList, useTranslate } from "react-admin";
import { DualDate } from "../shared/DateFields.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { OutboxStatusLabel } from "./OutboxStatusChip.js";

type Row = {
  id: string;
  event: string;
  channel: string;
  status: string;
  subject: string;
  createdAt: string;
};

export function SentNotifications({ member, request }: { member?: string; request?: string }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const eventLabel = useEnumLabel("notification_event");
  const channelLabel = useEnumLabel("notification_channel");
  const { canAccess } = useCanAccess({ resource: "outbox", action: "list" });
  const { data } = useGetList<Row>(
    "outbox",
    {
      filter: member ? { member } : { request },
      pagination: { page: 1, perPage: 50 },
      sort: { field: "createdAt", order: "DESC" },
    },
    { enabled: canAccess === true },
  );
  if (!canAccess) return null;
  return (
    <Box sx={{ mt: 3 }} data-testid="sent-notifications">
      <Typography variant="subtitle1" gutterBottom>
        {translate(
          request ? "resources.outbox.sent_on_request" : "resources.outbox.sent_to_member",
        )}
      </Typography>
      {!data?.length ? (
        <Typography color="text.secondary">{translate("resources.outbox.none_sent")}</Typography>
      ) : (
        <Table size="small">
          <TableBody>
            {data.map((row) => (
              <TableRow key={row.id}>
                <TableCell>
                  <DualDate value={row.createdAt} withTime />
                </TableCell>
                <TableCell>{eventLabel(row.event)}</TableCell>
                <TableCell>{channelLabel(row.channel)}</TableCell>
                <TableCell>
                  <OutboxStatusLabel status={row.status} />
                </TableCell>
                <TableCell>
                  <Link to={createPath({ resource: "outbox", id: row.id, type: "show" })}>
                    {row.subject}
                  </Link>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
