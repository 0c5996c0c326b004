// Notification templates in the schema: the list admins edit, each with the placeholders its
// event fills and its version history; the edit; the live preview on a real request.
import { run } from "../../db/commands.js";
import { ConflictError, NotFoundError, ValidationError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { LanguageEnum } from "../../graphql/enums.js";
import { RequestNode } from "../requests/types.js";
import { NotificationChannelEnum, NotificationEventEnum } from "./enums.js";
import { placeholdersOf } from "./outbox.js";
import {
  previewNotificationTemplate,
  templateLimits,
  updateNotificationTemplate,
} from "./templates.js";

builder.prismaObject("NotificationTemplateVersion", {
  description: "A template's text as it was before an edit.",
  fields: (t) => ({
    version: t.exposeInt("version", { description: "The version this text was." }),
    subjectAr: t.exposeString("subjectAr", { description: "Arabic subject." }),
    subjectEn: t.exposeString("subjectEn", { description: "English subject." }),
    bodyAr: t.exposeString("bodyAr", { description: "Arabic text." }),
    bodyEn: t.exposeString("bodyEn", { description: "English text." }),
    createdAt: t.expose("createdAt", {
      type: "DateTime",
      description: "When this text was written.",
    }),
  }),
});

export const NotificationTemplateNode = builder.prismaNode("NotificationTemplate", {
  description:
    "The Arabic and English texts of one event on one channel, with `{{placeholders}}` filled when a notification is queued.",
  id: { field: "id", description: "Global ID." },
  authScopes: { permission: "notificationTemplates.show" },
  fields: (t) => ({
    event: t.expose("event", { type: NotificationEventEnum, description: "The event." }),
    channel: t.expose("channel", { type: NotificationChannelEnum, description: "The channel." }),
    subjectAr: t.exposeString("subjectAr", { description: "Arabic subject (e-mail)." }),
    subjectEn: t.exposeString("subjectEn", { description: "English subject (e-mail)." }),
    bodyAr: t.exposeString("bodyAr", { description: "Arabic text." }),
    bodyEn: t.exposeString("bodyEn", { description: "English text." }),
    placeholders: t.stringList({
      description: "The placeholders this event fills, e.g. `reference` for `{{reference}}`.",
      select: { event: true },
      resolve: (template) => placeholdersOf(template.event),
    }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "Last edit." }),
    version: t.exposeInt("version", { description: "For edits; each edit adds one." }),
    versions: t.relation("versions", {
      description: "The texts before each edit, newest first.",
      query: { orderBy: { version: "desc" } },
    }),
  }),
});

builder.queryField("notificationTemplates", (t) =>
  t.prismaField({
    type: [NotificationTemplateNode],
    nullable: true,
    description: "Every template, by event then channel.",
    authScopes: { permission: "notificationTemplates.list" },
    resolve: (query, _root, _args, context) =>
      context.prisma.notificationTemplate.findMany({
        ...query,
        orderBy: [{ event: "asc" }, { channel: "asc" }],
      }),
  }),
);

const UpdateInput = builder.inputType("UpdateNotificationTemplateInput", {
  description: "A template's four texts; every placeholder must be one its event fills.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: NotificationTemplateNode, description: "Which." }),
    version: t.int({ required: true, description: "The version read." }),
    subjectAr: t.string({
      required: true,
      description: `Arabic subject; at most ${templateLimits.subject} characters.`,
    }),
    subjectEn: t.string({ required: true, description: "English subject." }),
    bodyAr: t.string({
      required: true,
      description: `Arabic text; at most ${templateLimits.emailBody} characters for e-mail, ${templateLimits.shortBody} otherwise.`,
    }),
    bodyEn: t.string({ required: true, description: "English text." }),
  }),
});

builder.mutationField("updateNotificationTemplate", (t) =>
  t.field({
    type: NotificationTemplateNode,
    description:
      "Changes a template (admins). An unknown placeholder is refused, named in the field's error; the previous text is kept as a version.",
    authScopes: { permission: "notificationTemplates.edit" },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError],
      union: { name: "UpdateNotificationTemplateResult", description: "The template, or why not." },
      result: { name: "UpdateNotificationTemplateSuccess", description: "Saved." },
      dataField: { name: "template", description: "The template as stored." },
    },
    args: { input: t.arg({ type: UpdateInput, required: true, description: "The texts." }) },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), updateNotificationTemplate, {
        ...input,
        id: input.id.id,
      }),
  }),
);

type Preview = { subject: string; body: string; html: string | null };
const PreviewType = builder.objectRef<Preview>("NotificationPreview").implement({
  description: "A template rendered on a real request, as its member would receive it.",
  fields: (t) => ({
    subject: t.exposeString("subject", { description: "The subject." }),
    body: t.exposeString("body", { description: "The text." }),
    html: t.exposeString("html", {
      nullable: true,
      description: "The e-mail's HTML part; null for SMS.",
    }),
  }),
});

const PreviewInput = builder.inputType("NotificationTemplatePreviewInput", {
  description: "Texts being edited and the request to render them on.",
  fields: (t) => ({
    event: t.field({ type: NotificationEventEnum, required: true, description: "The event." }),
    channel: t.field({ type: NotificationChannelEnum, required: true, description: "Channel." }),
    language: t.field({ type: LanguageEnum, required: true, description: "Which language." }),
    subject: t.string({ required: true, description: "The subject being edited." }),
    body: t.string({ required: true, description: "The text being edited." }),
    request: t.globalID({ required: true, for: RequestNode, description: "A real request." }),
  }),
});

builder.queryField("notificationTemplatePreview", (t) =>
  t.field({
    type: PreviewType,
    description: "Renders texts being edited on a real request (the template editor's preview).",
    authScopes: { permission: "notificationTemplates.edit" },
    errors: {
      types: [ValidationError, NotFoundError],
      union: { name: "NotificationTemplatePreviewResult", description: "The preview, or why not." },
      result: { name: "NotificationTemplatePreviewSuccess", description: "Rendered." },
      dataField: { name: "preview", description: "The rendered message." },
    },
    args: { input: t.arg({ type: PreviewInput, required: true, description: "What to render." }) },
    resolve: (_root, { input }, context) =>
      previewNotificationTemplate(context.prisma, {
        ...input,
        requestId: input.request.id,
        publicUrl: context.config.publicUrl,
        now: new Date(),
      }),
  }),
);
