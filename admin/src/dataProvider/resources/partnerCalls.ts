// The partner call log: read only, filtered by partner, key, result and period (days in
// Riyadh time, the "to" day included).
import type { ResourceSpec } from "../spec.js";
import { compact } from "../values.js";

export const partnerCallFields = `
  id partner partnerName apiKey apiKeyLabel operationName operationType transport cost result errorCode
  durationMs at`;

/** A "YYYY-MM-DD" day's start in Riyadh (UTC+3, no daylight saving), `days` later. */
export function riyadhDayStart(day: unknown, days = 0): string | undefined {
  if (typeof day !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(day)) return undefined;
  const start = new Date(`${day.slice(0, 10)}T00:00:00+03:00`);
  return new Date(start.getTime() + days * 86_400_000).toISOString();
}

export const partnerCalls: ResourceSpec = {
  typeName: "PartnerCall",
  listField: "partnerCalls",
  listArgs: "$filter: PartnerCallFilter",
  fields: partnerCallFields,
  listVariables: (params) => ({
    filter: compact({
      partner: params.filter?.partner,
      apiKey: params.filter?.apiKey,
      result: params.filter?.result,
      from: riyadhDayStart(params.filter?.from),
      to: riyadhDayStart(params.filter?.to, 1),
    }),
  }),
};
