// @vitest-environment happy-dom
// The request types screen and the request edit screen, in Arabic: the data provider's
// documents and inputs (a plain list paged here, only what changed sent with the version),
// the screen shown to admins only, translated chips and checkboxes, the API's field errors
// under their inputs, a conflict told plainly, and the case file's Edit button only while the
// request's data may change.
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { type ComponentType, createElement as h } from "react";
import { HttpError } from "react-admin";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildQuery, pagedByCursor } from "../../admin/src/dataProvider/buildQuery.js";
import { requestUpdateInput } from "../../admin/src/dataProvider/resources/requests.js";
import { requestTypeUpdateInput } from "../../admin/src/dataProvider/resources/requestTypes.js";
import { canAccess, screenAction } from "../../admin/src/providers/canAccess.js";
import { valid } from "./documents.js";
import { renderIn, validationFailure } from "./render.js";

// Loaded by a runtime specifier: the root tsconfig (Node, no JSX) does not type-check the
// panel's .tsx files; admin/tsconfig.json does.
const listPath = "../../admin/src/request-types/RequestTypeList.js";
const typeEditPath = "../../admin/src/request-types/RequestTypeEdit.js";
const requestEditPath = "../../admin/src/requests/RequestEdit.js";
const fieldsPath = "../../admin/src/requests/RequestFields.js";
const { RequestTypeList } = (await import(/* @vite-ignore */ listPath)) as {
  RequestTypeList: ComponentType;
};
const { RequestTypeEdit } = (await import(/* @vite-ignore */ typeEditPath)) as {
  RequestTypeEdit: ComponentType<{ id: string }>;
};
const { RequestEdit } = (await import(/* @vite-ignore */ requestEditPath)) as {
  RequestEdit: ComponentType<{ id: string }>;
};
const { RequestEditButton } = (await import(/* @vite-ignore */ fieldsPath)) as {
  RequestEditButton: ComponentType<{ request: { id: string; editable?: boolean } }>;
};

const build = buildQuery();

const financial = {
  id: "UmVxdWVzdFR5cGU6RklOQU5DSUFMX1NVUFBPUlQ=",
  code: "FINANCIAL_SUPPORT",
  nameAr: "دعم مالي",
  nameEn: "Financial support",
  active: true,
  attestationRequired: true,
  committeeDecides: true,
  decisionPeriodDays: 14,
  involvesMoney: true,
  requiredDocumentKinds: ["NATIONAL_ID_COPY", "FAMILY_CARD"],
  requiredFields: ["amountRequested", "member.monthlyIncome"],
  updatedAt: "2026-11-20T10:00:00Z",
  version: 3,
};

const inquiry = {
  ...financial,
  id: "UmVxdWVzdFR5cGU6SU5RVUlSWQ==",
  code: "INQUIRY",
  nameAr: "استفسار",
  nameEn: "Inquiry",
  attestationRequired: false,
  committeeDecides: false,
  involvesMoney: false,
  requiredDocumentKinds: [],
  requiredFields: ["subject"],
  version: 1,
};

afterEach(cleanup);

describe("request types in the data provider", () => {
  it("reads the plain list whole and pages it here, keeping the API's order", () => {
    expect(pagedByCursor("requestTypes")).toBe(false);
    expect(pagedByCursor("requests")).toBe(true);
    const { query, variables, parseResponse } = build("GET_LIST", "requestTypes", {
      pagination: { page: 2, perPage: 1 },
      sort: { field: "id", order: "ASC" },
    });
    valid(query);
    expect(variables).toEqual({});
    expect(parseResponse({ data: { list: [financial, inquiry] } } as never)).toEqual({
      data: [inquiry],
      total: 2,
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
    });
    expect(() => build("GET_MANY_REFERENCE", "requestTypes", { target: "x", id: "y" })).toThrow();
  });

  it("builds valid one, many and update documents for request types and requests", () => {
    valid(build("GET_ONE", "requestTypes", { id: financial.id }).query);
    valid(build("GET_MANY", "requestTypes", { ids: [financial.id] }).query);
    valid(build("UPDATE", "requestTypes", { id: financial.id, data: financial }).query);
    valid(build("UPDATE", "requests", { id: "r1", data: { version: 1 } }).query);
  });

  it("sends a type's code, the version read and only what changed", () => {
    expect(
      requestTypeUpdateInput(
        financial.id,
        {
          ...financial,
          nameAr: " دعم مالي ",
          decisionPeriodDays: "21",
          requiredDocumentKinds: ["FAMILY_CARD", "NATIONAL_ID_COPY"],
          requiredFields: ["amountRequested", "member.monthlyIncome", "description"],
          active: false,
        },
        financial,
      ),
    ).toEqual({
      code: "FINANCIAL_SUPPORT",
      version: 3,
      decisionPeriodDays: 21,
      requiredFields: ["amountRequested", "member.monthlyIncome", "description"],
      active: false,
    });
  });

  it("sends a request's changed data, trimmed, with the version read", () => {
    const previous = {
      id: "r1",
      version: 4,
      subject: "دعم إيجار",
      description: "وصف",
      amountRequested: "1500.00",
      incomingLetterNumber: null,
      status: "DRAFT",
    };
    expect(
      requestUpdateInput(
        "r1",
        { ...previous, subject: " دعم إيجار ثلاثة أشهر ", description: "", amountRequested: 2000 },
        previous,
      ),
    ).toEqual({
      id: "r1",
      version: 4,
      subject: "دعم إيجار ثلاثة أشهر",
      description: "",
      amountRequested: "2000",
    });
    expect(requestUpdateInput("r1", { ...previous }, previous)).toEqual({ id: "r1", version: 4 });
  });

  it("opens the request types screen to admins only; everyone still reads the types", () => {
    expect(canAccess(["STAFF"], "requestTypes", "list")).toBe(true);
    for (const action of ["list", "show", "edit"]) {
      expect(canAccess(["ADMIN"], "requestTypes", screenAction("requestTypes", action))).toBe(true);
      expect(canAccess(["STAFF"], "requestTypes", screenAction("requestTypes", action))).toBe(
        false,
      );
    }
    expect(screenAction("requests", "list")).toBe("list");
    expect(screenAction("members", "show")).toBe("show");
  });
});

describe("request types screen", () => {
  it("lists each type with its rules as Arabic chips", async () => {
    const getList = vi.fn(async () => ({ data: [financial, inquiry], total: 2 }));
    renderIn(h(RequestTypeList), { getList }, { roles: ["ADMIN"], resource: "requestTypes" });
    const grid = await screen.findByTestId("request-types-grid");
    expect(within(grid).getByText("دعم مالي")).toBeTruthy();
    expect(within(grid).getByText("Financial support")).toBeTruthy();
    expect(within(grid).getByText("FINANCIAL_SUPPORT")).toBeTruthy();
    const fields = within(grid).getAllByTestId("request-type-required-fields");
    expect(fields[0]?.textContent).toContain("المبلغ المطلوب (ريال)");
    expect(fields[0]?.textContent).toContain("الدخل الشهري (ريال) (بيانات العضو)");
    const documents = within(grid).getAllByTestId("request-type-required-documents");
    expect(documents[0]?.textContent).toContain("صورة الهوية");
    expect(documents[0]?.textContent).toContain("سجل الأسرة");
    const periods = within(grid).getAllByTestId("request-type-period");
    expect(periods.map((p) => [p.getAttribute("data-code"), p.textContent])).toEqual([
      ["FINANCIAL_SUPPORT", "14"],
      ["INQUIRY", "14"],
    ]);
  });

  it("is refused to staff", async () => {
    const getList = vi.fn(async () => ({ data: [financial], total: 1 }));
    renderIn(h(RequestTypeList), { getList }, { roles: ["STAFF"], resource: "requestTypes" });
    // react-admin's list asks canAccess("list"), mapped to the edit permission, and leaves.
    await waitFor(() => expect(window.location.hash).toMatch(/access-denied/));
    window.location.hash = "";
  });
});

describe("request type edit form", () => {
  const getOne = vi.fn(async () => ({ data: financial }));

  async function openForm(update: (...args: unknown[]) => Promise<unknown>) {
    renderIn(
      h(RequestTypeEdit, { id: financial.id }),
      { getOne, update },
      { roles: ["ADMIN"], resource: "requestTypes" },
    );
    await screen.findByTestId("request-type-inputs");
    const period = (await screen.findByLabelText(/مدة القرار/)) as HTMLInputElement;
    await waitFor(() => expect(period.value).toBe("14"));
    return period;
  }

  const save = () => fireEvent.click(screen.getByRole("button", { name: /حفظ/ }));

  it("shows the rules with translated checkboxes and saves with the version read", async () => {
    const update = vi.fn(async (_resource: unknown, params: { data: object }) => ({
      data: { ...financial, ...params.data, version: 4 },
    }));
    const period = await openForm(update as never);
    expect(screen.getByText(/الطلبات المقدَّمة تبقى على القواعد/)).toBeTruthy();
    const income = screen.getByLabelText("الدخل الشهري (ريال) (بيانات العضو)") as HTMLInputElement;
    expect(income.checked).toBe(true);
    const familyCard = screen.getByLabelText("سجل الأسرة") as HTMLInputElement;
    expect(familyCard.checked).toBe(true);
    expect((screen.getByLabelText("عقد الإيجار") as HTMLInputElement).checked).toBe(false);

    fireEvent.change(period, { target: { value: "21" } });
    fireEvent.click(screen.getByLabelText("عقد الإيجار"));
    save();
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    const [resource, params] = update.mock.calls[0] as unknown as [
      string,
      { id: string; data: Record<string, unknown>; previousData: Record<string, unknown> },
    ];
    expect(resource).toBe("requestTypes");
    expect(params.id).toBe(financial.id);
    expect(params.data).toMatchObject({ decisionPeriodDays: 21, version: 3 });
    expect(params.data.requiredDocumentKinds).toEqual(["NATIONAL_ID_COPY", "FAMILY_CARD", "LEASE"]);
    expect(params.previousData).toMatchObject({ decisionPeriodDays: 14, version: 3 });
  });

  it("checks the period before sending: a whole number of days, 1 to 365", async () => {
    const update = vi.fn(async () => ({ data: financial }));
    const period = await openForm(update);
    fireEvent.change(period, { target: { value: "400" } });
    save();
    expect(await screen.findByText("يجب ألا يزيد على 365")).toBeTruthy();
    fireEvent.change(period, { target: { value: "2.5" } });
    save();
    expect(await screen.findByText("أدخل عدداً صحيحاً من الأيام")).toBeTruthy();
    expect(update).not.toHaveBeenCalled();
  });

  it("shows the API's field errors under the inputs they name", async () => {
    const update = vi.fn(async () => {
      throw validationFailure("البيانات غير صحيحة", {
        decisionPeriodDays: "المدة خارج النطاق المسموح",
        nameEn: "الاسم بالإنجليزية مطلوب",
      });
    });
    const period = await openForm(update);
    fireEvent.change(period, { target: { value: "30" } });
    save();
    const message = await screen.findByText("المدة خارج النطاق المسموح");
    // Under the period's own input, not elsewhere on the form.
    expect(message.closest(".MuiFormControl-root")?.querySelector("input")).toBe(period);
    const nameEn = document.querySelector('input[name="nameEn"]') as HTMLInputElement;
    expect(
      within(nameEn.closest(".MuiFormControl-root") as HTMLElement).getByText(
        "الاسم بالإنجليزية مطلوب",
      ),
    ).toBeTruthy();
  });

  it("tells a conflict plainly: not saved, changed since opened (by whom: the API says), reload", async () => {
    const detail = "عدّلتَ أنت هذا السجل من نافذة أو تبويب آخر بعد أن فتحته هنا.";
    const update = vi.fn(async () => {
      throw new HttpError(detail, 409, { code: "CONFLICT", typename: "ConflictError" });
    });
    const period = await openForm(update);
    fireEvent.change(period, { target: { value: "30" } });
    save();
    const notice = await screen.findByTestId("conflict-notice");
    expect(notice.textContent).toContain(
      "لم يُحفظ تعديلك: تغيّر هذا السجل منذ فتحته. أعد تحميله لترى آخر نسخة ثم أعد التعديل.",
    );
    expect(notice.textContent).not.toContain("مستخدم آخر");
    expect(notice.textContent).toContain(detail);
    expect(within(notice).getByRole("button", { name: "أعد التحميل" })).toBeTruthy();
  });
});

describe("request edit screen", () => {
  const draft = {
    id: "UmVxdWVzdDox",
    version: 2,
    reference: null,
    status: "DRAFT",
    type: "FINANCIAL_SUPPORT",
    channel: "LETTER",
    subject: "دعم إيجار",
    description: "",
    amountRequested: "1500.00",
    incomingLetterNumber: "1447/55",
    editable: true,
    rules: { involvesMoney: true },
    attestation: { status: "SIGNED" },
  };

  it("edits a draft's data, with the amount and the letter number, and sends the version", async () => {
    const update = vi.fn(async (_resource: unknown, params: { data: object }) => ({
      data: { ...draft, ...params.data, version: 3 },
    }));
    renderIn(
      h(RequestEdit, { id: draft.id }),
      { getOne: async () => ({ data: draft }), update },
      { roles: ["STAFF"], resource: "requests" },
    );
    const subject = (await screen.findByLabelText(/الموضوع/)) as HTMLInputElement;
    await waitFor(() => expect(subject.value).toBe("دعم إيجار"));
    expect((screen.getByLabelText(/المبلغ المطلوب/) as HTMLInputElement).value).toBe("1500.00");
    expect((screen.getByLabelText(/رقم الخطاب الوارد/) as HTMLInputElement).value).toBe("1447/55");
    expect(screen.getByTestId("request-edit-attestation-hint")).toBeTruthy();
    fireEvent.change(subject, { target: { value: "دعم إيجار ثلاثة أشهر" } });
    fireEvent.click(screen.getByRole("button", { name: /حفظ/ }));
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    const [, params] = update.mock.calls[0] as unknown as [string, { data: object }];
    expect(params.data).toMatchObject({ subject: "دعم إيجار ثلاثة أشهر", version: 2 });
  });

  it("shows a request past its editable states read-only, without a save button", async () => {
    const submitted = {
      ...draft,
      status: "SUBMITTED",
      reference: "REQ-2026-000042",
      editable: false,
    };
    renderIn(
      h(RequestEdit, { id: draft.id }),
      { getOne: async () => ({ data: submitted }) },
      { roles: ["STAFF"], resource: "requests" },
    );
    expect(await screen.findByTestId("request-not-editable")).toBeTruthy();
    expect(((await screen.findByLabelText(/الموضوع/)) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole("button", { name: /حفظ/ })).toBeNull();
  });

  it("offers Edit on the case file only while the request's data may change, to who may edit", async () => {
    const { unmount } = renderIn(
      h(RequestEditButton, { request: { id: draft.id, editable: true } }),
      {},
      { roles: ["STAFF"], resource: "requests" },
    );
    expect(await screen.findByTestId("request-edit")).toBeTruthy();
    unmount();

    renderIn(
      h(RequestEditButton, { request: { id: draft.id, editable: false } }),
      {},
      { roles: ["STAFF"], resource: "requests" },
    );
    renderIn(
      h(RequestEditButton, { request: { id: draft.id, editable: true } }),
      {},
      { roles: ["COMMITTEE_MEMBER"], resource: "requests" },
    );
    await new Promise((done) => setTimeout(done, 100));
    expect(screen.queryByTestId("request-edit")).toBeNull();
  });
});
