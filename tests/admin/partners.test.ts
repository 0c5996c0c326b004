// @vitest-environment happy-dom
// A partner's API keys in the panel: issuing a key shows it once with a copy button and a
// warning, then the list is reloaded (the key itself is not in it); field errors sit under
// the dialog's inputs; rotating asks for the overlap; revoking asks for confirmation first.
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { type ComponentType, createElement as h } from "react";
import { RecordContextProvider } from "react-admin";
import { afterEach, describe, expect, it, vi } from "vitest";
import { panelModule, renderIn, validationFailure } from "./render.js";

const { ApiKeys } = await panelModule<{ ApiKeys: ComponentType }>("partners/ApiKeys");

afterEach(cleanup);

const activeKey = {
  id: "QXBpS2V5OjE=",
  label: "production",
  prefix: "wasl_pk_ab12cd34",
  scopes: ["MEMBERSHIP_VERIFY", "STATS_READ"],
  allowedIps: ["203.0.113.0/24"],
  status: "ACTIVE",
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: "2026-12-01T09:30:00.000Z",
  createdAt: "2026-11-01T09:30:00.000Z",
};
const partner = {
  id: "UGFydG5lcjox",
  nameAr: "مصرف",
  version: 1,
  apiKeys: { edges: [{ node: activeKey }] },
};
const secret = "wasl_pk_ef56gh78_abcdefghijklmnopqrstuvwxyz012345";

function show(dataProvider: object, locale: "ar" | "en" = "en") {
  const getOne = async () => ({ data: partner });
  return renderIn(
    // biome-ignore lint/correctness/noChildrenProp: createElement without JSX; the props type requires children
    h(RecordContextProvider, { value: { id: partner.id }, children: h(ApiKeys) }),
    { getOne, ...dataProvider },
    {
      roles: ["ADMIN"],
      locale,
      resource: "partners",
    },
  );
}

describe("a partner's API keys", () => {
  it("lists keys with prefix, scopes, status, last use and allowed addresses, in Arabic first", async () => {
    show({}, "ar");
    const row = await screen.findByTestId("api-key-wasl_pk_ab12cd34");
    expect(row.textContent).toContain("التحقق من العضوية");
    expect(row.textContent).toContain("نشط");
    expect(row.textContent).toContain("203.0.113.0/24");
    expect(screen.getByText("مفاتيح الواجهة البرمجية")).toBeTruthy();
  });

  it("issues a key and shows it once, with a copy button and a warning", async () => {
    const issueApiKey = vi.fn(async () => ({
      key: secret,
      apiKey: { ...activeKey, id: "QXBpS2V5OjI=", prefix: "wasl_pk_ef56gh78" },
    }));
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    show({ issueApiKey });
    fireEvent.click(await screen.findByRole("button", { name: "Issue a key" }));
    fireEvent.change(screen.getByLabelText("Key label"), { target: { value: "staging" } });
    fireEvent.click(screen.getByLabelText("Membership verification"));
    fireEvent.change(screen.getByLabelText("Allowed addresses"), {
      target: { value: "203.0.113.7\n2001:db8::/32" },
    });
    const dialog = screen.getByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Issue a key" }));
    await waitFor(() =>
      expect(issueApiKey).toHaveBeenCalledWith(partner.id, {
        label: "staging",
        scopes: ["MEMBERSHIP_VERIFY"],
        expiresAt: null,
        allowedIps: ["203.0.113.7", "2001:db8::/32"],
      }),
    );
    const issued = await screen.findByTestId("issued-key");
    expect(within(issued).getByTestId("issued-key-value").textContent).toBe(secret);
    expect(issued.textContent).toContain("will not be shown again");
    fireEvent.click(within(issued).getByRole("button", { name: "Copy the key" }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(secret));
    fireEvent.click(within(issued).getByRole("button", { name: "I copied it, close" }));
    await waitFor(() => expect(screen.queryByText(secret)).toBeNull());
  });

  it("shows the API's field errors under the dialog's inputs", async () => {
    const issueApiKey = vi.fn(async () => {
      throw validationFailure("Check the fields", {
        scopes: "Choose at least one scope for the key.",
      });
    });
    show({ issueApiKey });
    fireEvent.click(await screen.findByRole("button", { name: "Issue a key" }));
    fireEvent.click(
      within(screen.getByRole("dialog")).getByRole("button", { name: "Issue a key" }),
    );
    expect(await screen.findByText("Choose at least one scope for the key.")).toBeTruthy();
    expect(screen.queryByTestId("issued-key")).toBeNull();
  });

  it("rotates with the overlap chosen, and shows the new key once", async () => {
    const rotateApiKey = vi.fn(async () => ({ key: secret, apiKey: activeKey }));
    show({ rotateApiKey });
    fireEvent.click(await screen.findByRole("button", { name: "Rotate" }));
    fireEvent.change(screen.getByLabelText("Overlap in minutes"), { target: { value: "60" } });
    fireEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Rotate" }));
    await waitFor(() => expect(rotateApiKey).toHaveBeenCalledWith(activeKey.id, 60));
    expect((await screen.findByTestId("issued-key-value")).textContent).toBe(secret);
  });

  it("revokes only after confirmation", async () => {
    const revokeApiKey = vi.fn(async () => ({ ...activeKey, status: "REVOKED" }));
    show({ revokeApiKey });
    fireEvent.click(await screen.findByRole("button", { name: "Revoke" }));
    const confirm = await screen.findByRole("dialog");
    expect(confirm.textContent).toContain("Revoke the key wasl_pk_ab12cd34?");
    expect(revokeApiKey).not.toHaveBeenCalled();
    fireEvent.click(within(confirm).getByRole("button", { name: "Revoke" }));
    await waitFor(() => expect(revokeApiKey).toHaveBeenCalledWith(activeKey.id));
  });
});
