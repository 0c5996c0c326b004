// Partner systems and their API keys in Arabic; partners.en.ts has exactly the same keys.
export const partnersAr = {
  resource: {
    name: "الجهات الشريكة |||| جهة شريكة",
    fields: {
      name: "الاسم بالإنجليزية",
      nameAr: "الاسم بالعربية",
      contactName: "اسم جهة الاتصال",
      contactEmail: "بريد جهة الاتصال",
      contactPhone: "هاتف جهة الاتصال",
      active: "نشطة",
      createdAt: "تاريخ التسجيل",
    },
    inactive_hint: "إيقاف الجهة يرفض كل مفاتيحها فوراً ويغلق اتصالاتها المفتوحة.",
    keys: {
      title: "مفاتيح الواجهة البرمجية",
      none: "لا مفاتيح لهذه الجهة بعد.",
      issue: "إصدار مفتاح",
      rotate: "تدوير",
      revoke: "إلغاء",
      label: "وصف المفتاح",
      prefix: "بداية المفتاح",
      scopes: "الصلاحيات",
      status: "الحالة",
      expiresAt: "ينتهي في",
      never: "لا ينتهي",
      lastUsedAt: "آخر استخدام",
      never_used: "لم يُستخدم",
      allowedIps: "العناوين المسموح بها",
      allowedIps_hint:
        "عنوان IP أو نطاق CIDR في كل سطر (مثل 203.0.113.0/24)؛ اتركه فارغاً للسماح من أي مكان.",
      anywhere: "من أي مكان",
      issued_title: "المفتاح الجديد",
      issued_warning:
        "انسخ المفتاح الآن وسلّمه للجهة الشريكة بطريقة آمنة: لا يُحفظ في النظام ولن يظهر مرة أخرى.",
      copy: "نسخ المفتاح",
      copied: "نُسخ المفتاح",
      done: "نسخته، أغلق",
      overlap: "مدة التداخل بالدقائق",
      overlap_hint:
        "يبقى المفتاح القديم صالحاً خلال هذه المدة ليتسنى للجهة تركيب الجديد، ثم يُرفض. صفر: يتوقف القديم الآن.",
      revoke_title: "إلغاء المفتاح %{prefix}؟",
      revoke_content:
        "يُرفض المفتاح فوراً في كل الخوادم وتُغلق اشتراكاته المفتوحة. لا يمكن التراجع عن الإلغاء.",
      revoked: "أُلغي المفتاح",
    },
  },
  enums: {
    partner_scope: {
      MEMBERSHIP_VERIFY: "التحقق من العضوية",
      REQUESTS_READ: "قراءة حالة طلباتها",
      REQUESTS_SUBMIT: "تقديم الطلبات نيابة عن الأعضاء",
      STATS_READ: "الإحصاءات المجمّعة",
      WEBHOOKS_MANAGE: "إدارة الإشعارات الآلية (Webhooks)",
    },
    api_key_status: {
      ACTIVE: "نشط",
      ROTATED: "مستبدَل (في مدة التداخل)",
      EXPIRED: "منتهٍ",
      REVOKED: "ملغى",
    },
  },
};
