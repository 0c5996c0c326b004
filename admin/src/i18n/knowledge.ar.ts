// قاعدة المعرفة بالعربية؛ للملف knowledge.en.ts المفاتيح نفسها.
import { articleCategoryLabels } from "../../../contract/knowledge.js";

export const knowledgeAr = {
  resource: {
    name: "قاعدة المعرفة |||| مقالة",
    fields: {
      q: "بحث",
      titleAr: "العنوان بالعربية",
      titleEn: "العنوان بالإنجليزية",
      bodyAr: "النص بالعربية",
      bodyEn: "النص بالإنجليزية",
      category: "التصنيف",
      audience: "الجمهور",
      status: "الحالة",
      slug: "العنوان المختصر للرابط",
      publishedAt: "تاريخ النشر",
      updatedAt: "آخر تعديل",
      author: "الكاتب",
    },
    helpers: {
      body: "بصيغة Markdown: ## عنوان فرعي، - بند، 1. خطوة، **غامق**، [رابط](https://…). لا يُقبل HTML.",
      slug: "حروف لاتينية صغيرة وأرقام وشرطات؛ يُشتق من العنوان الإنجليزي إن تُرك فارغاً. المقالة العامة على /kb/<العنوان>.",
      search:
        "يتجاهل البحث الهمزات والتاء المربوطة والألف المقصورة والتشكيل، ويطابق بدايات الكلمات.",
    },
    tabs: { arabic: "العربية", english: "English", revisions: "سجل المراجعات" },
    preview: "معاينة",
    edit_text: "تحرير",
    publish: "نشر",
    unpublish: "إلغاء النشر",
    archive: "أرشفة",
    published: "نُشرت المقالة",
    unpublished: "أعيدت المقالة إلى المسودات",
    archived: "أُرشفت المقالة",
    public_page: "الصفحة العامة",
    revisions_empty: "لا مراجعات بعد.",
    revision: "المراجعة %{version}",
    revision_by: "%{name} — %{date}",
    link: "ربط مقالة",
    link_title: "ربط مقالة من قاعدة المعرفة بهذا التواصل",
    link_search: "ابحث عن مقالة منشورة",
    link_none: "لا توجد مقالة منشورة مطابقة.",
    linked: "رُبطت المقالة بالتواصل",
    linked_articles: "مقالات مرسلة",
    cancel: "إغلاق",
  },
  enums: {
    article_category: articleCategoryLabels.ar,
    article_audience: { PUBLIC: "عامة (بلا حساب)", STAFF: "الموظفون فقط" },
    article_status: { DRAFT: "مسودة", PUBLISHED: "منشورة", ARCHIVED: "مؤرشفة" },
  },
};
