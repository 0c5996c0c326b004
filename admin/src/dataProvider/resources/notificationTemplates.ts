// Notification templates: a short list the API returns whole; an edit sends the four texts
// with the version read (every placeholder is checked by the API, which names an unknown one).
import { notificationTemplateFields } from "../fragments.js";
import { mutation, type ResourceSpec } from "../spec.js";

export function notificationTemplateInput(id: string, data: Record<string, unknown>) {
  const text = (field: string) => (typeof data[field] === "string" ? data[field] : "");
  return {
    id,
    version: data.version,
    subjectAr: text("subjectAr"),
    subjectEn: text("subjectEn"),
    bodyAr: text("bodyAr"),
    bodyEn: text("bodyEn"),
  };
}

export const notificationTemplates: ResourceSpec = {
  typeName: "NotificationTemplate",
  listField: "notificationTemplates",
  listShape: "plain",
  fields: notificationTemplateFields,
  update: mutation("updateNotificationTemplate", "template", notificationTemplateInput),
};
