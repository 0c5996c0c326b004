// The partners' webhook delivery log in English; webhooks.ar.ts has exactly the same keys.
export const webhooksEn = {
  resource: {
    name: "Webhook deliveries |||| Webhook delivery",
    fields: {
      occurredAt: "Occurred at",
      webhook: "Partner",
      event: "Event",
      requestReference: "Request reference",
      status: "Status",
      attemptCount: "Tries",
      url: "URL",
      lastError: "Last error",
    },
    try: {
      attempt: "Try",
      startedAt: "Started",
      responseCode: "Status answered",
      duration: "Duration",
      error: "Result",
      succeeded: "Delivered",
      no_answer: "No answer",
    },
    ms: "%{ms} ms",
    no_tries: "Not tried yet.",
    payload: "The payload as signed and sent",
    resend: "Resend",
    resent: "The delivery is queued again",
  },
  list: {
    name: "Partners' webhooks |||| Webhook",
    fields: {
      partnerName: "Partner",
      url: "URL",
      events: "Events",
      state: "State",
      lastDelivery: "Last delivery",
      createdAt: "Registered",
    },
    state: { active: "Active", disabled: "Disabled", removed: "Removed by the partner" },
    no_delivery: "Nothing sent yet",
    disable: "Disable",
    disable_title: "Disable %{partner}'s webhook?",
    disable_content:
      "Nothing more is sent to this URL and pending deliveries are cancelled. The partner may register it again.",
    disabled: "Webhook disabled",
    empty: "No webhooks registered.",
  },
  enums: {
    webhook_event: {
      REQUEST_STATUS_CHANGED: "Request status changed",
      REQUEST_DECIDED: "Decision made",
    },
  },
};
