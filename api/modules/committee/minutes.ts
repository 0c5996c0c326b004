// The minutes (محضر اجتماع لجنة البحث): written once, when the chair closes the session, from
// the room's final state, as printable Arabic HTML with Hijri and Gregorian dates, and never
// changed after. Names and reasons are escaped; the page carries its own style (no assets).
import { escapeHtml } from "../../shared/html.js";
import type { RoomItem, RoomState } from "./state.js";

function bothDates(iso: string | null): string {
  if (!iso) return "—";
  const date = new Date(iso);
  const options: Intl.DateTimeFormatOptions = {
    timeZone: "Asia/Riyadh",
    day: "numeric",
    month: "long",
    year: "numeric",
  };
  const hijri = new Intl.DateTimeFormat("ar-SA-u-ca-islamic-umalqura-nu-latn", options).format(
    date,
  );
  const gregorian = new Intl.DateTimeFormat("ar-SA-u-ca-gregory-nu-latn", options).format(date);
  const time = new Intl.DateTimeFormat("ar-SA-u-nu-latn", {
    timeZone: "Asia/Riyadh",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
  return `${hijri} (${gregorian}) ${time}`;
}

const decisionText = { APPROVED: "الموافقة", REJECTED: "الرفض" } as const;
const choiceText = { APPROVE: "موافق", REJECT: "غير موافق", ABSTAIN: "ممتنع" } as const;
const deferralText = {
  CHAIR: "أُرجئ بقرار الرئيس",
  TIE: "أُرجئ لتعادل الأصوات",
  SESSION_CLOSED: "أُرجئ لانتهاء الجلسة قبل البت فيه",
} as const;

/** A value that must read left to right inside Arabic text (references, counts, amounts). */
const ltr = (value: string | number) => `<bdi dir="ltr">${escapeHtml(value)}</bdi>`;

function itemSection(item: RoomItem, index: number): string {
  const votes = item.votes.length
    ? `<ul>${item.votes
        .map(
          (v) =>
            `<li>${escapeHtml(v.voterName)}: ${choiceText[v.choice]}${v.comment ? ` — ${escapeHtml(v.comment)}` : ""}</li>`,
        )
        .join("")}</ul>`
    : "<p>لم تُسجّل أصوات.</p>";
  const recusals = item.recusals.length
    ? `<p>تنحّى عن البند: ${item.recusals
        .map((r) => `${escapeHtml(r.fullName)} (${escapeHtml(r.reason)})`)
        .join("، ")}</p>`
    : "";
  const result =
    item.status === "DECIDED" && item.outcome
      ? `<p class="decision">القرار: ${decisionText[item.outcome]}${item.chairBrokeTie ? " (بصوت الرئيس المرجّح)" : ""}. المسوّغ: ${escapeHtml(item.decisionReason ?? "")}</p>`
      : `<p class="decision">${item.deferral ? deferralText[item.deferral] : "لم يُبتّ فيه"}${item.deferredReason ? `: ${escapeHtml(item.deferredReason)}` : ""}.</p>`;
  return `<section>
<h2>البند ${ltr(index + 1)}: الطلب ${ltr(item.reference ?? "—")} — ${escapeHtml(item.subject)}</h2>
<p>مقدّم الطلب: ${escapeHtml(item.memberName)}${item.amountRequested ? ` — المبلغ المطلوب ${ltr(item.amountRequested)} ريال` : ""}</p>
<p>النصاب: ${ltr(item.quorum.eligiblePresent)} من ${ltr(item.quorum.members)} (المطلوب ${ltr(item.quorum.required)}). الأصوات: موافق ${ltr(item.tally.approve)}، غير موافق ${ltr(item.tally.reject)}، ممتنع ${ltr(item.tally.abstain)}.</p>
${votes}${recusals}${result}
</section>`;
}

export function renderMinutes(state: RoomState, chairName: string): string {
  const present = state.members.filter((m) => m.present);
  const absent = state.members.filter((m) => !m.present);
  const names = (list: typeof present) =>
    list.length ? list.map((m) => escapeHtml(m.fullName)).join("، ") : "—";
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>محضر اجتماع لجنة البحث رقم ${escapeHtml(state.number)} لعام ${escapeHtml(state.year)}هـ</title>
<style>
body { font-family: "Noto Naskh Arabic", "Amiri", serif; margin: 2cm; line-height: 1.8; }
h1 { font-size: 1.4em; text-align: center; }
h2 { font-size: 1.1em; margin-top: 1.5em; }
.decision { font-weight: bold; }
.signatures { display: flex; gap: 2em; margin-top: 3em; flex-wrap: wrap; }
.signatures div { flex: 1; min-width: 12em; border-top: 1px solid #000; padding-top: .5em; }
@media print { body { margin: 1.5cm; } section { break-inside: avoid; } }
</style>
</head>
<body>
<h1>محضر اجتماع لجنة البحث — الجلسة رقم ${ltr(state.number)} لعام ${ltr(state.year)}هـ</h1>
<p>موعد الجلسة: ${bothDates(state.scheduledAt)}. افتُتحت: ${bothDates(state.openedAt)}. اختُتمت: ${bothDates(state.closedAt)}.</p>
<p>رئيس الجلسة: ${escapeHtml(chairName)}.</p>
<p>الحاضرون (${ltr(present.length)}): ${names(present)}.</p>
<p>الغائبون (${ltr(absent.length)}): ${names(absent)}.</p>
<p>قاعدة القرار: النصاب أكثر من ${ltr(state.quorumPercent)}٪ من الأعضاء الحاضرين غير المتنحّين؛ القرار بأغلبية الأصوات غير الممتنعة؛ ${state.tieBreak === "DEFER" ? "يُرجأ البند عند التعادل" : "يرجّح صوت الرئيس عند التعادل"}.</p>
${state.items.map(itemSection).join("\n")}
<div class="signatures">
${state.members.map((m) => `<div>${escapeHtml(m.fullName)}${m.chair ? " (رئيس الجلسة)" : ""}<br>التوقيع:</div>`).join("\n")}
</div>
</body>
</html>
`;
}
