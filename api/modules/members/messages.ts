// Messages of the members module (member fields and their rules), Arabic and English.
import { type Keys, registerMessages } from "../../i18n/messages.js";

export const memberMessagesAr = {
  "validation.nationalIdInvalid":
    "رقم الهوية الوطنية أو الإقامة غير صحيح: يجب أن يتكون من 10 أرقام ويبدأ بـ 1 أو 2 ويتحقق رقم التحقق.",
  "validation.nationalIdTaken": "رقم الهوية الوطنية مسجّل لعضو آخر.",
  "validation.mobileInvalid": "رقم الجوال غير صحيح: يجب أن يكون جوالاً سعودياً يبدأ بـ 05.",
  "validation.mobileTaken": "رقم الجوال مسجّل لعضو آخر.",
  "validation.consentRequired": "يلزم موافقة العضو على معالجة بياناته قبل تسجيله.",
  "validation.birthDateInvalid": "تاريخ الميلاد يجب أن يكون في الماضي.",
  "fields.nationalId": "رقم الهوية",
  "fields.fullNameAr": "الاسم الكامل بالعربية",
  "fields.fullNameEn": "الاسم بالإنجليزية",
  "fields.mobile": "رقم الجوال",
  "fields.city": "المدينة",
  "fields.district": "الحي",
  "fields.familySize": "عدد أفراد الأسرة",
  "fields.monthlyIncome": "الدخل الشهري",
  "fields.birthDate": "تاريخ الميلاد",
  "fields.consentGiven": "الموافقة على معالجة البيانات",
  "entities.Member": "العضو",
} as const;

export const memberMessagesEn: Keys<typeof memberMessagesAr> = {
  "validation.nationalIdInvalid":
    "The national ID or iqama number is not valid: 10 digits, starting with 1 or 2, with a correct check digit.",
  "validation.nationalIdTaken": "This national ID is already registered to another member.",
  "validation.mobileInvalid": "The mobile number is not valid: a Saudi mobile starting with 05.",
  "validation.mobileTaken": "This mobile number is already registered to another member.",
  "validation.consentRequired":
    "The member must consent to the processing of their data before registration.",
  "validation.birthDateInvalid": "The birth date must be in the past.",
  "fields.nationalId": "National ID",
  "fields.fullNameAr": "Full name (Arabic)",
  "fields.fullNameEn": "Name (English)",
  "fields.mobile": "Mobile",
  "fields.city": "City",
  "fields.district": "District",
  "fields.familySize": "Family size",
  "fields.monthlyIncome": "Monthly income",
  "fields.birthDate": "Birth date",
  "fields.consentGiven": "Consent to data processing",
  "entities.Member": "member",
};

declare module "../../i18n/messages.js" {
  interface MessageCatalogue extends Keys<typeof memberMessagesAr> {}
}

registerMessages(memberMessagesAr, memberMessagesEn);
