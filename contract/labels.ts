// Labels of values (and the requests list's columns) that both the panel and the API's own outputs (the members' and requests'
// CSV exports) show people, in each language: one wording in both. Part of the contract (contract/README.md).

export const membershipStatusLabels = {
  ar: { APPLICANT: "متقدم", ACTIVE: "نشط", SUSPENDED: "موقوف", ENDED: "منتهية" },
  en: { APPLICANT: "Applicant", ACTIVE: "Active", SUSPENDED: "Suspended", ENDED: "Ended" },
} as const;

export const channelLabels = {
  ar: {
    IN_PERSON: "حضوري",
    PHONE: "هاتف",
    SOCIAL_MEDIA: "وسائل التواصل",
    LETTER: "خطاب",
    WEBSITE: "الموقع الإلكتروني",
    PARTNER: "جهة شريكة",
  },
  en: {
    IN_PERSON: "In person",
    PHONE: "Phone",
    SOCIAL_MEDIA: "Social media",
    LETTER: "Letter",
    WEBSITE: "Website",
    PARTNER: "Partner",
  },
} as const;

export const requestStatusLabels = {
  ar: {
    DRAFT: "مسودة",
    SUBMITTED: "مقدَّم",
    NEEDS_INFO: "بانتظار استكمال",
    WITH_RESEARCHER: "لدى الباحث",
    IN_COMMITTEE: "لدى اللجنة",
    APPROVED: "معتمد",
    REJECTED: "مرفوض",
    COMPLETED: "مكتمل",
    WITHDRAWN: "مسحوب",
    IN_PROGRESS: "قيد المعالجة",
    RESOLVED: "تمت الإجابة",
    CLOSED: "مغلق",
  },
  en: {
    DRAFT: "Draft",
    SUBMITTED: "Submitted",
    NEEDS_INFO: "Needs information",
    WITH_RESEARCHER: "With researcher",
    IN_COMMITTEE: "In committee",
    APPROVED: "Approved",
    REJECTED: "Rejected",
    COMPLETED: "Completed",
    WITHDRAWN: "Withdrawn",
    IN_PROGRESS: "In progress",
    RESOLVED: "Resolved",
    CLOSED: "Closed",
  },
} as const;

export const requestTypeLabels = {
  ar: {
    MEMBERSHIP_REGISTRATION: "تسجيل عضوية",
    FINANCIAL_SUPPORT: "دعم مالي",
    IN_KIND_SUPPORT: "دعم عيني",
    DATA_UPDATE: "تحديث بيانات",
    INQUIRY: "استفسار",
    COMPLAINT: "شكوى",
    SUGGESTION: "اقتراح",
  },
  en: {
    MEMBERSHIP_REGISTRATION: "Membership registration",
    FINANCIAL_SUPPORT: "Financial support",
    IN_KIND_SUPPORT: "In-kind support",
    DATA_UPDATE: "Data update",
    INQUIRY: "Inquiry",
    COMPLAINT: "Complaint",
    SUGGESTION: "Suggestion",
  },
} as const;

/**
 * The requests list's column names, which the requests' CSV export repeats as its headers:
 * a column reads the same in the panel and in the file taken from it.
 */
export const requestFieldLabels = {
  ar: {
    reference: "الرقم المرجعي",
    status: "الحالة",
    type: "النوع",
    channel: "القناة",
    member: "العضو",
    subject: "الموضوع",
    amountRequested: "المبلغ المطلوب (ريال)",
    amountApproved: "المبلغ المعتمد (ريال)",
    assignee: "الموظف المسؤول",
    submittedAt: "تاريخ التقديم",
    decisionDueAt: "موعد القرار",
  },
  en: {
    reference: "Reference",
    status: "Status",
    type: "Type",
    channel: "Channel",
    member: "Member",
    subject: "Subject",
    amountRequested: "Amount requested (SAR)",
    amountApproved: "Amount approved (SAR)",
    assignee: "Assignee",
    submittedAt: "Submitted",
    decisionDueAt: "Decision due",
  },
} as const;
