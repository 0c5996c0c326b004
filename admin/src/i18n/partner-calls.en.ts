// The partner call log in English; partner-calls.ar.ts has exactly the same keys.
import type { partnerCallsAr } from "./partner-calls.ar.js";

export const partnerCallsEn: typeof partnerCallsAr = {
  resource: {
    name: "Partner calls |||| Partner call",
    fields: {
      at: "Time",
      partner: "Partner (ID)",
      partnerName: "Partner",
      apiKey: "Key (ID)",
      apiKeyLabel: "Key",
      operationName: "Operation",
      operationType: "Type",
      transport: "Transport",
      cost: "Cost (points)",
      result: "Result",
      errorCode: "Error code",
      durationMs: "Duration (ms)",
      from: "From day",
      to: "To day",
    },
    empty: "No partner calls logged.",
  },
  enums: {
    partner_call_result: { OK: "OK", ERROR: "Error", THROTTLED: "Over budget" },
    partner_operation_type: { QUERY: "Query", MUTATION: "Mutation", SUBSCRIPTION: "Subscription" },
  },
};
