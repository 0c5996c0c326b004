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
  list: {
    name: "خطافات الويب للجهات |||| خطاف ويب",
    fields: {
      partnerName: "الجهة الشريكة",
      url: "العنوان",
      events: "الأحداث",
      state: "الحالة",
      lastDelivery: "آخر إرسال",
      createdAt: "تاريخ التسجيل",
    },
    state: { active: "يعمل", disabled: "موقوف", removed: "أزالته الجهة" },
    no_delivery: "لم يُرسل إليه شيء بعد",
    disable: "إيقاف",
    disable_title: "إيقاف خطاف الويب لـ %{partner}؟",
    disable_content:
      "لن يُرسل إلى هذا العنوان شيء بعد الآن، وتُلغى الإرسالات المنتظرة. تعيد الجهة تسجيله إن أرادت.",
    disabled: "أُوقف خطاف الويب",
    empty: "لا خطافات ويب مسجّلة.",
  },
  enums: {
    webhook_event: {
      REQUEST_STATUS_CHANGED: "تغيّر حالة الطلب",
      REQUEST_DECIDED: "صدور القرار",
    },
  },
};
