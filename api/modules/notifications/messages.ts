// Messages of the notifications module (the outbox), Arabic and English.
import { type Keys, registerMessages } from "../../i18n/messages.js";

export const notificationMessagesAr = {
  "outboxStatus.PENDING": "بانتظار الإرسال",
  "outboxStatus.SENDING": "قيد الإرسال",
  "outboxStatus.SENT": "أُرسل",
  "outboxStatus.FAILED": "تعذّر الإرسال",
  "outboxStatus.CANCELLED": "أُلغي",
  "outboxAction.RESEND": "إعادة الإرسال",
  "outboxAction.CANCEL": "إلغاء الإرسال",
  "entities.Notification": "الإشعار",
  "entities.NotificationTemplate": "قالب الإشعار",
  "templates.unknownPlaceholder":
    "العنصر {placeholder} غير معروف في قوالب هذا الحدث. العناصر المتاحة: {allowed}.",
  "templates.malformedPlaceholder":
    "الأقواس { } تُستخدم للعناصر فقط، مكتوبة بقوسين مزدوجين مثل {{reference}}.",
  "notifications.notForMembers": "هذه القناة ليست لإشعار الأعضاء.",
  "notifications.noEmail": "لا يوجد بريد إلكتروني مسجل للعضو.",
  "fields.notifyBy": "قناة الإشعارات المفضلة",
  "fields.subjectAr": "الموضوع بالعربية",
  "fields.subjectEn": "الموضوع بالإنجليزية",
} as const;

export const notificationMessagesEn: Keys<typeof notificationMessagesAr> = {
  "outboxStatus.PENDING": "waiting to be sent",
  "outboxStatus.SENDING": "being sent",
  "outboxStatus.SENT": "sent",
  "outboxStatus.FAILED": "failed",
  "outboxStatus.CANCELLED": "cancelled",
  "outboxAction.RESEND": "resend",
  "outboxAction.CANCEL": "cancel",
  "entities.Notification": "notification",
  "entities.NotificationTemplate": "notification template",
  "templates.unknownPlaceholder":
    "The placeholder {placeholder} is not known for this event. Available: {allowed}.",
  "templates.malformedPlaceholder":
    "Braces { } are for placeholders only, written doubled like {{reference}}.",
  "notifications.notForMembers": "This channel does not reach members.",
  "notifications.noEmail": "The member has no e-mail address on file.",
  "fields.notifyBy": "Preferred channel for notifications",
  "fields.subjectAr": "Arabic subject",
  "fields.subjectEn": "English subject",
};

declare module "../../i18n/messages.js" {
  interface MessageCatalogue extends Keys<typeof notificationMessagesAr> {}
}

registerMessages(notificationMessagesAr, notificationMessagesEn);
