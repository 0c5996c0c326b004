// Messages of the partner limits (budget, node limit, page sizes, persisted operations) and of
// the partner call log, Arabic and English.
import { type Keys, registerMessages } from "../../i18n/messages.js";

export const partnerLimitMessagesAr = {
  "errors.partnerThrottled":
    "استُنفد رصيد هذا المفتاح من النقاط لهذه الساعة ({limit} نقطة). يتجدد الرصيد في {resetAt} (بعد {seconds} ثانية).",
  "errors.partnerPageSizeRequired":
    "القائمة «{connection}» مقسّمة إلى صفحات: حدّد first أو last بقيمة من 1 إلى {max}.",
  "errors.partnerTooManyNodes":
    "قد يعيد الاستعلام {nodes} عنصراً، والحد للاستعلام الواحد {max}. اطلب صفحات أصغر أو قسّمه إلى عدة طلبات.",
  "errors.persistedQueryNotFound":
    "العملية المسجلة بهذه البصمة (sha256) غير معروفة. سجّلها لدى الجمعية أو أرسل نصها.",
  "errors.persistedQueryRequired":
    "هذا المفتاح لا يقبل إلا العمليات المسجلة: أرسل بصمة عملية مسجلة (extensions.persistedQuery.sha256Hash).",
  "errors.persistedQueryHashMismatch": "بصمة sha256 المرسلة لا تطابق نص العملية.",
  "fields.pointsPerHour": "النقاط في الساعة",
} as const;

export const partnerLimitMessagesEn: Keys<typeof partnerLimitMessagesAr> = {
  "errors.partnerThrottled":
    "This key has spent its budget of points for the hour ({limit} points). It is whole again at {resetAt} (in {seconds} seconds).",
  "errors.partnerPageSizeRequired":
    "“{connection}” is a paged list: give first or last, from 1 to {max}.",
  "errors.partnerTooManyNodes":
    "The query could return {nodes} nodes; one query may ask for at most {max}. Ask for smaller pages or split it into several requests.",
  "errors.persistedQueryNotFound":
    "No registered operation has this sha256 hash. Have it registered by the association, or send its text.",
  "errors.persistedQueryRequired":
    "This key accepts registered operations only: send a registered operation's hash (extensions.persistedQuery.sha256Hash).",
  "errors.persistedQueryHashMismatch": "The sha256 hash sent does not match the operation's text.",
  "fields.pointsPerHour": "Points per hour",
};

declare module "../../i18n/messages.js" {
  interface MessageCatalogue extends Keys<typeof partnerLimitMessagesAr> {}
}

registerMessages(partnerLimitMessagesAr, partnerLimitMessagesEn);
