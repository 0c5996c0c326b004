// @vitest-environment happy-dom
// The member's notification preferences on their file, in Arabic: staff who may edit members
// record an opt-out with the version read; e-mail is not offered without an address; a role
// that may not edit members sees the choices without changing them.
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { type ComponentType, createElement as h } from "react";
import { RecordContextProvider } from "react-admin";
import { afterEach, describe, expect, it, vi } from "vitest";
import { panelModule, renderIn } from "./render.js";

const { NotificationPreferences } = await panelModule<{ NotificationPreferences: ComponentType }>(
  "members/NotificationPreferences",
);

afterEach(cleanup);

const member = {
  id: "TWVtYmVyOjE=",
  version: 4,
  email: null,
  notifyBy: null,
  notificationsOptOut: false,
};

const render = (roles: string[], calls: object = {}) =>
  renderIn(
    // biome-ignore lint/correctness/noChildrenProp: createElement without JSX; the props type requires children
    h(RecordContextProvider, { value: member, children: h(NotificationPreferences) }),
    calls,
    { roles, resource: "members" },
  );

describe("the member's notification preferences", () => {
  it("records an opt-out with the version read, and says what still reaches the member", async () => {
    const setNotificationPreferences = vi.fn(async () => ({
      ...member,
      notificationsOptOut: true,
    }));
    render(["STAFF"], { setNotificationPreferences });
    const toggle = (await screen.findByTestId("notifications-opt-out")).querySelector("input")!;
    await waitFor(() => expect(toggle.disabled).toBe(false));
    fireEvent.click(toggle);
    await waitFor(() =>
      expect(setNotificationPreferences).toHaveBeenCalledWith({
        member: member.id,
        version: 4,
        notifyBy: null,
        optOut: true,
      }),
    );
    expect(await screen.findByText("حُفظت تفضيلات الإشعارات")).toBeTruthy();
  });

  it("offers no change to a role that may not edit members", async () => {
    render(["COMMITTEE_MEMBER"]);
    const toggle = (await screen.findByTestId("notifications-opt-out")).querySelector("input")!;
    expect(toggle.disabled).toBe(true);
    expect(screen.getByText("كل القنوات المتاحة")).toBeTruthy();
  });
});
