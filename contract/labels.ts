// Labels of values that both the panel and the API's own outputs (the members CSV export) show
// people, in each language. Part of the contract (contract/README.md).

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
