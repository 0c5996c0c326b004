import WebhookIcon from "@mui/icons-material/Webhook";
import { lazy } from "react";

export const webhooks = {
  list: lazy(() => import("./WebhookList.js").then((m) => ({ default: m.WebhookList }))),
  icon: WebhookIcon,
  recordRepresentation: (record: { partnerName?: string }) => record.partnerName ?? "",
};
