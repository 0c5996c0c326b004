// The letters register (الصادر والوارد) in Arabic; letters.en.ts has exactly the same keys.
export const lettersAr = {
  resource: {
    name: "الصادر والوارد |||| خطاب",
    fields: {
      registerNumber: "رقم القيد",
      direction: "النوع",
      letterDate: "تاريخ الخطاب",
      hijriDate: "التاريخ الهجري",
      correspondent: "الجهة",
      subject: "الموضوع",
      body: "نص الخطاب",
      member: "العضو",
      request: "الطلب",
      scan: "الصورة الممسوحة",
      template: "اكتبه من قالب",
      year: "السنة الهجرية",
      q: "بحث برقم القيد أو الموضوع أو الجهة",
    },
    scan_hint: "صورة الخطاب الممسوحة: PDF أو JPEG أو PNG.",
    scan_open: "فتح الصورة الممسوحة",
    scan_attach: "إرفاق الصورة الممسوحة",
    scan_attached: "أُرفقت الصورة الممسوحة بالخطاب.",
    print: "طباعة",
    template_hint: "يُكتب النص من قالب البريد للحدث باسم صاحب الطلب إن تُرك النص فارغاً.",
  },
  enums: {
    letter_direction: { INCOMING: "وارد", OUTGOING: "صادر" },
  },
};
