import CallsIcon from "@mui/icons-material/SyncAlt";
import { lazy } from "react";

export const partnerCalls = {
  list: lazy(() => import("./PartnerCallList.js").then((m) => ({ default: m.PartnerCallList }))),
  icon: CallsIcon,
  recordRepresentation: (record: { operationName?: string | null }) => record.operationName ?? "",
};
