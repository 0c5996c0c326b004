// The bell in the panel's bar: the signed-in user's unread notifications (a case assigned to
// them, a decision due or overdue), counted live through the panel's one live connection;
// opening it lists the latest, each leading to its request, and marks them read.
import NotificationsIcon from "@mui/icons-material/Notifications";
import {
  Badge,
  Box,
  Button,
  IconButton,
  List,
  ListItemButton,
  ListItemText,
  Popover,
  Tooltip,
  Typography,
} from "@mui/material";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useCreatePath, useDataProvider, useTranslate } from "react-admin";
import { useNavigate } from "react-router-dom";
import type { WaslDataProvider } from "../dataProvider/index.js";
import { bellQueryKey } from "../live/useLiveUpdates.js";
import { DualDate } from "../shared/DateFields.js";

export function Bell() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { data } = useQuery({ queryKey: bellQueryKey, queryFn: () => dataProvider.getBell() });
  const unread = data?.unreadCount ?? 0;
  const markAllRead = async () => {
    await dataProvider.markNotificationsRead();
    await queryClient.invalidateQueries({ queryKey: bellQueryKey });
  };
  return (
    <>
      <Tooltip title={translate("wasl.bell.title")}>
        <IconButton
          color="inherit"
          onClick={(event) => setAnchor(event.currentTarget)}
          data-testid="bell"
          data-unread={unread}
          aria-label={translate("wasl.bell.unread", { smart_count: unread })}
        >
          <Badge badgeContent={unread} color="error" data-testid="bell-count">
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={!!anchor}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: "bottom", horizontal: "left" }}
      >
        <Box sx={{ width: 360, maxHeight: 480, overflow: "auto" }} data-testid="bell-list">
          <Box sx={{ display: "flex", alignItems: "center", p: 1.5, gap: 1 }}>
            <Typography variant="subtitle1" sx={{ flex: 1 }}>
              {translate("wasl.bell.title")}
            </Typography>
            {unread > 0 && (
              <Button size="small" onClick={markAllRead} data-testid="bell-mark-read">
                {translate("wasl.bell.mark_read")}
              </Button>
            )}
          </Box>
          {!data?.items.length ? (
            <Typography color="text.secondary" sx={{ p: 2 }}>
              {translate("wasl.bell.empty")}
            </Typography>
          ) : (
            <List dense disablePadding>
              {data.items.map((item) => (
                <ListItemButton
                  key={item.id}
                  data-testid="bell-item"
                  data-event={item.event}
                  sx={{ bgcolor: item.readAt ? undefined : "action.hover" }}
                  onClick={async () => {
                    setAnchor(null);
                    if (!item.readAt) {
                      await dataProvider.markNotificationsRead([item.id]);
                      await queryClient.invalidateQueries({ queryKey: bellQueryKey });
                    }
                    if (item.request)
                      navigate(
                        createPath({ resource: "requests", id: item.request.id, type: "show" }),
                      );
                  }}
                >
                  <ListItemText
                    primary={item.subject}
                    secondary={
                      <>
                        {item.body}
                        <br />
                        <DualDate value={item.createdAt} withTime />
                      </>
                    }
                  />
                </ListItemButton>
              ))}
            </List>
          )}
        </Box>
      </Popover>
    </>
  );
}
