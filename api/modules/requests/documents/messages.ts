// Messages of request documents (upload, verification), Arabic and English.
import { type Keys, registerMessages } from "../../../i18n/messages.js";

export const documentMessagesAr = {
  "documents.fileEmpty": "الملف المرفق فارغ.",
  "documents.fileTooLarge": "حجم الملف أكبر من الحد المسموح ({max} ميغابايت).",
  "documents.fileTooLargeKb": "حجم الملف أكبر من الحد المسموح ({max} كيلوبايت).",
  "documents.fileTypeNotAllowed": "نوع الملف غير مسموح: يُقبل PDF أو JPEG أو PNG فقط.",
  "documents.fileNameMismatch": "امتداد اسم الملف لا يطابق نوعه المعلن ({declared}).",
  "documents.fileContentMismatch":
    "محتوى الملف لا يطابق نوعه المعلن ({declared}): الملف ليس {declared} صالحاً.",
  "documents.reasonRequired": "اذكر سبب رفض المستند.",
  "documents.requestClosed": "الطلب مغلق (الحالة «{status}») ولا يقبل مستندات جديدة.",
  "fields.file": "الملف",
  "fields.kind": "نوع المستند",
  "fields.decision": "القرار",
  "fields.requestId": "الطلب",
  "entities.Document": "المستند",
} as const;

export const documentMessagesEn: Keys<typeof documentMessagesAr> = {
  "documents.fileEmpty": "The attached file is empty.",
  "documents.fileTooLarge": "The file is larger than the limit ({max} MB).",
  "documents.fileTooLargeKb": "The file is larger than the limit ({max} KB).",
  "documents.fileTypeNotAllowed": "This file type is not allowed: only PDF, JPEG or PNG.",
  "documents.fileNameMismatch": "The file name's extension does not match its type ({declared}).",
  "documents.fileContentMismatch":
    "The file's content does not match its declared type ({declared}): it is not a valid {declared}.",
  "documents.reasonRequired": "Give the reason for rejecting the document.",
  "documents.requestClosed":
    "The request is closed (status “{status}”) and takes no new documents.",
  "fields.file": "File",
  "fields.kind": "Document kind",
  "fields.decision": "Decision",
  "fields.requestId": "Request",
  "entities.Document": "document",
};

declare module "../../../i18n/messages.js" {
  interface MessageCatalogue extends Keys<typeof documentMessagesAr> {}
}

registerMessages(documentMessagesAr, documentMessagesEn);
