// Messages of the committee room (policy step 5), Arabic and English.
import { type Keys, registerMessages } from "../../i18n/messages.js";

export const committeeMessagesAr = {
  "committee.notAChair": "رئيس الجلسة يجب أن يكون مستخدماً نشطاً بدور رئيس اللجنة.",
  "committee.notACommitteeMember": "من اخترتهم {count} ليسوا أعضاء نشطين في اللجنة.",
  "committee.tooFewMembers": "تحتاج الجلسة إلى عضوين على الأقل مع رئيسها.",
  "committee.quorumPercentRange": "«{field}» عدد صحيح من 1 إلى 99.",
  "committee.ruleFixedOnOpen":
    "«{field}» لا يتغير بعد افتتاح الجلسة: قاعدة القرار ثابتة منذ افتتاحها.",
  "committee.notInvited": "العضو ليس من المدعوين لهذه الجلسة.",
  "committee.votingInProgress": "يوجد بند قيد التصويت في الجلسة: يُغلق التصويت عليه أولاً.",
  "committee.notInCommittee": "الطلب {reference} ليس لدى لجنة البحث، فلا يُدرج في جدول الأعمال.",
  "committee.onAnotherAgenda": "الطلب مدرج في جدول أعمال الجلسة {session} ولم يُبتّ فيه بعد.",
  "committee.positionRange": "«{field}» يجب أن يكون بين 1 و{max}.",
  "committee.notPresent": "سجّل حضورك في الجلسة قبل التصويت.",
  "committee.recused": "تنحّيت عن هذا البند، فلا تصوّت عليه.",
  "committee.noQuorum":
    "لم يكتمل النصاب: الحاضرون غير المتنحّين {present} والمطلوب {required} على الأقل. لا يُبتّ في البند.",
  "committee.tieUnbroken":
    "تعادلت الأصوات ولم يصوّت رئيس الجلسة بالموافقة أو الرفض: أعد فتح التصويت أو أرجئ البند.",
  "fields.scheduledAt": "موعد الجلسة",
  "fields.chair": "رئيس الجلسة",
  "fields.members": "أعضاء الجلسة",
  "fields.present": "الحاضرون",
  "fields.quorumPercent": "نسبة النصاب",
  "fields.ballotVisibility": "علنية التصويت",
  "fields.tieBreak": "حسم التعادل",
  "fields.position": "الترتيب",
  "fields.comment": "التعليق",
  "entities.CommitteeSession": "جلسة اللجنة",
  "entities.AgendaItem": "بند جدول الأعمال",
  "sessionStatus.SCHEDULED": "مجدولة",
  "sessionStatus.OPEN": "منعقدة",
  "sessionStatus.CLOSED": "مختتمة",
  "committeeItemStatus.PENDING": "بانتظار العرض",
  "committeeItemStatus.VOTING": "قيد التصويت",
  "committeeItemStatus.VOTING_CLOSED": "أُغلق التصويت",
  "committeeItemStatus.DECIDED": "تم البتّ",
  "committeeItemStatus.DEFERRED": "مُرجأ",
  "committeeAction.OPEN_SESSION": "افتتاح الجلسة",
  "committeeAction.CLOSE_SESSION": "اختتام الجلسة",
  "committeeAction.CHANGE_SESSION": "تعديل الجلسة",
  "committeeAction.BUILD_AGENDA": "تعديل جدول الأعمال",
  "committeeAction.MARK_ATTENDANCE": "تسجيل الحضور",
  "committeeAction.OPEN_VOTING": "فتح التصويت",
  "committeeAction.CAST_VOTE": "التصويت",
  "committeeAction.RECUSE": "التنحّي",
  "committeeAction.CLOSE_VOTING": "إغلاق التصويت",
  "committeeAction.FINALISE": "اعتماد القرار",
  "committeeAction.DEFER": "الإرجاء",
} as const;

export const committeeMessagesEn: Keys<typeof committeeMessagesAr> = {
  "committee.notAChair":
    "The session's chair must be an active user with the committee chair role.",
  "committee.notACommitteeMember": "Of those chosen, {count} are not active committee members.",
  "committee.tooFewMembers": "A session needs at least two members, its chair included.",
  "committee.quorumPercentRange": "“{field}” is a whole number from 1 to 99.",
  "committee.ruleFixedOnOpen":
    "“{field}” cannot change once the session is open: its decision rule is fixed from then on.",
  "committee.notInvited": "The member is not invited to this session.",
  "committee.votingInProgress": "An item of the session is being voted on: close its vote first.",
  "committee.notInCommittee":
    "Request {reference} is not with the research committee, so it cannot go on the agenda.",
  "committee.onAnotherAgenda":
    "The request is on the agenda of session {session}, not yet decided.",
  "committee.positionRange": "“{field}” must be between 1 and {max}.",
  "committee.notPresent": "Mark yourself present in the session before voting.",
  "committee.recused": "You stepped aside from this item, so you do not vote on it.",
  "committee.noQuorum":
    "No quorum: {present} members present and not recused, at least {required} needed. The item cannot be decided.",
  "committee.tieUnbroken":
    "The votes are tied and the chair did not vote to approve or reject: reopen the vote or defer the item.",
  "fields.scheduledAt": "Session time",
  "fields.chair": "Chair",
  "fields.members": "Session members",
  "fields.present": "Present",
  "fields.quorumPercent": "Quorum share",
  "fields.ballotVisibility": "Ballot visibility",
  "fields.tieBreak": "Tie break",
  "fields.position": "Position",
  "fields.comment": "Comment",
  "entities.CommitteeSession": "committee session",
  "entities.AgendaItem": "agenda item",
  "sessionStatus.SCHEDULED": "Scheduled",
  "sessionStatus.OPEN": "In session",
  "sessionStatus.CLOSED": "Closed",
  "committeeItemStatus.PENDING": "Waiting",
  "committeeItemStatus.VOTING": "Voting",
  "committeeItemStatus.VOTING_CLOSED": "Vote closed",
  "committeeItemStatus.DECIDED": "Decided",
  "committeeItemStatus.DEFERRED": "Deferred",
  "committeeAction.OPEN_SESSION": "Open the session",
  "committeeAction.CLOSE_SESSION": "Close the session",
  "committeeAction.CHANGE_SESSION": "Change the session",
  "committeeAction.BUILD_AGENDA": "Change the agenda",
  "committeeAction.MARK_ATTENDANCE": "Mark attendance",
  "committeeAction.OPEN_VOTING": "Open the vote",
  "committeeAction.CAST_VOTE": "Vote",
  "committeeAction.RECUSE": "Step aside",
  "committeeAction.CLOSE_VOTING": "Close the vote",
  "committeeAction.FINALISE": "Finalise the decision",
  "committeeAction.DEFER": "Defer",
};

declare module "../../i18n/messages.js" {
  interface MessageCatalogue extends Keys<typeof committeeMessagesAr> {}
}

registerMessages(committeeMessagesAr, committeeMessagesEn);
