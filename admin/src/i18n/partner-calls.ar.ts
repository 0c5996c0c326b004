// سجل اتصالات الجهات الشريكة بالعربية؛ للملف partner-calls.en.ts المفاتيح نفسها.
export const partnerCallsAr = {
  resource: {
    name: "اتصالات الجهات الشريكة |||| اتصال",
    fields: {
      at: "الوقت",
      partner: "الجهة الشريكة (المعرّف)",
      partnerName: "الجهة الشريكة",
      apiKey: "المفتاح (المعرّف)",
      apiKeyLabel: "المفتاح",
      operationName: "العملية",
      operationType: "النوع",
      transport: "القناة",
      cost: "الكلفة (نقاط)",
      result: "النتيجة",
      errorCode: "رمز الخطأ",
      durationMs: "المدة (ملّي ثانية)",
      from: "من يوم",
      to: "إلى يوم",
    },
    empty: "لا توجد اتصالات مسجلة.",
  },
  enums: {
    partner_call_result: { OK: "نجح", ERROR: "خطأ", THROTTLED: "تجاوز الرصيد" },
    partner_operation_type: { QUERY: "استعلام", MUTATION: "تعديل", SUBSCRIPTION: "اشتراك" },
  },
};
