// @vitest-environment happy-dom
// The letters register in the panel: its documents validate against the schema (list with
// filters, one letter with its printable HTML, registering), the CSV an association opens in
// Excel (a BOM, both dates, Arabic labels), and what registering sends.
import { describe, expect, it } from "vitest";
import { buildQuery } from "../../admin/src/dataProvider/buildQuery.js";
import { letterCreateInput } from "../../admin/src/dataProvider/resources/letters.js";
import { lettersCsv } from "../../admin/src/letters/print.js";
import { formatGregorian, formatHijri } from "../../admin/src/shared/dates.js";
import { valid } from "./documents.js";

describe("the letters register", () => {
  const build = buildQuery();

  it("reads the register with its filters, one letter, and registers one", () => {
    const list = build("GET_LIST", "letters", {
      pagination: { page: 1, perPage: 25 },
      filter: { q: " ص-1448 ", direction: "OUTGOING", year: "1448" },
    });
    valid(list.query);
    expect(list.variables).toMatchObject({
      filter: { search: "ص-1448", direction: "OUTGOING", year: 1448 },
    });
    valid(build("GET_ONE", "letters", { id: "TGV0dGVyOjE=" }).query);
    const create = build("CREATE", "letters", {
      data: { direction: "OUTGOING", correspondent: " الضمان ", subject: "إفادة", body: "" },
    });
    valid(create.query);
    expect(
      letterCreateInput({
        direction: "OUTGOING",
        correspondent: " الضمان ",
        subject: "إفادة",
        body: "",
        template: "DECIDED",
        request: "UmVxdWVzdDox",
      }),
    ).toEqual({
      direction: "OUTGOING",
      correspondent: "الضمان",
      subject: "إفادة",
      template: "DECIDED",
      request: "UmVxdWVzdDox",
    });
  });

  it("exports CSV with a BOM, both dates and the member and request", () => {
    const csv = lettersCsv(
      [
        {
          registerNumber: "ص-1448-000001",
          direction: "OUTGOING",
          letterDate: "2026-12-03",
          correspondent: 'مكتب "الضمان"',
          subject: "إفادة",
          member: { fullNameAr: "ريم الدوسري" },
          request: { reference: "REQ-2026-000001" },
        },
      ],
      { headers: ["رقم القيد", "النوع"], direction: (v) => (v === "OUTGOING" ? "صادر" : "وارد") },
      { hijri: (v) => formatHijri(v, "ar"), gregorian: (v) => formatGregorian(v, "ar") },
    );
    expect(csv.startsWith("\ufeff")).toBe(true);
    const [header, row] = csv.slice(1).split("\r\n");
    expect(header).toBe('"رقم القيد","النوع"');
    expect(row).toContain('"ص-1448-000001","صادر"');
    expect(row).toContain("1448");
    expect(row).toContain('"مكتب ""الضمان"""');
    expect(row).toContain('"ريم الدوسري","REQ-2026-000001"');
  });
});
