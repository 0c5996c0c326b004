// @vitest-environment happy-dom
// The outbox screen in Arabic: its documents validate against the schema, a FAILED
// notification shows its message and tries with resend for staff, a PENDING one offers
// cancel, and neither button is offered to a role without the permission.
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { type ComponentType, createElement as h } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildQuery } from "../../admin/src/dataProvider/buildQuery.js";
import { valid } from "./documents.js";
import { panelModule, renderIn } from "./render.js";

const { OutboxShow } = await panelModule<{ OutboxShow: ComponentType<{ id: string }> }>(
  "outbox/OutboxShow",
);

afterEach(cleanup);

const id = "Tm90aWZpY2F0aW9uOjE=";

function notification(extra: Record<string, unknown> = {}) {
  return {
    id,
    version: 3,
    event: "REQUEST_SUBMITTED",
    channel: "EMAIL",
    status: "FAILED",
    address: "huda@example.sa",
    subject: "تم استلام طلبك REQ-2026-000042",
    body: "نص",
    html: '<html dir="rtl"><body>تم استلام طلبك</body></html>',
    attempts: 2,
    lastError: "550 mailbox unavailable",
    nextAttemptAt: "2026-12-01T09:00:00.000Z",
    sentAt: null,
    providerMessageId: null,
    createdAt: "2026-12-01T08:00:00.000Z",
    member: { id: "TWVtYmVyOjE=", memberNumber: "M-000001", fullNameAr: "هدى القحطاني" },
    request: { id: "UmVxdWVzdDox", reference: "REQ-2026-000042" },
    deliveryAttempts: [
      {
        attempt: 1,
        startedAt: "2026-12-01T08:00:01.000Z",
        finishedAt: "2026-12-01T08:00:02.000Z",
        succeeded: false,
        providerMessageId: null,
        error: "451 try later",
      },
      {
        attempt: 2,
        startedAt: "2026-12-01T08:01:01.000Z",
        finishedAt: "2026-12-01T08:01:02.000Z",
        succeeded: false,
        providerMessageId: null,
        error: "550 mailbox unavailable",
      },
    ],
    ...extra,
  };
}

describe("the outbox in the data provider", () => {
  it("lists with the filters the screen offers, and reads one notification", () => {
    const build = buildQuery();
    const list = build("GET_LIST", "outbox", {
      pagination: { page: 1, perPage: 25 },
      sort: { field: "createdAt", order: "DESC" },
      filter: { status: "FAILED", channel: "EMAIL", event: "", member: "TWVtYmVyOjE=" },
    });
    valid(list.query);
    expect(list.variables).toMatchObject({
      filter: { status: "FAILED", channel: "EMAIL", member: "TWVtYmVyOjE=" },
    });
    valid(build("GET_ONE", "outbox", { id }).query);
  });
});

describe("a notification's page", () => {
  it("shows a FAILED e-mail as sent, its tries, and resends it for staff", async () => {
    const changeNotification = vi.fn(async () => notification({ status: "PENDING" }));
    renderIn(
      h(OutboxShow, { id }),
      { getOne: async () => ({ data: notification() }), changeNotification },
      { resource: "outbox", roles: ["STAFF"] },
    );
    expect(await screen.findByText("تعذّر الإرسال")).toBeTruthy();
    const frame = (await screen.findByTestId("outbox-html")) as HTMLIFrameElement;
    expect(frame.getAttribute("srcdoc")).toContain('dir="rtl"');
    expect(screen.getByTestId("outbox-tries").textContent).toContain("451 try later");
    expect(screen.queryByTestId("outbox-cancel")).toBeNull();
    fireEvent.click(screen.getByTestId("outbox-resend"));
    await waitFor(() =>
      expect(changeNotification).toHaveBeenCalledWith(
        "resendNotification",
        expect.objectContaining({ id, version: 3 }),
      ),
    );
    expect(await screen.findByText("أُعيد الإشعار إلى قائمة الانتظار")).toBeTruthy();
  });

  it("offers cancel on a PENDING SMS and shows its text", async () => {
    renderIn(
      h(OutboxShow, { id }),
      {
        getOne: async () => ({
          data: notification({ status: "PENDING", channel: "SMS", html: null, body: "وصل: رسالة" }),
        }),
      },
      { resource: "outbox", roles: ["STAFF"] },
    );
    expect((await screen.findByTestId("outbox-sms")).textContent).toBe("وصل: رسالة");
    expect(await screen.findByTestId("outbox-cancel")).toBeTruthy();
    expect(screen.queryByTestId("outbox-resend")).toBeNull();
  });

  it("offers neither to a role without the permission", async () => {
    renderIn(
      h(OutboxShow, { id }),
      { getOne: async () => ({ data: notification() }) },
      { resource: "outbox", roles: ["COMMITTEE_MEMBER"] },
    );
    expect(await screen.findByTestId("outbox-tries")).toBeTruthy();
    expect(screen.queryByTestId("outbox-resend")).toBeNull();
  });
});
