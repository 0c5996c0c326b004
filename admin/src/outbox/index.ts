import OutboxIcon from "@mui/icons-material/Outbox";
import { lazy } from "react";

export const outbox = {
  list: lazy(() => import("./OutboxList.js").then((m) => ({ default: m.OutboxList }))),
  show: lazy(() => import("./OutboxShow.js").then((m) => ({ default: m.OutboxShow }))),
  icon: OutboxIcon,
  recordRepresentation: (record: { subject?: string }) => record.subject ?? "",
};
