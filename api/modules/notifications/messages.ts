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
};

declare module "../../i18n/messages.js" {
  interface MessageCatalogue extends Keys<typeof notificationMessagesAr> {}
}

registerMessages(notificationMessagesAr, notificationMessagesEn);
