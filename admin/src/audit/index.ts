import HistoryIcon from "@mui/icons-material/History";
import { lazy } from "react";

export const audit = {
  list: lazy(() => import("./AuditList.js").then((m) => ({ default: m.AuditList }))),
  icon: HistoryIcon,
  recordRepresentation: (record: { action?: string; entityType?: string }) =>
    `${record.action ?? ""} ${record.entityType ?? ""}`,
};
