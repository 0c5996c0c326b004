// The demo sign-ins and the demo partner key. They are printed when the server starts so
// that anyone trying Wasl can sign in; they are demo data, never production credentials.
import type { PartnerScope, Role } from "../../api/db/generated/enums.js";

export type DemoAccount = {
  email: string;
  password: string;
  fullName: string;
  roles: Role[];
  descriptionAr: string;
  descriptionEn: string;
  disabled?: boolean;
};

export const demoAccounts: readonly DemoAccount[] = [
  {
    email: "admin@wasl.demo",
    password: "Admin#2026",
    fullName: "عبدالرحمن سعد العتيبي",
    roles: ["ADMIN"],
    descriptionAr:
      "مدير النظام: المستخدمون والأدوار والجهات الشريكة والإعدادات والقوالب وقاعدة المعرفة",
    descriptionEn:
      "Administrator: users and roles, partners, settings, templates and the knowledge base",
  },
  {
    email: "staff@wasl.demo",
    password: "Staff#2026",
    fullName: "نورة عبدالله الشهري",
    roles: ["STAFF"],
    descriptionAr:
      "موظفة علاقات الأعضاء: استقبال الأعضاء والطلبات عبر جميع القنوات والتحقق من البيانات",
    descriptionEn:
      "Member-relations officer: receives members and requests on every channel, verifies data",
  },
  {
    email: "researcher@wasl.demo",
    password: "Research#2026",
    fullName: "خالد إبراهيم الغامدي",
    roles: ["RESEARCHER"],
    descriptionAr: "الباحث الاجتماعي: دراسة الحالات المحالة وإعداد تقرير البحث الاجتماعي",
    descriptionEn: "Social researcher: studies referred cases and writes the research report",
  },
  {
    email: "chair@wasl.demo",
    password: "Chair#2026",
    fullName: "سليمان ناصر الدوسري",
    roles: ["COMMITTEE_MEMBER", "COMMITTEE_CHAIR"],
    descriptionAr: "رئيس لجنة البحث: فتح الجلسات وإدارتها والترجيح واعتماد القرارات",
    descriptionEn:
      "Research committee chair: opens and runs sessions, breaks ties, finalises decisions",
  },
  {
    email: "committee1@wasl.demo",
    password: "Committee#2026",
    fullName: "هيفاء محمد الزهراني",
    roles: ["COMMITTEE_MEMBER"],
    descriptionAr: "عضوة لجنة البحث: دراسة الطلبات المدرجة والتصويت عليها",
    descriptionEn: "Research committee member: studies agenda requests and votes",
  },
  {
    email: "committee2@wasl.demo",
    password: "Committee#2026",
    fullName: "فهد عبدالعزيز القحطاني",
    roles: ["COMMITTEE_MEMBER"],
    descriptionAr: "عضو لجنة البحث: دراسة الطلبات المدرجة والتصويت عليها",
    descriptionEn: "Research committee member: studies agenda requests and votes",
  },
];

/** A disabled account, so that refusing disabled users can be tried and tested. */
export const disabledDemoAccount: DemoAccount = {
  email: "disabled@wasl.demo",
  password: "Disabled#2026",
  fullName: "ماجد علي الحربي",
  roles: ["STAFF"],
  descriptionAr: "حساب موظف معطّل: لا يستطيع تسجيل الدخول",
  descriptionEn: "A disabled staff account: cannot sign in",
  disabled: true,
};

export const demoPartner = {
  name: "Community Services Platform (demo)",
  nameAr: "منصة الخدمات المجتمعية (تجريبي)",
  contactEmail: "integration@partner.demo",
  /** Fixed so that integrators can try the partner API straight away. */
  apiKey: "wasl_pk_demo0001_DemoKey-ForTrying-ThePartnerAPI1",
  prefix: "demo0001",
  scopes: ["MEMBERSHIP_VERIFY", "REQUESTS_READ", "STATS_READ"] as PartnerScope[],
};
