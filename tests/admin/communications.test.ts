// @vitest-environment happy-dom
// The communications log in Arabic, one component on a request's file and a member's:
// documents that validate against the schema, contacts newest first with translated chips and
// both calendars, paging past one page, an Arabic empty state; «log a contact» only for those
// who may record, sending what was typed (Riyadh time), the API's field errors under their
// inputs, a refreshed log and a notification on success. Then the case file's actions: a
// data update's resolution shows the changes asked for and may decline them, and a service
// request's withdrawal says what happens without speaking of a committee.
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { type ComponentType, createElement as h } from "react";
import { HttpError } from "react-admin";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildQuery } from "../../admin/src/dataProvider/buildQuery.js";
import { actionDocument, actionInput } from "../../admin/src/dataProvider/requests.js";
import { communicationCreateInput } from "../../admin/src/dataProvider/resources/communications.js";
import { formatHijri, fromRiyadhLocal, toRiyadhLocal } from "../../admin/src/shared/dates.js";
import { valid } from "./documents.js";
import { renderIn, validationFailure } from "./render.js";

// Loaded by a runtime specifier: the root tsconfig (Node, no JSX) does not type-check the
// panel's .tsx files; admin/tsconfig.json does.
const logPath = "../../admin/src/communications/CommunicationLog.js";
const actionsPath = "../../admin/src/requests/ActionButtons.js";
const changesPath = "../../admin/src/requests/RequestedChanges.js";
const { CommunicationLog } = (await import(/* @vite-ignore */ logPath)) as {
  CommunicationLog: ComponentType<{ owner: unknown }>;
};
const { ActionButtons } = (await import(/* @vite-ignore */ actionsPath)) as {
  ActionButtons: ComponentType<{ request: unknown }>;
};
const { requestedChanges } = (await import(/* @vite-ignore */ changesPath)) as {
  requestedChanges: (details: unknown) => { field: string; value: unknown }[];
};

const build = buildQuery();

afterEach(cleanup);

const requestId = "UmVxdWVzdDoxMjM=";
const memberId = "TWVtYmVyOjQ1Ng==";

function contact(n: number, extra: Record<string, unknown> = {}) {
  return {
    id: `Q29tbXVuaWNhdGlvbjo${n}`,
    channel: "PHONE",
    direction: "INBOUND",
    subject: `اتصال رقم ${n}`,
    body: "",
    outcome: null,
    occurredAt: new Date(Date.UTC(2026, 10, 20, 9, 0) - n * 3_600_000).toISOString(),
    handledBy: { id: "VXNlcjox", fullName: "نورة الموظفة" },
    request: { id: requestId, reference: "REQ-2026-000123" },
    ...extra,
  };
}

describe("communications in the data provider", () => {
  it("reads a request's and a member's contacts a page at a time, by cursor", () => {
    for (const target of ["request", "member"]) {
      const { query, variables, parseResponse } = build("GET_MANY_REFERENCE", "communications", {
        target,
        id: requestId,
        pagination: { page: 2, perPage: 10 },
        sort: { field: "occurredAt", order: "DESC" },
        filter: {},
        meta: { after: "c10" },
      });
      valid(query);
      expect(variables).toEqual({ id: requestId, first: 10, after: "c10" });
      const page = parseResponse({
        data: {
          owner: {
            id: requestId,
            connection: {
              totalCount: 11,
              pageInfo: { hasNextPage: false, hasPreviousPage: true, endCursor: "c11" },
              edges: [{ node: contact(11) }],
            },
          },
        },
      } as never);
      expect(page).toMatchObject({ total: 11, meta: { endCursor: "c11" } });
      expect(page.data).toEqual([contact(11)]);
    }
    // Cursor-only steps (jumping ahead) read no rows.
    const step = build("GET_MANY_REFERENCE", "communications", {
      target: "member",
      id: memberId,
      meta: { after: null, cursorOnly: true, take: 100 },
    });
    valid(step.query);
    expect(() =>
      build("GET_MANY_REFERENCE", "communications", { target: "committee", id: "x" }),
    ).toThrow();
    expect(() => build("GET_LIST", "communications", {})).toThrow();
    expect(() =>
      build("GET_MANY_REFERENCE", "communications", { target: "request", id: "x" }).parseResponse({
        data: { owner: null },
      } as never),
    ).toThrow(HttpError);
  });

  it("logs a contact with recordCommunication, trimmed, empty texts left out", () => {
    const { query, variables } = build("CREATE", "communications", {
      data: {
        request: requestId,
        channel: "PHONE",
        direction: "OUTBOUND",
        subject: "  متابعة المستندات ",
        body: "   ",
        outcome: " وعد بإحضارها ",
        occurredAt: new Date("2026-11-20T07:30:00Z"),
      },
    });
    valid(query);
    expect(variables).toEqual({
      input: {
        request: requestId,
        channel: "PHONE",
        direction: "OUTBOUND",
        subject: "متابعة المستندات",
        outcome: "وعد بإحضارها",
        occurredAt: "2026-11-20T07:30:00.000Z",
      },
    });
    expect(
      communicationCreateInput({
        member: memberId,
        request: "",
        channel: "LETTER",
        direction: "INBOUND",
        subject: "خطاب",
      }),
    ).toEqual({ member: memberId, channel: "LETTER", direction: "INBOUND", subject: "خطاب" });
    valid(build("GET_ONE", "communications", { id: "x" }).query);
    valid(build("GET_MANY", "communications", { ids: ["x"] }).query);
  });

  it("reads and writes the contact's time in Riyadh (UTC+3, all year)", () => {
    expect(toRiyadhLocal(new Date("2026-11-20T21:45:10Z"))).toBe("2026-11-21T00:45");
    expect(fromRiyadhLocal("2026-11-21T00:45")).toBe("2026-11-20T21:45:00.000Z");
    expect(fromRiyadhLocal("")).toBeNull();
    expect(fromRiyadhLocal("21/11/2026")).toBeNull();
  });

  it("sends dataUpdateDeclined with a resolution, and nothing the input does not take", () => {
    valid(actionDocument("RESOLVE"));
    expect(
      actionInput(
        "RESOLVE",
        { id: requestId, version: 3 },
        {
          answer: "لم يثبت العنوان",
          dataUpdateDeclined: true,
          note: "ignored",
        },
      ),
    ).toEqual({ id: requestId, version: 3, answer: "لم يثبت العنوان", dataUpdateDeclined: true });
  });
});

describe("communications log", () => {
  it("lists a request's contacts newest first with Arabic chips, both calendars, body and outcome", async () => {
    const first = contact(1, {
      body: "سأل عن موعد القرار\nووعدناه بالرد",
      outcome: "اتصال متابعة الأحد",
    });
    const second = contact(2, {
      channel: "IN_PERSON",
      direction: "OUTBOUND",
      handledBy: null,
    });
    const getManyReference = vi.fn(async () => ({ data: [first, second], total: 2 }));
    renderIn(
      h(CommunicationLog, {
        owner: { kind: "request", id: requestId, reference: "REQ-2026-000123" },
      }),
      { getManyReference },
    );
    const rows = await screen.findAllByTestId("communication-row");
    expect(rows).toHaveLength(2);
    expect(getManyReference).toHaveBeenCalledWith(
      "communications",
      expect.objectContaining({
        target: "request",
        id: requestId,
        pagination: { page: 1, perPage: 10 },
      }),
    );
    const [one, two] = rows as [HTMLElement, HTMLElement];
    expect(within(one).getByTestId("communication-channel").textContent).toBe("هاتف");
    expect(within(one).getByTestId("communication-direction").textContent).toBe("وارد");
    expect(within(two).getByTestId("communication-channel").textContent).toBe("حضوري");
    expect(within(two).getByTestId("communication-direction").textContent).toBe("صادر");
    expect(one.textContent).toContain("اتصال رقم 1");
    expect(one.textContent).toContain("سأل عن موعد القرار");
    expect(one.textContent).toContain("اتصال متابعة الأحد");
    expect(one.textContent).toContain("نورة الموظفة");
    expect(one.textContent).toContain(formatHijri(first.occurredAt, "ar"));
    expect(two.textContent).toContain("—");
    // A request's own log does not repeat the request in every row.
    expect(screen.queryByText("REQ-2026-000123")).toBeNull();
    // One page: no paging.
    expect(screen.queryByText(/من 2/)).toBeNull();
    expect(screen.getByTestId("communications-count").textContent).toContain("2");
    expect(screen.getByTestId("communication-record").textContent).toBe("تسجيل تواصل");
  });

  it("pages past the first ten contacts", async () => {
    const all = Array.from({ length: 23 }, (_, i) => contact(i + 1));
    const getManyReference = vi.fn(
      async (_resource: string, params: { pagination: { page: number; perPage: number } }) => {
        const { page, perPage } = params.pagination;
        return { data: all.slice((page - 1) * perPage, page * perPage), total: all.length };
      },
    );
    renderIn(h(CommunicationLog, { owner: { kind: "member", id: memberId, name: "سارة" } }), {
      getManyReference,
    });
    await waitFor(() => expect(screen.getAllByTestId("communication-row")).toHaveLength(10));
    expect(screen.getByText("1–10 من 23")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "الذهاب إلى الصفحة التالية" }));
    await waitFor(() => expect(screen.getByText("اتصال رقم 11")).toBeTruthy());
    expect(getManyReference).toHaveBeenLastCalledWith(
      "communications",
      expect.objectContaining({ target: "member", pagination: { page: 2, perPage: 10 } }),
    );
    // On a member's log each contact names its request (or says it is general).
    expect(screen.getAllByText("REQ-2026-000123").length).toBe(10);
  });

  it("says in Arabic when there is none, and offers to log one only to those who may", async () => {
    const getManyReference = vi.fn(async () => ({ data: [], total: 0 }));
    renderIn(h(CommunicationLog, { owner: { kind: "request", id: requestId } }), {
      getManyReference,
    });
    expect((await screen.findByTestId("communications-empty")).textContent).toContain(
      "لا يوجد تواصل مسجّل بعد.",
    );
    expect(screen.getByTestId("communication-record")).toBeTruthy();
    cleanup();

    renderIn(
      h(CommunicationLog, { owner: { kind: "request", id: requestId } }),
      { getManyReference },
      { roles: ["COMMITTEE_MEMBER"] },
    );
    const empty = await screen.findByTestId("communications-empty");
    expect(empty.textContent).toBe("لا يوجد تواصل مسجّل بعد.");
    expect(screen.queryByTestId("communication-record")).toBeNull();
  });
});

describe("logging a contact", () => {
  /** A request's log with no contacts yet, whose «log a contact» sends to `create`. */
  function renderEmptyRequestLog(create: (...args: never[]) => unknown) {
    renderIn(h(CommunicationLog, { owner: { kind: "request", id: requestId } }), {
      getManyReference: async () => ({ data: [], total: 0 }),
      create,
    });
  }
  async function choose(label: RegExp, option: string) {
    fireEvent.mouseDown(screen.getByRole("combobox", { name: label }));
    fireEvent.click(await screen.findByRole("option", { name: option }));
  }
  const type = (name: string, value: string) =>
    fireEvent.change(
      document.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLTextAreaElement,
      { target: { value } },
    );

  async function fill() {
    fireEvent.click(await screen.findByTestId("communication-record"));
    await screen.findByTestId("communication-form");
    await choose(/القناة/, "هاتف");
    fireEvent.click(screen.getByLabelText("وارد — العضو تواصل معنا"));
    type("subject", " استفسار عن موعد القرار ");
    type("body", "سأل العضو متى يصدر القرار");
    type("outcome", "أُبلغ بالموعد المتوقع");
    fireEvent.change(screen.getByLabelText("وقت التواصل"), {
      target: { value: "2026-11-20T10:30" },
    });
  }

  it("sends the contact on the request, in Riyadh time, then refreshes the log and confirms", async () => {
    const getManyReference = vi.fn(async () => ({ data: [], total: 0 }));
    const create = vi.fn(async (_resource: string, params: { data: object }) => ({
      data: { id: "new", ...params.data },
    }));
    renderIn(
      h(CommunicationLog, {
        owner: { kind: "request", id: requestId, reference: "REQ-2026-000123" },
      }),
      { getManyReference, create },
    );
    await fill();
    expect(screen.getByTestId("communication-context").textContent).toBe(
      "على الطلب REQ-2026-000123",
    );
    // The occurred-at input says which Hijri day that is.
    expect(screen.getByText(/بتوقيت الرياض · يوافق/)).toBeTruthy();
    const calls = getManyReference.mock.calls.length;
    fireEvent.click(screen.getByTestId("communication-save"));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create).toHaveBeenCalledWith("communications", {
      data: {
        request: requestId,
        channel: "PHONE",
        direction: "INBOUND",
        subject: " استفسار عن موعد القرار ",
        body: "سأل العضو متى يصدر القرار",
        outcome: "أُبلغ بالموعد المتوقع",
        occurredAt: "2026-11-20T07:30:00.000Z",
      },
    });
    expect(await screen.findByText("سُجّل التواصل")).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId("communication-form")).toBeNull());
    await waitFor(() => expect(getManyReference.mock.calls.length).toBeGreaterThan(calls));
  });

  it("asks for the channel, the direction and the subject before sending anything", async () => {
    const create = vi.fn();
    renderEmptyRequestLog(create);
    fireEvent.click(await screen.findByTestId("communication-record"));
    fireEvent.click(await screen.findByTestId("communication-save"));
    await waitFor(() => expect(screen.getAllByText("مطلوب").length).toBeGreaterThanOrEqual(3));
    expect(create).not.toHaveBeenCalled();
  });

  it("shows the API's field errors under their inputs and keeps the dialog open", async () => {
    const create = vi.fn(async () => {
      throw validationFailure("تعذّر الحفظ", {
        occurredAt: "وقت التواصل لا يكون في المستقبل.",
        subject: "الموضوع طويل جداً",
      });
    });
    renderEmptyRequestLog(create);
    await fill();
    fireEvent.click(screen.getByTestId("communication-save"));
    const future = await screen.findByText("وقت التواصل لا يكون في المستقبل.");
    // Under the occurred-at input, which is marked invalid.
    const input = document.querySelector('[name="occurredAt"]') as HTMLInputElement;
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(future.closest(".MuiFormControl-root")?.contains(input)).toBe(true);
    expect(screen.getByText("الموضوع طويل جداً")).toBeTruthy();
    expect(screen.getByTestId("communication-form")).toBeTruthy();
    // All of them are on inputs: no separate alert.
    expect(screen.queryByTestId("request-error")).toBeNull();
  });

  it("shows a refusal that names no input above the buttons", async () => {
    const create = vi.fn(async () => {
      throw new HttpError("ليست لديك صلاحية لهذا الإجراء.", 403, { code: "FORBIDDEN" });
    });
    renderEmptyRequestLog(create);
    await fill();
    fireEvent.click(screen.getByTestId("communication-save"));
    const alert = await screen.findByTestId("request-error");
    expect(alert.getAttribute("data-code")).toBe("FORBIDDEN");
    expect(alert.textContent).toContain("ليست لديك صلاحية لهذا الإجراء.");
  });

  it("logs on a member's file, linked to one of their requests if chosen", async () => {
    const create = vi.fn(async (_resource: string, params: { data: object }) => ({
      data: { id: "new", ...params.data },
    }));
    renderIn(
      h(CommunicationLog, {
        owner: {
          kind: "member",
          id: memberId,
          name: "سارة عبدالله",
          requests: [
            { id: requestId, reference: "REQ-2026-000123", subject: "تحديث العنوان" },
            { id: "UmVxdWVzdDo5", reference: null, subject: "دعم مالي" },
          ],
        },
      }),
      { getManyReference: async () => ({ data: [], total: 0 }), create },
    );
    await fill();
    expect(screen.getByTestId("communication-context").textContent).toBe("مع العضو سارة عبدالله");
    await choose(/الطلب/, "REQ-2026-000123 — تحديث العنوان");
    fireEvent.click(screen.getByTestId("communication-save"));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]?.[1].data).toMatchObject({
      member: memberId,
      request: requestId,
      channel: "PHONE",
    });
  });
});

describe("resolving a data update", () => {
  const request = {
    id: requestId,
    version: 7,
    reference: "REQ-2026-000123",
    type: "DATA_UPDATE",
    details: JSON.stringify({ changes: { district: "الملقا", maritalStatus: "MARRIED" } }),
    member: { id: memberId },
    availableActions: ["RESOLVE", "WITHDRAW"],
  };
  const getOne = vi.fn(async () => ({
    data: { id: memberId, district: "العليا", maritalStatus: "SINGLE", version: 2 },
  }));

  it("reads the changes asked for from the request's details", () => {
    expect(requestedChanges(request.details)).toEqual([
      { field: "district", value: "الملقا" },
      { field: "maritalStatus", value: "MARRIED" },
    ]);
    expect(requestedChanges({ changes: { familySize: 5 } })).toEqual([
      { field: "familySize", value: 5 },
    ]);
    expect(requestedChanges("not json")).toEqual([]);
    expect(requestedChanges(null)).toEqual([]);
  });

  it("shows each change beside the current value, and declines it with the reason", async () => {
    const runRequestAction = vi.fn(async () => ({ ...request, status: "RESOLVED", version: 8 }));
    renderIn(h(ActionButtons, { request }), { runRequestAction, getOne });
    fireEvent.click(await screen.findByTestId("action-RESOLVE"));
    const changes = await screen.findAllByTestId("requested-change");
    expect(changes.map((c) => c.getAttribute("data-field"))).toEqual(["district", "maritalStatus"]);
    const [district, marital] = changes as [HTMLElement, HTMLElement];
    expect(district.textContent).toContain("الحي");
    await waitFor(() =>
      expect(within(district).getByTestId("requested-change-current").textContent).toBe("العليا"),
    );
    expect(within(district).getByTestId("requested-change-value").textContent).toBe("الملقا");
    expect(within(marital).getByTestId("requested-change-current").textContent).toBe("أعزب/عزباء");
    expect(within(marital).getByTestId("requested-change-value").textContent).toBe("متزوج/ة");
    expect(screen.getByTestId("data-update-effect").textContent).toBe(
      "عند الحل تُطبَّق هذه التغييرات على ملف العضو.",
    );
    expect(screen.getByLabelText("الرد (سيطّلع عليه العضو)")).toBeTruthy();

    fireEvent.click(screen.getByLabelText("رفض التحديث — تبقى بيانات العضو كما هي"));
    expect(screen.getByTestId("data-update-effect").textContent).toBe(
      "لن تُطبَّق هذه التغييرات: تبقى بيانات العضو كما هي.",
    );
    const answer = screen.getByLabelText("سبب رفض التحديث (سيطّلع عليه العضو)");
    expect(screen.getByText(/اشرح للعضو لماذا لم تُحدَّث بياناته/)).toBeTruthy();
    fireEvent.change(answer, { target: { value: "لم يُرفق ما يثبت العنوان الجديد" } });
    fireEvent.click(screen.getByTestId("action-confirm"));
    await waitFor(() => expect(runRequestAction).toHaveBeenCalledTimes(1));
    expect(runRequestAction).toHaveBeenCalledWith(
      "RESOLVE",
      expect.objectContaining({ id: requestId, version: 7 }),
      { answer: "لم يُرفق ما يثبت العنوان الجديد", dataUpdateDeclined: true },
    );
  });

  it("applies the changes when not declined", async () => {
    const runRequestAction = vi.fn(async () => ({ ...request, status: "RESOLVED", version: 8 }));
    renderIn(h(ActionButtons, { request }), { runRequestAction, getOne });
    fireEvent.click(await screen.findByTestId("action-RESOLVE"));
    fireEvent.change(await screen.findByLabelText("الرد (سيطّلع عليه العضو)"), {
      target: { value: "حُدّث الحي" },
    });
    fireEvent.click(screen.getByTestId("action-confirm"));
    await waitFor(() => expect(runRequestAction).toHaveBeenCalledTimes(1));
    expect(runRequestAction).toHaveBeenCalledWith("RESOLVE", expect.anything(), {
      answer: "حُدّث الحي",
    });
  });

  it("offers no decline when resolving any other request", async () => {
    renderIn(h(ActionButtons, { request: { ...request, type: "INQUIRY", details: null } }), {
      runRequestAction: vi.fn(),
      getOne,
    });
    fireEvent.click(await screen.findByTestId("action-RESOLVE"));
    await screen.findByLabelText("الرد (سيطّلع عليه العضو)");
    expect(screen.queryByTestId("data-update-choice")).toBeNull();
    expect(screen.queryByText(/رفض التحديث/)).toBeNull();
  });

  it("withdraws a service request at the member's wish, saying what follows", async () => {
    const runRequestAction = vi.fn(async () => ({ ...request, status: "WITHDRAWN", version: 8 }));
    renderIn(
      h(ActionButtons, {
        request: { ...request, type: "COMPLAINT", availableActions: ["RESOLVE", "WITHDRAW"] },
      }),
      { runRequestAction, getOne },
    );
    fireEvent.click(await screen.findByTestId("action-WITHDRAW"));
    const text = (await screen.findByTestId("withdraw-text")).textContent ?? "";
    expect(text).toContain("سيُسحب الطلب REQ-2026-000123 بناءً على رغبة العضو");
    expect(text).not.toMatch(/لجنة|اللجنة/);
    fireEvent.change(screen.getByLabelText("السبب (اختياري)"), {
      target: { value: "حُلّت المشكلة ودياً" },
    });
    fireEvent.click(screen.getByTestId("action-confirm"));
    await waitFor(() => expect(runRequestAction).toHaveBeenCalledTimes(1));
    expect(runRequestAction).toHaveBeenCalledWith("WITHDRAW", expect.anything(), {
      note: "حُلّت المشكلة ودياً",
    });
  });
});
