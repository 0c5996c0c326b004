// The knowledge base's value lists and their labels: the panel's forms and filters and the
// API's public pages show the same words. Part of the contract (contract/README.md).

export const articleCategories = [
  "BYLAWS",
  "DUTIES_REGULATION",
  "FAQ",
  "MISCONCEPTION",
  "PROCEDURE",
] as const;
export type ArticleCategoryName = (typeof articleCategories)[number];

export const articleAudiences = ["STAFF", "PUBLIC"] as const;
export const articleStatuses = ["DRAFT", "PUBLISHED", "ARCHIVED"] as const;

export const articleCategoryLabels = {
  ar: {
    BYLAWS: "اللائحة الأساسية",
    DUTIES_REGULATION: "لائحة المهام والصلاحيات",
    FAQ: "أسئلة شائعة",
    MISCONCEPTION: "تصحيح مفهوم",
    PROCEDURE: "إجراءات",
  },
  en: {
    BYLAWS: "Bylaws",
    DUTIES_REGULATION: "Duties and authorities regulation",
    FAQ: "Frequently asked questions",
    MISCONCEPTION: "Misconception corrected",
    PROCEDURE: "Procedure",
  },
} as const;
