// Messages of the requests module (life cycle, completeness, intake), Arabic and English.
export const requestMessagesAr = {} as const;

export const requestMessagesEn: Record<keyof typeof requestMessagesAr, string> = {};
