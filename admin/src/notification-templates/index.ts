import TextSnippetIcon from "@mui/icons-material/TextSnippet";
import { lazy } from "react";

// The templates members and staff are notified with, edited by admins (the screen opens with
// `notificationTemplates.edit`: see providers/canAccess.ts). Loaded on first use.
export const notificationTemplates = {
  list: lazy(() => import("./TemplateList.js").then((m) => ({ default: m.TemplateList }))),
  edit: lazy(() => import("./TemplateEdit.js").then((m) => ({ default: m.TemplateEdit }))),
  icon: TextSnippetIcon,
  recordRepresentation: (record: { event?: string; channel?: string }) =>
    `${record.event ?? ""} · ${record.channel ?? ""}`,
};
