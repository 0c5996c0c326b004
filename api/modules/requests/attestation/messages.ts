// Messages of the attestation (إقرار), Arabic and English.
export const attestationMessagesAr = {
  "attestation.alreadySigned":
    "الإقرار موقّع على البيانات الحالية وبالنص الحالي، ولا يلزم توقيعه مجدداً.",
  "attestation.requestClosed": "الطلب مغلق (الحالة «{status}») ولا يمكن تسجيل إقرار عليه.",
  "attestation.electronicNeedsMember": "التوقيع الإلكتروني يقوم به العضو نفسه بعد تسجيل دخوله.",
  "fields.method": "طريقة التوقيع",
  "entities.Attestation": "الإقرار",
  "entities.AttestationText": "نص الإقرار",
} as const;

export const attestationMessagesEn: Record<keyof typeof attestationMessagesAr, string> = {
  "attestation.alreadySigned":
    "The attestation is already signed on the current data with the current text; no new signature is needed.",
  "attestation.requestClosed":
    "The request is closed (status “{status}”); no attestation can be recorded on it.",
  "attestation.electronicNeedsMember":
    "An electronic signature is made by the member, signed in, themselves.",
  "fields.method": "Signing method",
  "entities.Attestation": "attestation",
  "entities.AttestationText": "attestation text",
};
