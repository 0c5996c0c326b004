// Messages of the communications log (سجل التواصل), Arabic and English.
import { type Keys, registerMessages } from "../../i18n/messages.js";

export const communicationMessagesAr = {
  "communications.memberOrRequest": "حدّد العضو أو الطلب الذي يخصه التواصل.",
  "communications.requestOfAnotherMember": "الطلب المحدد يخص عضواً آخر.",
  "communications.partnerChannel": "قناة «الشريك» لا تُستخدم لتسجيل تواصل مع العضو.",
  "communications.occurredInFuture": "وقت التواصل لا يكون في المستقبل.",
  "fields.member": "العضو",
  "fields.request": "الطلب",
  "fields.channel": "القناة",
  "fields.direction": "الاتجاه",
  "fields.body": "نص التواصل",
  "fields.outcome": "النتيجة",
  "fields.occurredAt": "وقت التواصل",
  "entities.Communication": "التواصل",
  "entities.Letter": "الخطاب",
  "letters.dateInFuture": "تاريخ الخطاب لا يكون في المستقبل.",
  "letters.templateNeedsOutgoingRequest": "يُكتب الخطاب من قالب إذا كان صادراً ومرتبطاً بطلب.",
  "fields.correspondent": "الجهة المراسِلة",
  "fields.letterDate": "تاريخ الخطاب",
  "fields.template": "القالب",
  "fields.scan": "صورة الخطاب الممسوحة",
  "letters.scanAlreadyFiled": "لهذا الخطاب صورة محفوظة، ولا تُستبدل بعد حفظها في السجل.",
} as const;

export const communicationMessagesEn: Keys<typeof communicationMessagesAr> = {
  "communications.memberOrRequest": "Say which member or request the communication is about.",
  "communications.requestOfAnotherMember": "That request belongs to another member.",
  "communications.partnerChannel": "PARTNER is not a channel for logging contact with a member.",
  "communications.occurredInFuture": "The time of the communication cannot be in the future.",
  "fields.member": "Member",
  "fields.request": "Request",
  "fields.channel": "Channel",
  "fields.direction": "Direction",
  "fields.body": "Text",
  "fields.outcome": "Outcome",
  "fields.occurredAt": "Time of contact",
  "entities.Communication": "communication",
  "entities.Letter": "letter",
  "letters.dateInFuture": "The letter's date cannot be in the future.",
  "letters.templateNeedsOutgoingRequest":
    "A letter is written from a template when it is outgoing and about a request.",
  "fields.correspondent": "Correspondent",
  "fields.letterDate": "Letter date",
  "fields.template": "Template",
  "fields.scan": "Scanned letter",
  "letters.scanAlreadyFiled":
    "This letter already has its scan on file; a filed scan is not replaced.",
};

declare module "../../i18n/messages.js" {
  interface MessageCatalogue extends Keys<typeof communicationMessagesAr> {}
}

registerMessages(communicationMessagesAr, communicationMessagesEn);
