// A letter as printed: Arabic, right to left, on the association's letterhead, with its
// register number, both dates (Hijri and Gregorian), the correspondent, the subject, the text
// and a signature block. Outgoing letters are sent as printed; an incoming one prints as its
// register entry.
import type { LetterDirection } from "../../db/generated/enums.js";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

const dayIn = (calendar: string, date: Date) =>
  new Intl.DateTimeFormat(`ar-SA-u-ca-${calendar}-nu-latn`, {
    timeZone: "Asia/Riyadh",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(date);

export type PrintableLetter = {
  direction: LetterDirection;
  registerNumber: string;
  letterDate: Date;
  correspondent: string;
  subject: string;
  body: string;
  memberName: string | null;
  reference: string | null;
};

export function renderLetterHtml(letter: PrintableLetter): string {
  const outgoing = letter.direction === "OUTGOING";
  const paragraphs = (letter.body || "")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join("\n");
  const about = [
    letter.memberName ? `العضو: ${escapeHtml(letter.memberName)}` : "",
    letter.reference ? `الطلب: <span dir="ltr">${escapeHtml(letter.reference)}</span>` : "",
  ]
    .filter(Boolean)
    .join(" — ");
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>${escapeHtml(letter.registerNumber)}</title>
<style>
  @page { size: A4; margin: 20mm; }
  body { font-family: "IBM Plex Sans Arabic", Tahoma, Arial, sans-serif; direction: rtl; color: #111; }
  .letterhead { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 3px double #0b6e4f; padding-bottom: 8px; }
  .letterhead h1 { margin: 0; font-size: 22px; color: #0b6e4f; }
  .meta { font-size: 13px; line-height: 1.8; text-align: left; }
  .meta b { font-weight: 600; }
  .subject { margin: 24px 0 12px; font-weight: 700; }
  .body p { line-height: 2; margin: 0 0 8px; text-align: justify; }
  .signature { margin-top: 48px; width: 40%; margin-inline-start: auto; text-align: center; line-height: 2.2; }
</style>
</head>
<body>
<header class="letterhead">
  <div><h1>جمعية وصل</h1><div>${outgoing ? "خطاب صادر" : "قيد خطاب وارد"}</div></div>
  <div class="meta">
    <div><b>الرقم:</b> <span dir="ltr" data-register-number>${escapeHtml(letter.registerNumber)}</span></div>
    <div><b>التاريخ:</b> ${dayIn("islamic-umalqura", letter.letterDate)} هـ</div>
    <div><b>الموافق:</b> ${dayIn("gregory", letter.letterDate)} م</div>
  </div>
</header>
<p>${outgoing ? "إلى" : "من"}: ${escapeHtml(letter.correspondent)}</p>
${about ? `<p>${about}</p>` : ""}
<p class="subject">الموضوع: ${escapeHtml(letter.subject)}</p>
<section class="body">${paragraphs}</section>
${
  outgoing
    ? `<section class="signature"><div>وتقبلوا تحياتنا،</div><div>المدير التنفيذي</div><div>التوقيع: ....................</div><div>الختم</div></section>`
    : ""
}
</body>
</html>`;
}
