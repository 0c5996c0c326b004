// The partners' webhook delivery log in Arabic; webhooks.en.ts has exactly the same keys.
export const webhooksAr = {
  resource: {
    name: "سجل خطافات الويب |||| إرسال",
    fields: {
      occurredAt: "وقت الحدث",
      webhook: "الجهة الشريكة",
      event: "الحدث",
      requestReference: "رقم الطلب",
      status: "الحالة",
      attemptCount: "المحاولات",
      url: "العنوان",
      lastError: "آخر خطأ",
    },
    try: {
      attempt: "المحاولة",
      startedAt: "البدء",
      responseCode: "رمز الاستجابة",
      duration: "المدة",
      error: "النتيجة",
      succeeded: "وصل",
      no_answer: "لا استجابة",
    },
    ms: "%{ms} م.ث",
    no_tries: "لم تُجرَ أي محاولة بعد.",
    payload: "المحتوى كما وُقّع وأُرسل",
    resend: "إعادة الإرسال",
    resent: "أُعيد الإرسال إلى قائمة الانتظار",
  },
  enums: {
    webhook_event: {
      REQUEST_STATUS_CHANGED: "تغيّر حالة الطلب",
      REQUEST_DECIDED: "صدور القرار",
    },
  },
};
