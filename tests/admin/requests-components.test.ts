// @vitest-environment happy-dom
// The due-date countdown's colour (red overdue, amber due soon, neutral otherwise — from the
// API's flags) and the action buttons: exactly the request's availableActions, each calling
// its mutation with the version read; typed errors are shown with every gap by name.
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { type ComponentType, createElement as h } from "react";
import { HttpError } from "react-admin";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderIn } from "./render.js";

// Loaded by a runtime specifier: the root tsconfig (Node, no JSX) does not type-check the
// panel's .tsx files; admin/tsconfig.json does.
const fieldsPath = "../../admin/src/requests/RequestFields.js";
const actionsPath = "../../admin/src/requests/ActionButtons.js";
const fields = (await import(/* @vite-ignore */ fieldsPath)) as {
  DueCountdown: ComponentType<{ info: unknown }>;
  dueTone: (info: unknown) => string;
};
const { ActionButtons } = (await import(/* @vite-ignore */ actionsPath)) as {
  ActionButtons: ComponentType<{ request: unknown }>;
};

afterEach(cleanup);

describe("due-date countdown", () => {
  it("is red when overdue, amber when due soon, neutral otherwise", async () => {
    expect(fields.dueTone({ daysRemaining: -2, overdue: true, dueSoon: false })).toBe("overdue");
    expect(fields.dueTone({ daysRemaining: 2, overdue: false, dueSoon: true })).toBe("soon");
    expect(fields.dueTone({ daysRemaining: 9, overdue: false, dueSoon: false })).toBe("normal");
    expect(fields.dueTone({ daysRemaining: null, overdue: false, dueSoon: false })).toBe("none");
    expect(fields.dueTone({ daysRemaining: 5, clockPausedAt: "2026-11-20T10:00:00Z" })).toBe(
      "paused",
    );

    renderIn(
      h(
        "div",
        null,
        h(fields.DueCountdown, { info: { daysRemaining: -3, overdue: true, dueSoon: false } }),
        h(fields.DueCountdown, { info: { daysRemaining: 2, overdue: false, dueSoon: true } }),
        h(fields.DueCountdown, { info: { daysRemaining: 10, overdue: false, dueSoon: false } }),
      ),
    );
    const chips = await screen.findAllByTestId("due-countdown");
    expect(chips.map((c) => c.getAttribute("data-tone"))).toEqual(["overdue", "soon", "normal"]);
    expect(chips[0]?.className).toMatch(/colorError/);
    expect(chips[1]?.className).toMatch(/colorWarning/);
    expect(chips[2]?.className).toMatch(/colorDefault/);
    expect(chips[0]?.textContent).toBe("متأخر 3 أيام");
    expect(chips[1]?.textContent).toBe("متبقٍ يومان");
  });
});

describe("action buttons", () => {
  const request = {
    id: "UmVxdWVzdDox",
    version: 4,
    reference: "REQ-2026-000042",
    availableActions: ["RAISE_TO_COMMITTEE", "REQUEST_MORE_INFORMATION", "SOMETHING_NEW"],
    rules: { involvesMoney: true },
  };

  it("shows exactly the available actions and runs one with the version read", async () => {
    const runRequestAction = vi.fn(async () => ({
      ...request,
      version: 5,
      status: "IN_COMMITTEE",
    }));
    renderIn(h(ActionButtons, { request }), { runRequestAction });
    expect(await screen.findByText("رفع إلى اللجنة")).toBeTruthy();
    expect(screen.getByText("طلب معلومات إضافية")).toBeTruthy();
    expect(screen.queryByText("تسجيل القرار")).toBeNull();
    expect(screen.getAllByRole("button")).toHaveLength(2);

    fireEvent.click(screen.getByTestId("action-RAISE_TO_COMMITTEE"));
    fireEvent.click(await screen.findByTestId("action-confirm"));
    await waitFor(() => expect(runRequestAction).toHaveBeenCalledTimes(1));
    expect(runRequestAction).toHaveBeenCalledWith(
      "RAISE_TO_COMMITTEE",
      expect.objectContaining({ id: request.id, version: 4 }),
      {},
    );
  });

  it("lists every gap of an IncompleteRequestError by name", async () => {
    const runRequestAction = vi.fn(async () => {
      throw new HttpError("الطلب غير مكتمل", 422, {
        code: "INCOMPLETE_REQUEST",
        gaps: [
          { kind: "MISSING_DOCUMENT", name: "FAMILY_CARD", message: "كرت العائلة مطلوب" },
          { kind: "MISSING_FIELD", name: "member.monthlyIncome", message: "الدخل الشهري مطلوب" },
        ],
      });
    });
    renderIn(h(ActionButtons, { request }), { runRequestAction });
    fireEvent.click(await screen.findByTestId("action-RAISE_TO_COMMITTEE"));
    fireEvent.click(await screen.findByTestId("action-confirm"));
    const alert = await screen.findByTestId("request-error");
    expect(alert.getAttribute("data-code")).toBe("INCOMPLETE_REQUEST");
    expect(alert.textContent).toContain("الطلب غير مكتمل. الناقص أو غير الصحيح:");
    const gaps = screen.getAllByTestId("request-gap").map((g) => g.textContent);
    expect(gaps).toEqual([
      "مستند ناقص: كرت العائلة مطلوب (FAMILY_CARD)",
      "حقل ناقص: الدخل الشهري مطلوب (member.monthlyIncome)",
    ]);
  });

  it("says so when no action is available", async () => {
    renderIn(h(ActionButtons, { request: { ...request, availableActions: [] } }));
    expect(await screen.findByText("لا يوجد إجراء متاح لك في هذه الحالة.")).toBeTruthy();
  });
});
