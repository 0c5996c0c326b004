// Printing a letter: its printable HTML (from the API) in a window of its own, then the
// browser's print dialog.
export function printLetter(html: string): void {
  const view = window.open("", "_blank");
  if (!view) return;
  view.document.open();
  view.document.write(html);
  view.document.close();
  view.addEventListener("load", () => view.print());
  view.focus();
}

type LetterRow = {
  registerNumber: string;
  direction: string;
  letterDate: string;
  correspondent: string;
  subject: string;
  member?: { fullNameAr: string } | null;
  request?: { reference: string | null } | null;
};

const cell = (value: string) => `"${value.replace(/"/g, '""')}"`;

/**
 * The register as CSV (UTF-8 with a BOM, so that Excel reads the Arabic): number, direction,
 * both dates, correspondent, subject, member, request.
 */
export function lettersCsv(
  rows: LetterRow[],
  labels: { headers: string[]; direction(value: string): string },
  dates: { hijri(value: string): string; gregorian(value: string): string },
): string {
  const lines = rows.map((row) =>
    [
      row.registerNumber,
      labels.direction(row.direction),
      dates.hijri(row.letterDate),
      dates.gregorian(row.letterDate),
      row.correspondent,
      row.subject,
      row.member?.fullNameAr ?? "",
      row.request?.reference ?? "",
    ]
      .map(cell)
      .join(","),
  );
  return `\ufeff${[labels.headers.map(cell).join(","), ...lines].join("\r\n")}`;
}
