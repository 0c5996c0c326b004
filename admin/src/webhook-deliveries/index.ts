import WebhookIcon from "@mui/icons-material/Webhook";
import { lazy } from "react";

export const webhookDeliveries = {
  list: lazy(() =>
    import("./WebhookDeliveryList.js").then((m) => ({ default: m.WebhookDeliveryList })),
  ),
  icon: WebhookIcon,
  recordRepresentation: (record: { requestReference?: string | null }) =>
    record.requestReference ?? "",
};
