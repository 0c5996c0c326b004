// Messages of the social research report (تقرير البحث الاجتماعي), Arabic and English.
import { type Keys, registerMessages } from "../../../i18n/messages.js";

export const researchMessagesAr = {
  "research.visitDateInFuture": "تاريخ الزيارة أو المقابلة لا يكون في المستقبل.",
  "fields.findings": "نتائج البحث",
  "fields.visitDate": "تاريخ الزيارة أو المقابلة",
  "fields.visitKind": "نوع الزيارة",
  "fields.recommendation": "التوصية",
  "fields.version": "رقم النسخة",
  "entities.ResearchReport": "تقرير البحث",
} as const;

export const researchMessagesEn: Keys<typeof researchMessagesAr> = {
  "research.visitDateInFuture": "The visit or interview date cannot be in the future.",
  "fields.findings": "Findings",
  "fields.visitDate": "Visit or interview date",
  "fields.visitKind": "Visit kind",
  "fields.recommendation": "Recommendation",
  "fields.version": "Version",
  "entities.ResearchReport": "research report",
};

declare module "../../../i18n/messages.js" {
  interface MessageCatalogue extends Keys<typeof researchMessagesAr> {}
}

registerMessages(researchMessagesAr, researchMessagesEn);
