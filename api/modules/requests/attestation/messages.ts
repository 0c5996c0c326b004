// Messages of the attestation (إقرار), Arabic and English.
import { type Keys, registerMessages } from "../../../i18n/messages.js";

export const attestationMessagesAr = {
  "attestation.alreadySigned":
    "الإقرار موقّع على البيانات الحالية وبالنص الحالي، ولا يلزم توقيعه مجدداً.",
  "attestation.requestClosed": "الطلب مغلق (الحالة «{status}») ولا يمكن تسجيل إقرار عليه.",
  "attestation.electronicNeedsMember":
    "التوقيع الإلكتروني يقوم به العضو نفسه من رابط التوقيع الذي يُرسل إليه، ولا يسجّله الموظف.",
  "attestation.notRequired": "نوع هذا الطلب لا يتطلب إقراراً.",
  "attestation.linkUsed": "استُخدم رابط التوقيع هذا من قبل. اطلب من الجمعية رابطاً جديداً إن لزم.",
  "attestation.linkExpired": "انتهت صلاحية رابط التوقيع. اطلب من الجمعية رابطاً جديداً.",
  "attestation.dataChangedSinceRead":
    "تغيّرت بيانات الطلب بعد أن قرأتها. أعد فتح الرابط واقرأ البيانات المحدّثة قبل التوقيع.",
  "entities.AttestationLink": "رابط التوقيع",
  "fields.method": "طريقة التوقيع",
  "entities.Attestation": "الإقرار",
  "entities.AttestationText": "نص الإقرار",
} as const;

export const attestationMessagesEn: Keys<typeof attestationMessagesAr> = {
  "attestation.alreadySigned":
    "The attestation is already signed on the current data with the current text; no new signature is needed.",
  "attestation.requestClosed":
    "The request is closed (status “{status}”); no attestation can be recorded on it.",
  "attestation.electronicNeedsMember":
    "An electronic signature is made by the member themselves, from the signing link sent to them; staff cannot record it.",
  "attestation.notRequired": "This type of request needs no attestation.",
  "attestation.linkUsed":
    "This signing link has already been used. Ask the association for a new one if needed.",
  "attestation.linkExpired": "This signing link has expired. Ask the association for a new one.",
  "attestation.dataChangedSinceRead":
    "The request's data changed after you read them. Open the link again and read the updated data before signing.",
  "entities.AttestationLink": "signing link",
  "fields.method": "Signing method",
  "entities.Attestation": "attestation",
  "entities.AttestationText": "attestation text",
};

declare module "../../../i18n/messages.js" {
  interface MessageCatalogue extends Keys<typeof attestationMessagesAr> {}
}

registerMessages(attestationMessagesAr, attestationMessagesEn);
