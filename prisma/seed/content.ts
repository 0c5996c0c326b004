// Arabic (and English) texts for demo data: request subjects, decisions, answers,
// the attestation, notification templates and the CSAT survey (the knowledge base's articles
// are in knowledge.ts, written through its commands).
import type {
  NotificationChannel,
  NotificationEvent,
  RequestTypeCode,
} from "../../api/db/generated/enums.js";

export type SubjectText = { subject: string; description: string };

/** Six per type: the large seed indexes them as type * 6 + n. */
export const subjectsPerType = 6;

export const requestSubjects: Readonly<Record<RequestTypeCode, readonly SubjectText[]>> = {
  MEMBERSHIP_REGISTRATION: [
    {
      subject: "طلب تسجيل عضوية جديدة في الجمعية العمومية",
      description:
        "أرغب في الانضمام إلى الجمعية العمومية والاستفادة من خدماتها، وأرفقت صورة الهوية الوطنية.",
    },
    {
      subject: "طلب انتساب للجمعية",
      description:
        "أتقدم بطلب الانتساب للجمعية بعد الاطلاع على اللائحة الأساسية، وأتعهد بالالتزام بها.",
    },
    {
      subject: "تسجيل عضوية عن طريق الموقع الإلكتروني",
      description: "تعبئة نموذج التسجيل عبر موقع الجمعية مع إرفاق المستندات المطلوبة.",
    },
    {
      subject: "طلب تسجيل عضوية لأسرة مستفيدة",
      description: "رب الأسرة يرغب بتسجيل عضويته لمتابعة طلبات الدعم المستقبلية.",
    },
    {
      subject: "إعادة تسجيل عضوية منتهية",
      description: "انتهت عضويتي السابقة وأرغب في إعادة التسجيل وتحديث بياناتي.",
    },
    {
      subject: "طلب عضوية محال من جهة شريكة",
      description: "طلب عضوية ورد عبر منصة الجهة الشريكة ويحتاج إلى استكمال المستندات.",
    },
  ],
  FINANCIAL_SUPPORT: [
    {
      subject: "طلب دعم مالي لسداد إيجار السكن",
      description:
        "تراكمت علي أقساط الإيجار لثلاثة أشهر بسبب انقطاع الدخل، وأطلب المساعدة في سدادها.",
    },
    {
      subject: "طلب مساعدة مالية لسداد فاتورة الكهرباء",
      description: "فاتورة الكهرباء متأخرة ومهددة بالفصل، والدخل الشهري لا يغطي الالتزامات.",
    },
    {
      subject: "دعم مالي لتكاليف علاج",
      description: "أحتاج إلى مساعدة في تكاليف علاج أحد أفراد الأسرة غير المشمولة بالتأمين.",
    },
    {
      subject: "طلب إعانة مالية للرسوم الدراسية",
      description: "طلب المساعدة في سداد الرسوم الدراسية للأبناء للفصل الدراسي الحالي.",
    },
    {
      subject: "طلب دعم مالي طارئ بعد فقدان العمل",
      description: "فقدت وظيفتي مؤخرًا وأعول أسرة، وأطلب دعمًا مؤقتًا حتى أجد عملًا.",
    },
    {
      subject: "مساعدة مالية لترميم المنزل",
      description: "المنزل بحاجة إلى ترميم عاجل في السقف ودورات المياه، وأرفقت عرض سعر.",
    },
  ],
  IN_KIND_SUPPORT: [
    {
      subject: "طلب سلة غذائية شهرية",
      description: "أسرة مكونة من عدة أفراد بحاجة إلى سلة غذائية شهرية لتغطية الاحتياجات الأساسية.",
    },
    {
      subject: "طلب أجهزة كهربائية منزلية",
      description: "الثلاجة والغسالة معطلتان، ونطلب توفير أجهزة بديلة.",
    },
    {
      subject: "طلب كسوة الشتاء للأبناء",
      description: "نطلب ملابس شتوية للأطفال مع دخول فصل الشتاء.",
    },
    {
      subject: "طلب حقيبة مدرسية ومستلزمات دراسية",
      description: "احتياج الأبناء لمستلزمات العام الدراسي الجديد.",
    },
    {
      subject: "طلب أثاث منزلي أساسي",
      description: "انتقلنا إلى سكن جديد دون أثاث، ونحتاج إلى أسرّة ومفروشات.",
    },
    {
      subject: "طلب كرسي متحرك لأحد أفراد الأسرة",
      description: "أحد أفراد الأسرة من ذوي الإعاقة ويحتاج إلى كرسي متحرك.",
    },
  ],
  DATA_UPDATE: [
    {
      subject: "تحديث رقم الجوال",
      description: "تغيّر رقم جوالي وأرغب في تحديثه لاستلام الإشعارات.",
    },
    {
      subject: "تحديث العنوان الوطني والحي",
      description: "انتقلت إلى حي جديد وأرغب في تحديث العنوان.",
    },
    {
      subject: "تحديث عدد أفراد الأسرة",
      description: "زاد عدد أفراد الأسرة بمولود جديد، ومرفق سجل الأسرة المحدّث.",
    },
    {
      subject: "تحديث بيانات الدخل الشهري",
      description: "تغيّر الدخل الشهري بعد التقاعد، وأرفقت ما يثبت ذلك.",
    },
    {
      subject: "تحديث البريد الإلكتروني",
      description: "أرغب في إضافة بريد إلكتروني لاستلام المراسلات.",
    },
    {
      subject: "تعديل الحالة الاجتماعية",
      description: "تغيّرت الحالة الاجتماعية وأرغب في تحديثها في ملفي.",
    },
  ],
  INQUIRY: [
    {
      subject: "استفسار عن موعد صرف الإعانة",
      description: "متى يتم صرف الإعانة المعتمدة؟ ولم تصلني رسالة حتى الآن.",
    },
    {
      subject: "استفسار عن حالة الطلب",
      description: "قدمت طلبًا قبل أسبوعين وأرغب في معرفة حالته.",
    },
    {
      subject: "استفسار عن شروط الحصول على الدعم المالي",
      description: "ما هي الشروط والمستندات المطلوبة لتقديم طلب دعم مالي؟",
    },
    {
      subject: "استفسار عن مواعيد عمل الجمعية",
      description: "ما هي أوقات الدوام لاستقبال المراجعين في مقر الجمعية؟",
    },
    {
      subject: "استفسار عن تجديد العضوية",
      description: "هل تحتاج العضوية إلى تجديد سنوي؟ وما الإجراءات؟",
    },
    {
      subject: "استفسار عن البرامج التدريبية",
      description: "هل لدى الجمعية برامج تدريب وتأهيل للباحثين عن عمل؟",
    },
  ],
  COMPLAINT: [
    {
      subject: "شكوى من تأخر الرد على الطلب",
      description: "مضى أكثر من أسبوعين على تقديم طلبي دون أي رد أو تواصل.",
    },
    {
      subject: "شكوى من عدم الرد على الاتصالات",
      description: "حاولت الاتصال بالجمعية عدة مرات دون أن يرد أحد.",
    },
    {
      subject: "شكوى من صعوبة التسجيل في الموقع",
      description: "يظهر خطأ عند رفع المستندات في الموقع الإلكتروني.",
    },
    {
      subject: "شكوى بخصوص جودة السلة الغذائية",
      description: "بعض محتويات السلة الغذائية كانت منتهية الصلاحية.",
    },
    {
      subject: "شكوى من طول مدة الانتظار في المقر",
      description: "انتظرت أكثر من ساعة في مقر الجمعية قبل استقبالي.",
    },
    {
      subject: "شكوى من عدم وصول الإشعارات",
      description: "لا تصلني رسائل الجوال الخاصة بحالة طلبي.",
    },
  ],
  SUGGESTION: [
    {
      subject: "اقتراح إتاحة حجز المواعيد إلكترونيًا",
      description: "أقترح إتاحة حجز موعد المراجعة عبر الموقع لتقليل الانتظار.",
    },
    {
      subject: "اقتراح إطلاق تطبيق جوال للجمعية",
      description: "تطبيق للجوال يسهّل متابعة الطلبات واستلام الإشعارات.",
    },
    {
      subject: "اقتراح تمديد ساعات الاستقبال",
      description: "أقترح فترة مسائية لاستقبال المراجعين الموظفين.",
    },
    {
      subject: "اقتراح برامج توعوية للأسر",
      description: "تنظيم ورش عن إدارة الميزانية الأسرية والادخار.",
    },
    {
      subject: "اقتراح التواصل عبر واتساب",
      description: "إتاحة قناة واتساب رسمية للاستفسارات السريعة.",
    },
    {
      subject: "اقتراح شراكة مع المتاجر المحلية",
      description: "قسائم شرائية بالتعاون مع المتاجر بدل السلال الثابتة.",
    },
  ],
};

export const approvalReasons: readonly string[] = [
  "استوفى الطلب الشروط والمستندات المطلوبة، وأوصى الباحث الاجتماعي بالموافقة.",
  "ثبت احتياج الأسرة وفق تقرير البحث الاجتماعي، ووافقت اللجنة بالأغلبية.",
  "الطلب مكتمل والدخل أقل من حد الاستحقاق المعتمد.",
  "وافقت اللجنة على الطلب مع صرف المبلغ على دفعة واحدة.",
];

export const rejectionReasons: readonly string[] = [
  "الدخل الشهري للأسرة يتجاوز حد الاستحقاق المعتمد في اللائحة.",
  "لم تُستكمل المستندات المطلوبة رغم التواصل مع مقدم الطلب.",
  "سبق صرف دعم مماثل للأسرة خلال الاثني عشر شهرًا الماضية.",
  "لم يثبت الاحتياج وفق تقرير البحث الاجتماعي.",
];

export const needsInfoNotes: readonly string[] = [
  "يرجى إرفاق صورة سجل الأسرة المحدّث.",
  "يرجى إرفاق تعريف بالراتب أو ما يثبت الدخل.",
  "خطاب الآيبان المرفق غير واضح، يرجى إعادة رفعه.",
  "يرجى توقيع الإقرار على صحة البيانات.",
];

export const serviceAnswers: Readonly<
  Record<"DATA_UPDATE" | "INQUIRY" | "COMPLAINT" | "SUGGESTION", readonly string[]>
> = {
  DATA_UPDATE: [
    "تم تحديث البيانات في ملف العضو بعد التحقق من المستندات.",
    "تم التحديث، وستصلك الإشعارات على البيانات الجديدة.",
  ],
  INQUIRY: [
    "تم صرف الإعانة المعتمدة وستصل إلى حسابك خلال يومي عمل.",
    "طلبك لدى لجنة البحث وسيتم إبلاغك بالقرار خلال المدة المحددة.",
    "تم إرسال قائمة الشروط والمستندات المطلوبة عبر الرسائل النصية.",
    "أوقات الاستقبال من الأحد إلى الخميس من الثامنة صباحًا حتى الرابعة عصرًا.",
  ],
  COMPLAINT: [
    "نعتذر عن التأخير، وتمت معالجة الطلب والتواصل مع العضو.",
    "تمت إحالة الملاحظة إلى الإدارة المختصة وتصحيح الإجراء.",
    "تم التحقق من المشكلة التقنية وإصلاحها، وشكرًا لإبلاغكم.",
  ],
  SUGGESTION: [
    "شكرًا لاقتراحكم، وتمت إحالته إلى الإدارة لدراسته ضمن خطة التحسين.",
    "تم اعتماد الاقتراح وسيتم تطبيقه خلال الربع القادم.",
  ],
};

export const attestationText = {
  textAr:
    "أقر أنا مقدم الطلب بأن جميع البيانات والمعلومات الواردة في هذا الطلب والمستندات المرفقة به " +
    "صحيحة وكاملة ومطابقة للواقع وسارية وقت تقديمها، وأتحمل المسؤولية المباشرة والكاملة عن صحتها، " +
    "وأتعهد بإبلاغ الجمعية بأي تغيير يطرأ عليها، وأعلم أن للجمعية التحقق منها لدى الجهات المختصة، " +
    "وأن ثبوت عدم صحة أي منها يترتب عليه رفض الطلب أو إلغاء ما صُرف بموجبه واسترداده.",
  textEn:
    "I, the applicant, declare that all the data and information in this request and the documents " +
    "attached to it are correct, complete, true and valid at the time of submission, and I bear direct " +
    "and full responsibility for their correctness. I undertake to inform the association of any change " +
    "to them. I understand that the association may verify them with the competent authorities, and " +
    "that if any of them proves incorrect the request may be rejected, or any support granted under " +
    "it cancelled and recovered.",
};

type TemplateText = { subjectAr: string; subjectEn: string; bodyAr: string; bodyEn: string };

/** The events told with a template: a partner's webhook is told its own JSON payload instead. */
type TemplatedEvent = Exclude<NotificationEvent, "PARTNER_WEBHOOK">;

/** E-mail texts per event; SMS texts are shorter and derived below. */
const emailTemplates: Readonly<Record<TemplatedEvent, TemplateText>> = {
  REQUEST_SUBMITTED: {
    subjectAr: "تم استلام طلبك رقم {{reference}}",
    subjectEn: "We received your request {{reference}}",
    bodyAr:
      "عزيزي/عزيزتي {{memberName}}،\nتم استلام طلبك رقم {{reference}} بنجاح، وسيتم الرد عليه في موعد أقصاه {{dueDate}}.\nمع تحيات جمعية وصل.",
    bodyEn:
      "Dear {{memberName}},\nWe received your request {{reference}}. You will have an answer by {{dueDate}}.\nKind regards, Wasl association.",
  },
  NEEDS_INFO: {
    subjectAr: "طلبك {{reference}} بحاجة إلى استكمال",
    subjectEn: "Your request {{reference}} needs more information",
    bodyAr:
      "عزيزي/عزيزتي {{memberName}}،\nنحتاج إلى استكمال بعض البيانات أو المستندات لطلبك رقم {{reference}}: {{note}}\nيمكنك الاستكمال عبر الموقع أو بزيارة مقر الجمعية.",
    bodyEn:
      "Dear {{memberName}},\nYour request {{reference}} needs more information or documents: {{note}}\nYou can complete it on the website or at the association's office.",
  },
  REFERRED_TO_RESEARCHER: {
    subjectAr: "تمت إحالة طلبك {{reference}} إلى الباحث الاجتماعي",
    subjectEn: "Your request {{reference}} was referred to the social researcher",
    bodyAr:
      "عزيزي/عزيزتي {{memberName}}،\nتمت إحالة طلبك رقم {{reference}} إلى الباحث الاجتماعي، وسيتواصل معك لتوضيح الإجراءات.",
    bodyEn:
      "Dear {{memberName}},\nYour request {{reference}} was referred to the social researcher, who will contact you to explain the procedure.",
  },
  RAISED_TO_COMMITTEE: {
    subjectAr: "رُفع طلبك {{reference}} إلى لجنة البحث",
    subjectEn: "Your request {{reference}} was raised to the research committee",
    bodyAr:
      "عزيزي/عزيزتي {{memberName}}،\nرُفع طلبك رقم {{reference}} إلى لجنة البحث لدراسته، وسيصلك القرار بالقبول أو الرفض في موعد أقصاه {{dueDate}}.",
    bodyEn:
      "Dear {{memberName}},\nYour request {{reference}} was raised to the research committee. You will be told whether it is accepted or rejected by {{dueDate}}.",
  },
  DECIDED: {
    subjectAr: "صدر القرار بشأن طلبك {{reference}}",
    subjectEn: "A decision was made on your request {{reference}}",
    bodyAr:
      "عزيزي/عزيزتي {{memberName}}،\nصدر قرار لجنة البحث بشأن طلبك رقم {{reference}}: {{status}}.\n{{reason}}",
    bodyEn:
      "Dear {{memberName}},\nThe research committee decided on your request {{reference}}: {{status}}.\n{{reason}}",
  },
  COMPLETED: {
    subjectAr: "اكتمل طلبك {{reference}}",
    subjectEn: "Your request {{reference}} is complete",
    bodyAr:
      "عزيزي/عزيزتي {{memberName}}،\nتم استكمال إجراءات طلبك رقم {{reference}}. نسعد بتقييمك للخدمة.",
    bodyEn:
      "Dear {{memberName}},\nYour request {{reference}} has been completed. We would value your rating of the service.",
  },
  RESOLVED: {
    subjectAr: "تمت معالجة طلبك {{reference}}",
    subjectEn: "Your request {{reference}} has been resolved",
    bodyAr: "عزيزي/عزيزتي {{memberName}}،\nتمت معالجة طلبك رقم {{reference}}.\n{{answer}}",
    bodyEn: "Dear {{memberName}},\nYour request {{reference}} has been resolved.\n{{answer}}",
  },
  SURVEY_INVITATION: {
    subjectAr: "شاركنا رأيك في الخدمة",
    subjectEn: "Tell us what you think of our service",
    bodyAr:
      "عزيزي/عزيزتي {{memberName}}،\nتقييمك حق لك ووسيلة لتطوير خدماتنا. شاركنا رأيك في خدمة طلبك {{reference}}: {{surveyLink}}",
    bodyEn:
      "Dear {{memberName}},\nRating our service is your right and helps us improve. Please rate the service on your request {{reference}}: {{surveyLink}}",
  },
  DUE_DATE_REMINDER: {
    subjectAr: "تنبيه: موعد القرار في الطلب {{reference}} يقترب",
    subjectEn: "Reminder: the decision on {{reference}} is due soon",
    bodyAr:
      "الطلب رقم {{reference}} للعضو {{memberName}} بحالة {{status}}، وموعد القرار {{dueDate}}.",
    bodyEn:
      "Request {{reference}} of {{memberName}} is {{status}}; the decision is due {{dueDate}}.",
  },
  DECISION_OVERDUE: {
    subjectAr: "تأخر القرار في الطلب {{reference}}",
    subjectEn: "The decision on {{reference}} is overdue",
    bodyAr:
      "تجاوز الطلب رقم {{reference}} للعضو {{memberName}} موعد القرار ({{dueDate}}) وحالته {{status}}. يرجى المتابعة.",
    bodyEn:
      "Request {{reference}} of {{memberName}} passed its decision date ({{dueDate}}) and is {{status}}. Please follow it up.",
  },
  CASE_ASSIGNED: {
    subjectAr: "أُسند إليك الطلب {{reference}}",
    subjectEn: "Request {{reference}} was assigned to you",
    bodyAr: "أُسند إليك الطلب رقم {{reference}} للعضو {{memberName}}، وموعد القرار {{dueDate}}.",
    bodyEn:
      "Request {{reference}} of {{memberName}} was assigned to you; the decision is due {{dueDate}}.",
  },
  ATTESTATION_REQUESTED: {
    subjectAr: "وقّع إقرار طلبك {{reference}}",
    subjectEn: "Sign the declaration for your request {{reference}}",
    bodyAr:
      "عزيزي/عزيزتي {{memberName}}،\nلاستكمال طلبك رقم {{reference}} نحتاج إلى إقرارك بصحة بياناته. افتح الرابط التالي، واقرأ الإقرار والبيانات، ثم وقّعه:\n{{link}}\nالرابط صالح حتى {{validUntil}} ولمرة واحدة. إن لم تطلب ذلك فتجاهل هذه الرسالة.\nمع تحيات جمعية وصل.",
    bodyEn:
      "Dear {{memberName}},\nTo complete your request {{reference}} we need your declaration that its data are correct. Open this link, read the declaration and the data, then sign:\n{{link}}\nThe link works once, until {{validUntil}}. If you did not ask for this, ignore this message.\nKind regards, Wasl association.",
  },
};

/** Short texts: SMS for members; for the staff reminders, the panel's bell (in-app). */
const smsTemplates: Readonly<Record<TemplatedEvent, { bodyAr: string; bodyEn: string }>> = {
  REQUEST_SUBMITTED: {
    bodyAr: "وصل: استلمنا طلبك {{reference}}، والرد قبل {{dueDate}}.",
    bodyEn: "Wasl: we received {{reference}}; answer by {{dueDate}}.",
  },
  NEEDS_INFO: {
    bodyAr: "وصل: طلبك {{reference}} بحاجة إلى استكمال. {{note}}",
    bodyEn: "Wasl: {{reference}} needs more information. {{note}}",
  },
  REFERRED_TO_RESEARCHER: {
    bodyAr: "وصل: أحيل طلبك {{reference}} إلى الباحث الاجتماعي وسيتواصل معك.",
    bodyEn: "Wasl: {{reference}} was referred to the social researcher, who will call you.",
  },
  RAISED_TO_COMMITTEE: {
    bodyAr: "وصل: رُفع طلبك {{reference}} إلى لجنة البحث، والقرار قبل {{dueDate}}.",
    bodyEn: "Wasl: {{reference}} is with the research committee; decision by {{dueDate}}.",
  },
  DECIDED: {
    bodyAr: "وصل: صدر القرار في طلبك {{reference}}: {{status}}.",
    bodyEn: "Wasl: decision on {{reference}}: {{status}}.",
  },
  COMPLETED: {
    bodyAr: "وصل: اكتمل طلبك {{reference}}. شكرًا لك.",
    bodyEn: "Wasl: {{reference}} is complete. Thank you.",
  },
  RESOLVED: {
    bodyAr: "وصل: تمت معالجة طلبك {{reference}}.",
    bodyEn: "Wasl: {{reference}} has been resolved.",
  },
  SURVEY_INVITATION: {
    bodyAr: "وصل: قيّم خدمتنا في طلبك {{reference}}: {{surveyLink}}",
    bodyEn: "Wasl: rate our service on {{reference}}: {{surveyLink}}",
  },
  DUE_DATE_REMINDER: {
    bodyAr: "موعد القرار في {{reference}} هو {{dueDate}}.",
    bodyEn: "The decision on {{reference}} is due {{dueDate}}.",
  },
  DECISION_OVERDUE: {
    bodyAr: "تأخر القرار في {{reference}} عن موعده {{dueDate}}.",
    bodyEn: "The decision on {{reference}} is overdue (due {{dueDate}}).",
  },
  CASE_ASSIGNED: {
    bodyAr: "أُسند إليك الطلب {{reference}}.",
    bodyEn: "Request {{reference}} was assigned to you.",
  },
  ATTESTATION_REQUESTED: {
    bodyAr: "وصل: وقّع إقرار طلبك {{reference}} من الرابط {{link}} (صالح حتى {{validUntil}}).",
    bodyEn:
      "Wasl: sign the declaration for {{reference}} at {{link}} (valid until {{validUntil}}).",
  },
};

/** The reminders that reach staff rather than members: by e-mail and in the panel. */
export const staffReminders: readonly NotificationEvent[] = [
  "DUE_DATE_REMINDER",
  "DECISION_OVERDUE",
  "CASE_ASSIGNED",
];

export function notificationTemplates(): {
  event: NotificationEvent;
  channel: NotificationChannel;
  subjectAr: string;
  subjectEn: string;
  bodyAr: string;
  bodyEn: string;
}[] {
  return (Object.keys(emailTemplates) as TemplatedEvent[]).flatMap((event) => {
    const email = emailTemplates[event];
    const sms = smsTemplates[event];
    return [
      { event, channel: "EMAIL" as const, ...email },
      {
        event,
        channel: staffReminders.includes(event) ? ("IN_APP" as const) : ("SMS" as const),
        subjectAr: email.subjectAr,
        subjectEn: email.subjectEn,
        ...sms,
      },
    ];
  });
}

export const csatSurvey = {
  titleAr: "استبيان رضا الأعضاء عن الخدمة",
  titleEn: "Member satisfaction survey",
  questions: [
    {
      type: "RATING" as const,
      required: true,
      textAr: "ما مدى رضاك عن الخدمة المقدمة بشكل عام؟ (من 1 إلى 5)",
      textEn: "Overall, how satisfied are you with the service? (1 to 5)",
    },
    {
      type: "RATING" as const,
      required: true,
      textAr: "كيف تقيّم لباقة الموظف وتعامله معك؟ (من 1 إلى 5)",
      textEn: "How would you rate the staff member's courtesy? (1 to 5)",
    },
    {
      type: "NPS" as const,
      required: true,
      textAr: "ما مدى احتمال أن توصي بخدمات الجمعية لأقاربك وأصدقائك؟ (من 0 إلى 10)",
      textEn:
        "How likely are you to recommend the association's services to family and friends? (0 to 10)",
    },
    {
      type: "FREE_TEXT" as const,
      required: false,
      textAr: "هل لديك ملاحظات أو مقترحات لتحسين الخدمة؟",
      textEn: "Any comments or suggestions to improve the service?",
    },
  ],
};

export const communicationSubjects: readonly {
  channel: "PHONE" | "SOCIAL_MEDIA" | "IN_PERSON" | "WEBSITE";
  direction: "INBOUND" | "OUTBOUND";
  subject: string;
  body: string;
  outcome: string;
}[] = [
  {
    channel: "PHONE",
    direction: "INBOUND",
    subject: "اتصال للاستفسار عن حالة الطلب",
    body: "اتصل العضو للسؤال عن موعد القرار.",
    outcome: "تم إبلاغه بالحالة والموعد المتوقع",
  },
  {
    channel: "PHONE",
    direction: "OUTBOUND",
    subject: "اتصال لطلب استكمال المستندات",
    body: "تم الاتصال بالعضو لطلب سجل الأسرة المحدّث.",
    outcome: "وعد بإرسال المستند خلال يومين",
  },
  {
    channel: "SOCIAL_MEDIA",
    direction: "INBOUND",
    subject: "رسالة عبر تويتر عن مواعيد الصرف",
    body: "استفسار عبر الرسائل الخاصة عن موعد صرف الإعانة.",
    outcome: "تم الرد وتوجيهه إلى الموقع",
  },
  {
    channel: "IN_PERSON",
    direction: "INBOUND",
    subject: "مراجعة في المقر لتسليم مستندات",
    body: "حضر العضو وسلّم صورة الهوية وتعريف الراتب.",
    outcome: "تم استلام المستندات وإرفاقها بالطلب",
  },
  {
    channel: "PHONE",
    direction: "OUTBOUND",
    subject: "اتصال لإبلاغ العضو بقرار اللجنة",
    body: "تم إبلاغ العضو بقرار لجنة البحث ومدة الصرف.",
    outcome: "تم الإبلاغ",
  },
  {
    channel: "WEBSITE",
    direction: "INBOUND",
    subject: "رسالة من نموذج التواصل في الموقع",
    body: "يسأل العضو عن طريقة تحديث رقم الجوال.",
    outcome: "تم الرد بالبريد الإلكتروني",
  },
];
