// Messages of the knowledge base (قاعدة المعرفة), Arabic and English.
import { type Keys, registerMessages } from "../../i18n/messages.js";

export const knowledgeMessagesAr = {
  "knowledge.slugFormat":
    "العنوان المختصر للرابط يتكون من حروف لاتينية صغيرة وأرقام تفصل بينها شرطات، مثل faq-channels.",
  "knowledge.slugTaken": "العنوان المختصر «{slug}» مستخدم لمقالة أخرى.",
  "knowledge.alreadyInStatus": "المقالة في هذه الحالة أصلاً.",
  "knowledge.linkUnpublished": "لا تُربط بالتواصل إلا مقالة منشورة.",
  "fields.slug": "العنوان المختصر للرابط",
  "fields.category": "التصنيف",
  "fields.audience": "الجمهور",
  "fields.status": "الحالة",
  "fields.article": "المقالة",
  "fields.communication": "التواصل",
  "entities.Article": "المقالة",
} as const;

export const knowledgeMessagesEn: Keys<typeof knowledgeMessagesAr> = {
  "knowledge.slugFormat":
    "The address name is lower-case Latin letters and digits separated by hyphens, e.g. faq-channels.",
  "knowledge.slugTaken": "The address name «{slug}» is used by another article.",
  "knowledge.alreadyInStatus": "The article already has this status.",
  "knowledge.linkUnpublished": "Only a published article can be linked to a communication.",
  "fields.slug": "Address name",
  "fields.category": "Category",
  "fields.audience": "Audience",
  "fields.status": "Status",
  "fields.article": "Article",
  "fields.communication": "Communication",
  "entities.Article": "article",
};

declare module "../../i18n/messages.js" {
  interface MessageCatalogue extends Keys<typeof knowledgeMessagesAr> {}
}

registerMessages(knowledgeMessagesAr, knowledgeMessagesEn);
