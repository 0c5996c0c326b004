import AssignmentIcon from "@mui/icons-material/Assignment";
import { lazy } from "react";

type RequestRecord = { reference?: string | null; subject?: string };

// Screens are loaded on first use: the initial bundle stays small.
export const requests = {
  list: lazy(() => import("./RequestList.js").then((m) => ({ default: m.RequestList }))),
  show: lazy(() => import("./RequestShow.js").then((m) => ({ default: m.RequestShow }))),
  create: lazy(() => import("./RequestCreate.js").then((m) => ({ default: m.RequestCreate }))),
  edit: lazy(() => import("./RequestEdit.js").then((m) => ({ default: m.RequestEdit }))),
  icon: AssignmentIcon,
  recordRepresentation: (record: RequestRecord) => record.reference ?? record.subject ?? "",
};
