// شاشة أنواع الطلبات بالعربية؛ للملف request-types.en.ts المفاتيح نفسها.
export const requestTypesAr = {
  name: "أنواع الطلبات |||| نوع طلب",
  fields: {
    code: "الرمز",
    nameAr: "الاسم بالعربية",
    nameEn: "الاسم بالإنجليزية",
    committeeDecides: "تقرّره لجنة البحث",
    attestationRequired: "يتطلب إقرار مقدّم الطلب",
    involvesMoney: "يتضمن مبلغاً مالياً",
    decisionPeriodDays: "مدة القرار (أيام)",
    active: "يُستقبل",
    requiredFields: "الحقول المطلوبة",
    requiredDocumentKinds: "المستندات المطلوبة",
    updatedAt: "آخر تعديل",
  },
  sections: {
    names: "الاسم",
    handling: "المعالجة",
    requirements: "متطلبات التقديم",
  },
  helpers: {
    decisionPeriodDays: "من التقديم حتى موعد القرار: من 1 إلى 365 يوماً.",
    committeeDecides:
      "إن كان مفعّلاً تقرّر اللجنة الطلب بعد البحث الاجتماعي؛ وإلا يعالجه الموظفون ويغلقونه.",
    attestationRequired: "يوقّع مقدّم الطلب الإقرار قبل التقديم.",
    involvesMoney: "يُطلب مبلغ ويُعتمد عند القرار.",
    active: "إن عُطّل لا تُستقبل طلبات جديدة من هذا النوع.",
    requiredFields: "ما يجب أن يكون مُدخلاً قبل التقديم: من بيانات الطلب أو بيانات العضو.",
    requiredDocumentKinds: "يجب إرفاق مستند غير مرفوض من كل نوع محدد قبل التقديم.",
  },
  member_field: "%{field} (بيانات العضو)",
  whole_days: "أدخل عدداً صحيحاً من الأيام",
  snapshot_notice:
    "الطلبات المقدَّمة تبقى على القواعد التي قُدّمت بموجبها؛ ما تحفظه هنا يسري على الطلبات الجديدة والمسودات.",
};
