import GavelIcon from "@mui/icons-material/Gavel";
import { lazy } from "react";

type SessionRecord = { number?: number; year?: number };

// Screens are loaded on first use: the initial bundle stays small.
export const committee = {
  list: lazy(() => import("./SessionList.js").then((m) => ({ default: m.SessionList }))),
  show: lazy(() => import("./SessionShow.js").then((m) => ({ default: m.SessionShow }))),
  create: lazy(() => import("./SessionForm.js").then((m) => ({ default: m.SessionCreate }))),
  edit: lazy(() => import("./SessionForm.js").then((m) => ({ default: m.SessionEdit }))),
  icon: GavelIcon,
  recordRepresentation: (record: SessionRecord) => `${record.number ?? ""}/${record.year ?? ""}`,
};
