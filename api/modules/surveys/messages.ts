// Messages of the surveys module, Arabic and English.
import { type Keys, registerMessages } from "../../i18n/messages.js";

export const surveyMessagesAr = {
  "surveys.answerRequired": "هذا السؤال مطلوب.",
  "surveys.ratingRange": "اختر رقماً من {min} إلى {max}.",
  "surveys.oneChoiceOnly": "اختر إجابة واحدة فقط.",
  "surveys.unknownChoice": "إحدى الإجابات المختارة ليست من خيارات السؤال.",
  "surveys.textTooLong": "الإجابة أطول من {max} حرف.",
  "surveys.unknownQuestion": "لا يوجد في الاستبيان سؤال بهذا الرقم.",
  "surveys.numberRange": "«{field}» عدد صحيح من {min} إلى {max}.",
  "surveys.windowOrder": "نهاية مدة الاستبيان يجب أن تكون بعد بدايتها.",
  "surveys.noQuestions": "أضف سؤالاً واحداً على الأقل.",
  "surveys.tooManyQuestions": "الاستبيان لا يتجاوز {max} سؤالاً.",
  "surveys.twoChoices": "سؤال الاختيار يحتاج إلى خيارين على الأقل.",
  "surveys.choicesNotForType": "هذا النوع من الأسئلة لا خيارات له.",
  "surveys.choiceIncomplete": "لكل خيار قيمة فريدة ونص بالعربية والإنجليزية.",
  "surveys.answeredSurveyFixed":
    "وصلت إجابات على هذا الاستبيان: لا تتغير أسئلته ولا سرّيته حتى تبقى الإجابات بمعناها ويبقى وعد السرية قائماً.",
  "surveys.closed": "الاستبيان غير مفعّل الآن.",
  "surveys.roundTooLarge": "اخترتَ {count}، والحد {max} في الدفعة الواحدة: ضيّق الاختيار.",
  "surveys.linkUsed": "سبق استخدام هذا الرابط، وسُجّلت الإجابات. شكراً لك.",
  "surveys.linkExpired": "انتهت صلاحية هذا الرابط.",
  "surveys.linkClosed": "هذا الاستبيان لم يعد يستقبل إجابات.",
  "fields.introAr": "المقدمة بالعربية",
  "fields.introEn": "المقدمة بالإنجليزية",
  "fields.inviteDelayHours": "مهلة الدعوة بالساعات",
  "fields.invitationValidDays": "صلاحية الرابط بالأيام",
  "fields.minimumGroupSize": "أدنى عدد للإجابات في أي تفصيل",
  "fields.activeUntil": "نهاية مدة الاستبيان",
  "fields.questions": "الأسئلة",
  "fields.answers": "الإجابات",
  "fields.selection": "اختيار الأعضاء",
  "fields.anonymous": "السرية",
  "entities.Survey": "الاستبيان",
  "entities.SurveyInvitation": "دعوة الاستبيان",
  "entities.SurveyFollowUp": "متابعة التقييم",
} as const;

export const surveyMessagesEn: Keys<typeof surveyMessagesAr> = {
  "surveys.answerRequired": "This question is required.",
  "surveys.ratingRange": "Choose a number from {min} to {max}.",
  "surveys.oneChoiceOnly": "Choose one answer only.",
  "surveys.unknownChoice": "One of the answers chosen is not among the question's choices.",
  "surveys.textTooLong": "The answer is longer than {max} characters.",
  "surveys.unknownQuestion": "The survey has no question with this number.",
  "surveys.numberRange": "“{field}” is a whole number from {min} to {max}.",
  "surveys.windowOrder": "The survey's end must come after its start.",
  "surveys.noQuestions": "Add at least one question.",
  "surveys.tooManyQuestions": "A survey has at most {max} questions.",
  "surveys.twoChoices": "A choice question needs at least two choices.",
  "surveys.choicesNotForType": "This kind of question has no choices.",
  "surveys.choiceIncomplete": "Every choice needs a unique value and an Arabic and English label.",
  "surveys.answeredSurveyFixed":
    "This survey has answers: its questions and anonymity stay as they were, so that answers keep their meaning and the promise of anonymity holds.",
  "surveys.closed": "The survey is not active now.",
  "surveys.roundTooLarge": "{count} selected, at most {max} per round: narrow the selection.",
  "surveys.linkUsed": "This link was already used and the answers recorded. Thank you.",
  "surveys.linkExpired": "This link has expired.",
  "surveys.linkClosed": "This survey no longer takes answers.",
  "fields.introAr": "Arabic introduction",
  "fields.introEn": "English introduction",
  "fields.inviteDelayHours": "Invitation delay (hours)",
  "fields.invitationValidDays": "Link validity (days)",
  "fields.minimumGroupSize": "Fewest answers shown in any breakdown",
  "fields.activeUntil": "Survey end",
  "fields.questions": "Questions",
  "fields.answers": "Answers",
  "fields.selection": "Members selected",
  "fields.anonymous": "Anonymity",
  "entities.Survey": "survey",
  "entities.SurveyInvitation": "survey invitation",
  "entities.SurveyFollowUp": "rating follow-up",
};

declare module "../../i18n/messages.js" {
  interface MessageCatalogue extends Keys<typeof surveyMessagesAr> {}
}

registerMessages(surveyMessagesAr, surveyMessagesEn);
