// The letters register: filtered by direction, Hijri year and search; one letter reads its
// printable HTML; registering sends what was typed (the API numbers it) and the scan chosen
// (a File: the data provider then sends a multipart request).
import { letterFields } from "../fragments.js";
import { mutation, type ResourceSpec } from "../spec.js";
import { blank, compact, trimmed } from "../values.js";

export function letterCreateInput(data: Record<string, unknown>) {
  const input: Record<string, unknown> = {
    direction: data.direction ?? "",
    correspondent: trimmed(data.correspondent) ?? "",
    subject: trimmed(data.subject) ?? "",
  };
  for (const field of ["letterDate", "body", "member", "request", "template"] as const)
    if (!blank(trimmed(data[field]))) input[field] = trimmed(data[field]);
  // react-admin's FileInput keeps the chosen file as `{ rawFile, src, title }`.
  const scan = (data.scan as { rawFile?: unknown } | null | undefined)?.rawFile;
  if (scan instanceof File) input.scan = scan;
  return input;
}

export const letters: ResourceSpec = {
  typeName: "Letter",
  listField: "letters",
  listArgs: "$filter: LetterFilter",
  fields: letterFields,
  recordFields: `${letterFields} printableHtml`,
  listVariables: (params) => ({
    filter: compact({
      direction: params.filter?.direction,
      year: blank(params.filter?.year) ? undefined : Number(params.filter?.year),
      search: trimmed(params.filter?.q),
      member: params.filter?.member,
      request: params.filter?.request,
    }),
  }),
  create: mutation("registerLetter", "letter", letterCreateInput),
};
