// @vitest-environment happy-dom
// The partners' webhook delivery log in Arabic: its documents validate against the schema, the
// list filters as the API does, a row opens its tries (status answered, duration, error) and
// the payload as signed, and resend is offered to admins on a FAILED delivery only.
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { type ComponentType, createElement as h } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildQuery } from "../../admin/src/dataProvider/buildQuery.js";
import { webhookDeliveryFields } from "../../admin/src/dataProvider/fragments.js";
import { valid } from "./documents.js";
import { panelModule, renderIn } from "./render.js";

const { WebhookDeliveryList } = await panelModule<{ WebhookDeliveryList: ComponentType }>(
  "webhook-deliveries/WebhookDeliveryList",
);

afterEach(cleanup);

/** How long a lookup waits for the list: it renders after its data, slower on a busy machine. */
const wait = { timeout: 5_000 };

const id = "V2ViaG9va0RlbGl2ZXJ5OjE=";

function delivery(extra: Record<string, unknown> = {}) {
  return {
    id,
    event: "REQUEST_STATUS_CHANGED",
    occurredAt: "2026-12-01T08:00:00.000Z",
    status: "FAILED",
    url: "https://bank.example/hooks/wasl",
    requestReference: "REQ-2026-000042",
    attemptCount: 2,
    nextAttemptAt: null,
    deliveredAt: null,
    lastError: "answered 503: not now",
    payload: JSON.stringify({ id: "1", event: "REQUEST_STATUS_CHANGED", data: { request: {} } }),
    webhook: { id: "V2ViaG9vazox", partnerName: "بنك التنمية" },
    attempts: [
      {
        attempt: 1,
        startedAt: "2026-12-01T08:00:01.000Z",
        durationMs: 5000,
        succeeded: false,
        responseCode: null,
        error: "no answer in time: The operation was aborted due to timeout",
      },
      {
        attempt: 2,
        startedAt: "2026-12-01T08:01:01.000Z",
        durationMs: 42,
        succeeded: false,
        responseCode: 503,
        error: "answered 503: not now",
      },
    ],
    ...extra,
  };
}

describe("the delivery log in the data provider", () => {
  it("lists with the filters the screen offers; resend asks for what the log shows", () => {
    const list = buildQuery()("GET_LIST", "webhookDeliveries", {
      pagination: { page: 1, perPage: 25 },
      sort: { field: "occurredAt", order: "DESC" },
      filter: { status: "FAILED", event: "", requestReference: "REQ-2026-000042" },
    });
    valid(list.query);
    expect(list.variables).toMatchObject({
      filter: { status: "FAILED", requestReference: "REQ-2026-000042" },
    });
    expect(list.variables?.filter).not.toHaveProperty("event");
    valid(`mutation($input: ResendWebhookDeliveryInput!) { resendWebhookDelivery(input: $input) {
      __typename ... on ResendWebhookDeliverySuccess { delivery { ${webhookDeliveryFields} } }
      ... on Error { code message } } }`);
  });
});

describe("the delivery log screen", () => {
  const getList = async () => ({ data: [delivery()], total: 1 });

  it("shows a FAILED delivery's tries and payload, and resends it for admins", async () => {
    const resendWebhookDelivery = vi.fn(async () => delivery({ status: "PENDING" }));
    renderIn(
      h(WebhookDeliveryList),
      { getList, resendWebhookDelivery },
      { resource: "webhookDeliveries", roles: ["ADMIN"] },
    );
    expect(await screen.findByText("بنك التنمية", {}, wait)).toBeTruthy();
    expect(screen.getByText("تغيّر حالة الطلب")).toBeTruthy();
    expect(screen.getByText("تعذّر الإرسال")).toBeTruthy();
    fireEvent.click(screen.getByText("REQ-2026-000042"));
    const tries = await screen.findByTestId("webhook-tries", {}, wait);
    expect(tries.textContent).toContain("503");
    expect(tries.textContent).toContain("42 م.ث");
    expect(tries.textContent).toContain("لا استجابة");
    expect(tries.textContent).toContain("no answer in time");
    expect(screen.getByTestId("webhook-payload").textContent).toContain('"REQUEST_STATUS_CHANGED"');
    fireEvent.click(await screen.findByTestId("webhook-resend", {}, wait));
    await waitFor(() => expect(resendWebhookDelivery).toHaveBeenCalledWith(id), wait);
    expect(await screen.findByText("أُعيد الإرسال إلى قائمة الانتظار", {}, wait)).toBeTruthy();
  });

  it("offers no resend on a PENDING delivery, nor to a role without the permission", async () => {
    renderIn(
      h(WebhookDeliveryList),
      { getList: async () => ({ data: [delivery({ status: "PENDING" })], total: 1 }) },
      { resource: "webhookDeliveries", roles: ["ADMIN"] },
    );
    fireEvent.click(await screen.findByText("REQ-2026-000042", {}, wait));
    expect(await screen.findByTestId("webhook-tries", {}, wait)).toBeTruthy();
    expect(screen.queryByTestId("webhook-resend")).toBeNull();
    cleanup();
    renderIn(
      h(WebhookDeliveryList),
      { getList },
      { resource: "webhookDeliveries", roles: ["STAFF"] },
    );
    fireEvent.click(await screen.findByText("REQ-2026-000042", {}, wait));
    expect(await screen.findByTestId("webhook-tries", {}, wait)).toBeTruthy();
    expect(screen.queryByTestId("webhook-resend")).toBeNull();
  });
});
