// The letters register (الصادر والوارد) in English; letters.ar.ts has exactly the same keys.
export const lettersEn = {
  resource: {
    name: "Letter |||| Letters register",
    fields: {
      registerNumber: "Register number",
      direction: "Direction",
      letterDate: "Letter date",
      hijriDate: "Hijri date",
      correspondent: "Correspondent",
      subject: "Subject",
      body: "Text",
      member: "Member",
      request: "Request",
      scan: "Scan",
      template: "Write from a template",
      year: "Hijri year",
      q: "Search by number, subject or correspondent",
    },
    scan_hint: "The scanned letter: PDF, JPEG or PNG.",
    scan_open: "Open the scan",
    scan_attach: "Attach the scan",
    scan_attached: "The scan was filed with the letter.",
    print: "Print",
    template_hint:
      "With no text, it is written from the event's e-mail template for the request's member.",
  },
  enums: {
    letter_direction: { INCOMING: "Incoming", OUTGOING: "Outgoing" },
  },
};
