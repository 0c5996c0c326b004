// Messages of the partners module (الجهات الشريكة ومفاتيحها), Arabic and English.
import { type Keys, registerMessages } from "../../i18n/messages.js";

export const partnersMessagesAr = {
  "partners.scopesRequired": "اختر صلاحية واحدة على الأقل للمفتاح.",
  "partners.expiryPast": "تاريخ انتهاء المفتاح يجب أن يكون في المستقبل.",
  "partners.tooManyAddresses": "قائمة العناوين المسموح بها لا تتجاوز {max} عنواناً.",
  "partners.addressInvalid":
    "«{value}» ليس عنوان IP ولا نطاقاً بصيغة CIDR (مثل 203.0.113.7 أو 203.0.113.0/24).",
  "partners.keyNotActive": "هذا المفتاح ملغى أو منتهٍ أو استُبدل بمفتاح آخر، فلا يُغيَّر.",
  "partners.consentInFuture": "وقت موافقة العضو لا يكون في المستقبل.",
  "partners.alreadyShared": "هذا الطلب مشارَك مع هذه الجهة أصلاً.",
  "partners.submittedByPartner": "هذه الجهة هي التي قدّمت الطلب، فهي تتابعه دون مشاركة.",
  "partners.partnerInactive": "هذه الجهة الشريكة موقوفة، فلا يُشارَك معها طلب.",
  "fields.name": "الاسم",
  "fields.contactName": "اسم جهة الاتصال",
  "fields.contactEmail": "بريد جهة الاتصال",
  "fields.contactPhone": "هاتف جهة الاتصال",
  "fields.label": "وصف المفتاح",
  "fields.scopes": "الصلاحيات",
  "fields.expiresAt": "تاريخ الانتهاء",
  "fields.allowedIps": "العناوين المسموح بها",
  "fields.overlapMinutes": "مدة التداخل بالدقائق",
  "fields.apiKey": "المفتاح",
  "fields.givenBy": "من أعطى الموافقة",
  "fields.givenAt": "وقت الموافقة",
  "fields.partner": "الجهة الشريكة",
  "entities.Partner": "الجهة الشريكة",
  "entities.ApiKey": "مفتاح الواجهة البرمجية",
} as const;

export const partnersMessagesEn: Keys<typeof partnersMessagesAr> = {
  "partners.scopesRequired": "Choose at least one scope for the key.",
  "partners.expiryPast": "The key's expiry must be in the future.",
  "partners.tooManyAddresses": "The allow-list holds at most {max} addresses.",
  "partners.addressInvalid":
    "“{value}” is neither an IP address nor a CIDR range (e.g. 203.0.113.7 or 203.0.113.0/24).",
  "partners.keyNotActive": "This key is revoked, expired or replaced by another: it cannot change.",
  "partners.consentInFuture": "The member's consent cannot be in the future.",
  "partners.alreadyShared": "This request is already shared with this partner.",
  "partners.submittedByPartner":
    "This partner submitted the request: it follows it without a share.",
  "partners.partnerInactive": "This partner is deactivated: no request is shared with it.",
  "fields.name": "Name",
  "fields.contactName": "Contact name",
  "fields.contactEmail": "Contact e-mail",
  "fields.contactPhone": "Contact phone",
  "fields.label": "Key label",
  "fields.scopes": "Scopes",
  "fields.expiresAt": "Expiry",
  "fields.allowedIps": "Allowed addresses",
  "fields.overlapMinutes": "Overlap in minutes",
  "fields.apiKey": "Key",
  "fields.givenBy": "Consent given by",
  "fields.givenAt": "Consent given at",
  "fields.partner": "Partner",
  "entities.Partner": "partner",
  "entities.ApiKey": "API key",
};

declare module "../../i18n/messages.js" {
  interface MessageCatalogue extends Keys<typeof partnersMessagesAr> {}
}

registerMessages(partnersMessagesAr, partnersMessagesEn);
