// Messages of the partners' webhooks, Arabic and English.
import { type Keys, registerMessages } from "../../i18n/messages.js";

export const webhookMessagesAr = {
  "entities.Webhook": "خطاف الويب",
  "entities.WebhookDelivery": "إرسال خطاف الويب",
  "fields.url": "العنوان (URL)",
  "fields.events": "الأحداث",
  "fields.webhook": "خطاف الويب",
  "fields.delivery": "الإرسال",
  "webhooks.urlInvalid": "«{field}» ليس عنواناً صالحاً.",
  "webhooks.urlNotHttps":
    "«{field}» يجب أن يبدأ بـ https:// (يُقبل http:// لعنوان هذا الجهاز في بيئة التطوير والاختبار فقط).",
  "webhooks.urlWithCredentials": "«{field}» لا يحمل اسم مستخدم أو كلمة مرور؛ التحقق بالتوقيع.",
  "webhooks.urlLoopback": "«{field}» يشير إلى هذا الخادم نفسه.",
  "webhooks.eventsEmpty": "اختر حدثاً واحداً على الأقل في «{field}».",
  "webhooks.eventNotInScope": "الحدث {event} في «{field}» يتطلب صلاحية {scope} في مفتاح الجهة.",
  "webhooks.inactive": "خطاف الويب هذا محذوف أو معطّل؛ لا يُرسل إليه شيء.",
} as const;

export const webhookMessagesEn: Keys<typeof webhookMessagesAr> = {
  "entities.Webhook": "webhook",
  "entities.WebhookDelivery": "webhook delivery",
  "fields.url": "URL",
  "fields.events": "Events",
  "fields.webhook": "Webhook",
  "fields.delivery": "Delivery",
  "webhooks.urlInvalid": "“{field}” is not a valid URL.",
  "webhooks.urlNotHttps":
    "“{field}” must start with https:// (http:// is accepted for this machine's address in development and tests only).",
  "webhooks.urlWithCredentials":
    "“{field}” must not carry a user name or password; deliveries are verified by their signature.",
  "webhooks.urlLoopback": "“{field}” points at this server itself.",
  "webhooks.eventsEmpty": "Choose at least one event in “{field}”.",
  "webhooks.eventNotInScope": "The event {event} in “{field}” needs the key's {scope} scope.",
  "webhooks.inactive": "This webhook was removed or disabled: nothing is sent to it.",
};

declare module "../../i18n/messages.js" {
  interface MessageCatalogue extends Keys<typeof webhookMessagesAr> {}
}

registerMessages(webhookMessagesAr, webhookMessagesEn);
