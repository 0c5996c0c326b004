// @vitest-environment happy-dom
// The case file's attestation panel: «إرسال رابط التوقيع للعضو» beside the in-person
// recording, only for those who may record attestations, on a required attestation that is
// missing or stale, on a request still open. It explains what the member receives before
// sending, sends the request's id, says until when the link works (Gregorian and Hijri) and
// how many messages were queued, and keeps the API's refusal in the dialog, in its words.
// The method of a signature is shown translated.

import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { type ComponentType, createElement as h } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { typedResultError } from "../../admin/src/dataProvider/errors.js";
import { formatGregorian, formatHijri } from "../../admin/src/shared/dates.js";
import { type AdminOptions, renderIn } from "./render.js";

// Loaded by a runtime specifier: the root tsconfig (Node, no JSX) does not type-check the
// panel's .tsx files; admin/tsconfig.json does.
const partsPath = "../../admin/src/requests/AttestationPanel.js";
const { AttestationPanel } = (await import(/* @vite-ignore */ partsPath)) as {
  AttestationPanel: ComponentType<{ request: unknown }>;
};

function renderPanel(request: unknown, dataProvider: object = {}, options: AdminOptions = {}) {
  return renderIn(h(AttestationPanel, { request }), dataProvider, options);
}

afterEach(cleanup);

const missing = {
  status: "MISSING",
  required: true,
  stale: false,
  method: null,
  signedAt: null,
  recordedByName: null,
  text: "أقر بأن البيانات المقدمة صحيحة",
  version: null,
};
const draft = {
  id: "UmVxdWVzdDpmaW5hbmNpYWw=",
  version: 2,
  status: "DRAFT",
  reference: null,
  // As the API answers for staff on an open file (Request.mayAttachDocuments).
  mayAttachDocuments: true,
  attestation: missing,
};

/**
 * Whether the send button is there once the panel's permission check answered: after the
 * in-person button when that one is expected, else after a moment.
 */
async function hasSendButton(inPersonShown = false): Promise<boolean> {
  await screen.findByTestId("attestation-panel");
  if (inPersonShown) await screen.findByTestId("attestation-record");
  else await new Promise((resolve) => setTimeout(resolve, 100));
  return screen.queryByTestId("attestation-send-link") !== null;
}

describe("sending the signing link from the case file", () => {
  it("explains the link, sends the request's id and says until when it works", async () => {
    const expiresAt = "2026-11-23T09:30:00.000Z";
    const sendAttestationLink = vi.fn(async () => ({ expiresAt, messagesQueued: 2 }));
    renderPanel(draft, { sendAttestationLink });
    const button = await screen.findByTestId("attestation-send-link");
    expect(button.textContent).toBe("إرسال رابط التوقيع للعضو");
    // Beside the in-person recording.
    expect(screen.getByTestId("attestation-record")).toBeTruthy();

    fireEvent.click(button);
    const explanation = await screen.findByTestId("attestation-send-link-explanation");
    expect(explanation.textContent).toContain("رسالة نصية");
    expect(explanation.textContent).toContain("بريد إلكتروني");
    expect(explanation.textContent).toContain("صالح 3 أيام");
    expect(explanation.textContent).toContain("مرة واحدة");
    expect(explanation.textContent).toContain("يتوقف عن العمل");
    expect(sendAttestationLink).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId("attestation-send-link-confirm"));
    await waitFor(() => expect(sendAttestationLink).toHaveBeenCalledTimes(1));
    expect(sendAttestationLink).toHaveBeenCalledWith(draft.id);
    const until = `${formatGregorian(expiresAt, "ar", true)} (${formatHijri(expiresAt, "ar")})`;
    const notice = await screen.findByText(/أُرسل رابط التوقيع/);
    expect(notice.textContent).toBe(
      `أُرسل رابط التوقيع — صالح حتى ${until}. عدد الرسائل إلى العضو: 2`,
    );
    expect(notice.textContent).toContain("هـ");
    await waitFor(() =>
      expect(screen.queryByTestId("attestation-send-link-explanation")).toBeNull(),
    );
  });

  it("keeps the API's refusal in the dialog, in the API's words", async () => {
    const sendAttestationLink = vi.fn(async () => {
      throw typedResultError({
        __typename: "ValidationError",
        code: "VALIDATION_FAILED",
        message: "البيانات غير صحيحة.",
        fieldErrors: [
          {
            path: ["input", "request"],
            message: "الإقرار موقّع على البيانات الحالية وبالنص الحالي، ولا يلزم توقيعه مجدداً.",
          },
        ],
      });
    });
    renderPanel(
      { ...draft, attestation: { ...missing, status: "STALE", stale: true } },
      {
        sendAttestationLink,
      },
    );
    fireEvent.click(await screen.findByTestId("attestation-send-link"));
    fireEvent.click(await screen.findByTestId("attestation-send-link-confirm"));
    const alert = await screen.findByTestId("attestation-send-link-error");
    expect(alert.getAttribute("data-code")).toBe("VALIDATION_FAILED");
    expect(alert.textContent).toContain("تعذّر إرسال رابط التوقيع");
    expect(alert.textContent).toContain(
      "الإقرار موقّع على البيانات الحالية وبالنص الحالي، ولا يلزم توقيعه مجدداً.",
    );
    expect(alert.textContent).not.toContain("requestId");
    // Still in the dialog, which stays open to try again or cancel.
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByTestId("attestation-send-link-error")).toBe(alert);
    expect(screen.queryByText(/أُرسل رابط التوقيع/)).toBeNull();
  });

  it("shows a refusal without field errors by its message", async () => {
    const sendAttestationLink = vi.fn(async () => {
      throw typedResultError({
        __typename: "NotFoundError",
        code: "NOT_FOUND",
        message: "الطلب غير موجود.",
      });
    });
    renderPanel(draft, { sendAttestationLink });
    fireEvent.click(await screen.findByTestId("attestation-send-link"));
    fireEvent.click(await screen.findByTestId("attestation-send-link-confirm"));
    const alert = await screen.findByTestId("attestation-send-link-error");
    expect(alert.getAttribute("data-code")).toBe("NOT_FOUND");
    expect(alert.textContent).toContain("الطلب غير موجود.");
  });

  it("warns when no message could be queued", async () => {
    const sendAttestationLink = vi.fn(async () => ({
      expiresAt: "2026-11-23T09:30:00.000Z",
      messagesQueued: 0,
    }));
    renderPanel(draft, { sendAttestationLink });
    fireEvent.click(await screen.findByTestId("attestation-send-link"));
    fireEvent.click(await screen.findByTestId("attestation-send-link-confirm"));
    expect((await screen.findByText(/لم تُجهَّز أي رسالة/)).textContent).toContain("عدد الرسائل: 0");
  });

  it("is offered only on a required attestation that is missing or stale, on an open request, to those who record attestations", async () => {
    renderPanel(draft);
    expect(await hasSendButton(true)).toBe(true);
    cleanup();
    renderPanel({ ...draft, status: "NEEDS_INFO", attestation: { ...missing, status: "STALE" } });
    expect(await hasSendButton(true)).toBe(true);
    cleanup();
    renderPanel(draft, {}, { roles: ["ADMIN"] });
    expect(await hasSendButton(true)).toBe(true);
    cleanup();
    renderPanel({
      ...draft,
      attestation: {
        ...missing,
        status: "SIGNED",
        method: "IN_PERSON",
        signedAt: "2026-11-20T08:00:00.000Z",
      },
    });
    expect(await hasSendButton()).toBe(false);
    cleanup();
    renderPanel({ ...draft, attestation: { ...missing, required: false } });
    expect(await hasSendButton(true)).toBe(false);
    cleanup();
    for (const status of ["COMPLETED", "WITHDRAWN", "CLOSED"]) {
      // The API's answer on a closed file.
      renderPanel({ ...draft, status, mayAttachDocuments: false });
      expect(await hasSendButton(), status).toBe(false);
      cleanup();
    }
    for (const roles of [["RESEARCHER"], ["COMMITTEE_MEMBER"], ["COMMITTEE_CHAIR"]]) {
      renderPanel(draft, {}, { roles });
      expect(await hasSendButton(), roles[0]).toBe(false);
      expect(screen.queryByTestId("attestation-record")).toBeNull();
      cleanup();
    }
  });

  it("speaks English too", async () => {
    renderPanel(draft, {}, { locale: "en" });
    const button = await screen.findByTestId("attestation-send-link");
    expect(button.textContent).toBe("Send the signing link to the member");
    fireEvent.click(button);
    expect((await screen.findByTestId("attestation-send-link-explanation")).textContent).toContain(
      "valid for 3 days and can be used once",
    );
  });
});

describe("the method of a signature", () => {
  const signed = (method: string, recordedByName: string | null) => ({
    ...draft,
    attestation: {
      ...missing,
      status: "SIGNED",
      method,
      signedAt: "2026-11-20T08:00:00.000Z",
      recordedByName,
    },
  });

  it("says «إلكترونياً (من رابط العضو)» for a signature from the member's link", async () => {
    renderPanel(signed("ELECTRONIC", null));
    const method = await screen.findByTestId("attestation-method");
    expect(method.getAttribute("data-method")).toBe("ELECTRONIC");
    expect(method.textContent).toBe("إلكترونياً (من رابط العضو)");
    // No staff member recorded it.
    expect(screen.queryByText("سجّله")).toBeNull();
  });

  it("says «حضورياً» and who recorded it for a signature at the desk", async () => {
    renderPanel(signed("IN_PERSON", "نورة القحطاني"));
    expect((await screen.findByTestId("attestation-method")).textContent).toBe("حضورياً");
    expect(screen.getByText("سجّله")).toBeTruthy();
    expect(screen.getByText("نورة القحطاني")).toBeTruthy();
  });

  it("translates both methods in English", async () => {
    renderPanel(signed("ELECTRONIC", null), {}, { locale: "en" });
    expect((await screen.findByTestId("attestation-method")).textContent).toBe(
      "Electronically (from the member's link)",
    );
    cleanup();
    renderPanel(signed("IN_PERSON", "Noura"), {}, { locale: "en" });
    expect((await screen.findByTestId("attestation-method")).textContent).toBe("In person");
  });
});
