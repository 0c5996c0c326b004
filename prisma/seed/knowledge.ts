// The knowledge base's demo articles, drawn from the policy (/work/shared/policy): the five
// channels, the six steps of serving a member, the two-week decision, the right to rate and
// the misconceptions it asks staff to correct. Written and published through the knowledge
// module's commands, as an editor would, so each has its revisions and audit entries.
import type { Caller } from "../../api/auth/caller.js";
import type { Db } from "../../api/db/client.js";
import type { CommandContext } from "../../api/db/commands.js";
import type { ArticleAudience, ArticleCategory } from "../../api/db/generated/enums.js";
import { createArticle, setArticleStatus } from "../../api/modules/knowledge/commands.js";

export type SeedArticle = {
  slug: string;
  category: ArticleCategory;
  audience: ArticleAudience;
  /** Left a draft: an editor's work in progress. */
  draft?: boolean;
  titleAr: string;
  titleEn: string;
  bodyAr: string;
  bodyEn: string;
};

export const seedArticles: readonly SeedArticle[] = [
  {
    slug: "five-channels",
    category: "PROCEDURE",
    audience: "PUBLIC",
    titleAr: "قنوات التواصل الخمس مع الجمعية",
    titleEn: "The five ways to reach the association",
    bodyAr: `نخدمك من حيث أنت، لنوفّر وقتك ونراعي ظروفك. تواصل معنا بأي من القنوات الخمس:

1. **المقابلة الشخصية** في مقر الجمعية خلال ساعات العمل.
2. **الاتصال الهاتفي** على الرقم الموحد للجمعية.
3. **وسائل التواصل الاجتماعي** عبر حسابات الجمعية الرسمية.
4. **الخطابات** الرسمية الموجهة إلى الجمعية، وتُقيَّد في سجل الوارد برقم.
5. **الموقع الإلكتروني** للجمعية، ومنه تتابع طلبك برقمه المرجعي.

أياً كانت القناة، يُسجَّل طلبك مرة واحدة ويصلك إشعار عند كل مرحلة.`,
    bodyEn: `We serve you from where you are. Reach us on any of the five channels:

1. **In person** at the association's office during working hours.
2. **By phone** on the association's number.
3. **On social media**, on the association's official accounts.
4. **By letter** addressed to the association, registered with a number.
5. **On the website**, where you can follow your request by its reference.

Whatever the channel, your request is recorded once and you are told of every step.`,
  },
  {
    slug: "six-steps-of-service",
    category: "PROCEDURE",
    audience: "STAFF",
    titleAr: "خطوات خدمة العضو الست",
    titleEn: "The six steps of serving a member",
    bodyAr: `إجراء موظف علاقات الأعضاء لإنجاز معاملة العضو، كما تنص عليه السياسة:

1. استقبال العضو بلباقة واحترام، والإجابة عن جميع استفساراته، وإعطاء المراجع الوقت الكافي.
2. التأكد من تقديم **جميع المعلومات المطلوبة** وتطابق البيانات وصحتها وقت التقديم.
3. عند عدم وضوح الإجراءات للعضو، **يحيله الموظف إلى مسؤول البحث الاجتماعي** للرد على استفساراته وشرح الجانب التنظيمي.
4. التأكد من صحة البيانات المقدمة من طالب الدعم، وتوقيعه على **الإقرار** بصحتها، ويتحمل مسؤوليتها مباشرة.
5. إبلاغ العضو بأن الطلب **سيُرفع إلى لجنة البحث** لدراسته والرد عليه بالقبول أو الرفض خلال **أسبوعين**.
6. استكمال إجراءات التسجيل عند اكتمال الطلبات.

> لا يُرفع الطلب إلى اللجنة قبل اكتمال مستنداته وتوقيع الإقرار.`,
    bodyEn: `The member-relations officer's procedure to complete a member's transaction, as the policy sets it:

1. Receive the member courteously and respectfully, answer all their inquiries, give them enough time.
2. Make sure **all required information** is submitted and that the data match and are valid at submission.
3. Where the procedures are unclear to the member, **refer them to the social research officer**.
4. Make sure the support applicant's data are correct and that they sign the **attestation**, bearing responsibility for it.
5. Tell the member the request **goes to the research committee**, which accepts or rejects it within **two weeks**.
6. Complete the registration once the requests are complete.

> A request goes to the committee only with its documents complete and the attestation signed.`,
  },
  {
    slug: "two-week-decision",
    category: "FAQ",
    audience: "PUBLIC",
    titleAr: "متى يصدر القرار في طلبي؟",
    titleEn: "When will my request be decided?",
    bodyAr: `تُرفع طلبات الدعم والعضوية إلى **لجنة البحث**، وتصدر قرارها بالقبول أو الرفض خلال **أسبوعين** (أربعة عشر يوماً) من تقديم الطلب مكتملاً.

- إذا طلبنا منك مستنداً ناقصاً، تتوقف المدة حتى تقدّمه.
- تصلك رسالة عند كل مرحلة دون أن تسأل: الاستلام، الإحالة، الرفع إلى اللجنة، والقرار.
- يمكنك متابعة طلبك برقمه المرجعي عبر الموقع الإلكتروني.`,
    bodyEn: `Support and membership requests go to the **research committee**, which accepts or rejects them within **two weeks** (fourteen days) of a complete submission.

- If we ask you for a missing document, the clock stops until you provide it.
- You get a message at every step without asking: receipt, referral, committee, decision.
- You can follow your request by its reference on the website.`,
  },
  {
    slug: "attestation-of-data",
    category: "FAQ",
    audience: "PUBLIC",
    titleAr: "ما الإقرار بصحة البيانات ولماذا أوقّعه؟",
    titleEn: "What is the attestation of the data, and why sign it?",
    bodyAr: `الإقرار تعهّد يوقّعه طالب الدعم بأن البيانات والمستندات التي قدّمها صحيحة، ويتحمل مسؤوليتها مباشرة.

يوقَّع الإقرار **حضورياً** لدى الموظف، أو **إلكترونياً** من رابط يصلك على جوالك المسجل. ولا يُرفع طلب الدعم إلى لجنة البحث قبل توقيعه.`,
    bodyEn: `The attestation is the support applicant's signed statement that the data and documents they gave are correct, for which they are directly responsible.

It is signed **in person** with a staff member, or **electronically** from a link sent to your registered mobile. A support request goes to the research committee only once it is signed.`,
  },
  {
    slug: "financial-assistance-documents",
    category: "FAQ",
    audience: "PUBLIC",
    titleAr: "طلب مساعدة مالية: المستندات المطلوبة",
    titleEn: "Applying for financial assistance: the documents needed",
    bodyAr: `لطلب المساعدة المالية أحضر أو أرسل:

- صورة الهوية الوطنية أو الإقامة.
- صورة سجل الأسرة.
- ما يثبت الدخل الشهري.
- خطاب الآيبان البنكي.

ويتحقق الموظف من اكتمال المستندات وصحتها وقت التقديم، ثم توقّع الإقرار بصحة البيانات.`,
    bodyEn: `To apply for financial assistance, bring or send:

- a copy of the national ID or iqama;
- a copy of the family card;
- proof of monthly income;
- a bank IBAN letter.

Staff check the documents are complete and valid at submission; then you sign the attestation.`,
  },
  {
    slug: "rating-is-your-right",
    category: "MISCONCEPTION",
    audience: "PUBLIC",
    titleAr: "تصحيح مفهوم: تقييم الخدمة حق لك ولا يضر طلباتك",
    titleEn: "Misconception: rating the service is your right and never harms your requests",
    bodyAr: `يظن بعض الأعضاء أن التقييم المنخفض قد يؤثر على طلباتهم. والصحيح أن **تقييم جودة الخدمة حق للعضو**، وأداة للتقويم والتطوير، **لا للعقاب أو التشهير**.

- استبيانات الرضا مجهولة الهوية في الغالب، ولا يطّلع أحد على اسم من أجاب.
- لا علاقة للتقييم بقرارات لجنة البحث.
- نستخدم آراءكم لتحسين الإجراءات وأداء مقدّمي الخدمة باستمرار.`,
    bodyEn: `Some members think a low rating may affect their requests. In fact **rating service quality is a member's right**, a tool for evaluation and improvement, **not for punishment or defamation**.

- Satisfaction surveys are mostly anonymous; nobody sees who answered.
- Ratings have nothing to do with the committee's decisions.
- Your opinions keep improving our procedures and the service.`,
  },
  {
    slug: "support-is-not-by-seniority",
    category: "MISCONCEPTION",
    audience: "PUBLIC",
    titleAr: "تصحيح مفهوم: الدعم لا يُصرف بالأقدمية",
    titleEn: "Misconception: support is not granted by seniority",
    bodyAr: `يعتقد البعض أن الأسبقية في التسجيل تضمن الدعم. والصحيح أن لجنة البحث تقرر وفق **الاحتياج** الثابت بتقرير البحث الاجتماعي واستيفاء الشروط والمستندات، بصرف النظر عن تاريخ العضوية.`,
    bodyEn: `Some believe registering early guarantees support. In fact the research committee decides on the **need** shown by the social research report and on complete conditions and documents, whatever the membership date.`,
  },
  {
    slug: "no-need-to-keep-asking",
    category: "MISCONCEPTION",
    audience: "PUBLIC",
    titleAr: "تصحيح مفهوم: لا حاجة إلى المراجعة المتكررة لمعرفة حالة طلبك",
    titleEn: "Misconception: you need not keep coming back to learn where your request is",
    bodyAr: `نسعى إلى الوصول إليك بأيسر الطرق **دون أن تسأل**: تصلك رسالة نصية أو بريد إلكتروني عند استلام طلبك، وعند طلب أي مستند ناقص، وعند رفعه إلى اللجنة، وعند صدور القرار. ويمكنك متابعته في أي وقت برقمه المرجعي عبر الموقع.`,
    bodyEn: `We aim to reach you the easiest way **without you having to ask**: an SMS or e-mail tells you when your request is received, when a document is missing, when it goes to the committee and when it is decided. You can follow it any time by its reference on the website.`,
  },
  {
    slug: "bylaws-summary",
    category: "BYLAWS",
    audience: "PUBLIC",
    titleAr: "ملخص اللائحة الأساسية للجمعية",
    titleEn: "Summary of the association's basic bylaws",
    bodyAr: `تحدد اللائحة الأساسية أهداف الجمعية ونطاق خدماتها وشروط العضوية في **الجمعية العمومية** وحقوق الأعضاء وواجباتهم.

- يحق لكل عضو حضور اجتماعات الجمعية العمومية والتصويت فيها.
- يحق له الاطلاع على التقارير المالية والإدارية.
- تنتهي العضوية بالانسحاب أو بفقد أحد شروطها أو بقرار من مجلس الإدارة وفق اللائحة.`,
    bodyEn: `The basic bylaws set the association's objectives, the scope of its services, the conditions of **General Assembly** membership and members' rights and duties.

- Every member may attend and vote at General Assembly meetings.
- Every member may read the financial and administrative reports.
- Membership ends by withdrawal, by losing a condition, or by a board decision under the bylaws.`,
  },
  {
    slug: "duties-and-authorities",
    category: "DUTIES_REGULATION",
    audience: "STAFF",
    titleAr: "ملخص لائحة المهام والصلاحيات",
    titleEn: "Summary of the duties and authorities regulation",
    bodyAr: `- **موظف علاقات الأعضاء**: يستقبل الأعضاء عبر جميع القنوات، ويتحقق من اكتمال البيانات والمستندات وصحتها وقت التقديم، ويحيل الحالات غير الواضحة إلى الباحث الاجتماعي.
- **الباحث الاجتماعي**: يعد تقرير البحث مع التوصية.
- **لجنة البحث**: تدرس الطلبات وتصدر قرارها بالقبول أو الرفض خلال أسبوعين.
- **رئيس اللجنة**: يعتمد القرار ويرجّح عند التساوي.`,
    bodyEn: `- **Member-relations officer**: receives members on every channel, checks data and documents at submission, refers unclear cases to the social researcher.
- **Social researcher**: writes the research report with a recommendation.
- **Research committee**: studies requests and accepts or rejects them within two weeks.
- **Committee chair**: finalises the decision and breaks ties.`,
  },
  {
    slug: "answering-rating-concerns",
    category: "PROCEDURE",
    audience: "STAFF",
    draft: true,
    titleAr: "كيف نرد على عضو يخشى أن يقيّم الخدمة",
    titleEn: "Answering a member who is afraid to rate the service",
    bodyAr: `اشرح للعضو أن التقييم حقه وأنه أداة للتطوير لا للعقاب، وأرسل له مقالة «تقييم الخدمة حق لك» من ملف الطلب.`,
    bodyEn: `Explain that rating is their right and a tool for improvement, not punishment, and send them the article «rating is your right» from the case file.`,
  },
];

/**
 * Writes and publishes the demo articles as `editor` (an admin), at `now`, in the caller's
 * database or transaction (the demo seed's): the commands run in a context over it.
 */
export async function seedKnowledgeBase(
  db: Db,
  editor: Extract<Caller, { kind: "user" }>,
  now: Date,
): Promise<number> {
  // The knowledge commands announce no live event: nothing to publish after a commit.
  const context: CommandContext = { tx: db, caller: editor, now, publicUrl: "", emit: () => {} };
  for (const { draft, ...input } of seedArticles) {
    const article = await createArticle(context, input);
    if (!draft)
      await setArticleStatus(context, {
        id: article.id,
        version: article.version,
        status: "PUBLISHED",
      });
  }
  return seedArticles.length;
}
