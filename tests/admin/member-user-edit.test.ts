// @vitest-environment happy-dom
// The member and user edit screens tell a failed save as the request screens do: a conflict
// (someone saved the record since it was opened, so the version sent is stale) says plainly
// that nothing was saved, with the API's detail and a reload button; field errors sit under
// their inputs. The member's file shows each of its fields under its label.
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { type ComponentType, createElement as h } from "react";
import { HttpError } from "react-admin";
import { afterEach, describe, expect, it, vi } from "vitest";
import { panelModule, renderIn, validationFailure } from "./render.js";

type Screen = ComponentType<{ id: string }>;

const { MemberEdit } = await panelModule<{ MemberEdit: Screen }>("members/MemberEdit");
const { MemberShow } = await panelModule<{ MemberShow: Screen }>("members/MemberShow");
const { UserEdit } = await panelModule<{ UserEdit: Screen }>("users/UserScreens");

afterEach(cleanup);

const member = {
  id: "TWVtYmVyOjE=",
  memberNumber: "M-000001",
  fullNameAr: "أحمد محمد القحطاني",
  fullNameEn: null,
  nationalIdMasked: "1*******05",
  mobileMasked: "+966*******49",
  hasMonthlyIncome: false,
  email: null,
  city: "الرياض",
  district: null,
  status: "ACTIVE",
  preferredChannel: "SMS",
  preferredLanguage: "AR",
  consentGiven: true,
  version: 4,
};

const user = {
  id: "VXNlcjox",
  email: "desk@wasl.demo",
  fullName: "موظف المكتب",
  roles: ["STAFF"],
  disabled: false,
  personalDataAccess: false,
  language: "AR",
  version: 2,
};

const conflictDetail = "عدّل موظف آخر هذا السجل بعد أن فتحته هنا.";
const conflict = () =>
  vi.fn(async () => {
    throw new HttpError(conflictDetail, 409, { code: "CONFLICT", typename: "ConflictError" });
  });

const screens = [
  {
    name: "member",
    screen: MemberEdit,
    record: member,
    resource: "members",
    roles: ["STAFF"],
    field: "city",
    value: "جدة",
  },
  {
    name: "user",
    screen: UserEdit,
    record: user,
    resource: "users",
    roles: ["ADMIN"],
    field: "fullName",
    value: "موظفة المكتب",
  },
] as const;

async function openAndSave(
  s: (typeof screens)[number],
  update: (...args: unknown[]) => Promise<unknown>,
) {
  const getOne = vi.fn(async () => ({ data: s.record }));
  renderIn(
    h(s.screen, { id: s.record.id }),
    { getOne, update },
    { roles: [...s.roles], resource: s.resource },
  );
  const input = await waitFor(() => {
    const found = document.querySelector(`input[name="${s.field}"]`) as HTMLInputElement | null;
    expect(found?.value).toBe(s.record[s.field as keyof typeof s.record]);
    return found as HTMLInputElement;
  });
  fireEvent.change(input, { target: { value: s.value } });
  fireEvent.click(screen.getByRole("button", { name: /حفظ/ }));
  return input;
}

describe.each(screens)("the $name edit screen", (s) => {
  it("tells a conflict plainly: not saved, changed since opened, the API's detail, reload", async () => {
    const update = conflict();
    await openAndSave(s, update);
    const notice = await screen.findByTestId("conflict-notice");
    expect(update).toHaveBeenCalledOnce();
    expect(notice.textContent).toContain(
      "لم يُحفظ تعديلك: تغيّر هذا السجل منذ فتحته. أعد تحميله لترى آخر نسخة ثم أعد التعديل.",
    );
    expect(notice.textContent).toContain(conflictDetail);
    expect(within(notice).getByRole("button", { name: "أعد التحميل" })).toBeTruthy();
  });

  it("shows the API's field errors under the input they name", async () => {
    const update = vi.fn(async () => {
      throw validationFailure("البيانات غير صحيحة", { [s.field]: "القيمة غير مقبولة" });
    });
    const input = await openAndSave(s, update);
    const message = await screen.findByText("القيمة غير مقبولة");
    expect(message.closest(".MuiFormControl-root")?.querySelector("input")).toBe(input);
    expect(screen.queryByTestId("conflict-notice")).toBeNull();
  });
});

describe("the member's file", () => {
  it("shows each field of the data tab under its label", async () => {
    const getOne = vi.fn(async () => ({ data: { ...member, familySize: 6 } }));
    renderIn(h(MemberShow, { id: member.id }), { getOne }, { resource: "members" });
    for (const [label, value] of [
      ["رقم العضوية", "M-000001"],
      ["المدينة", "الرياض"],
      ["عدد أفراد الأسرة", "6"],
    ]) {
      await screen.findByText(value as string);
      const caption = screen.getByText(label as string).closest(".RaLabeled-label");
      expect(caption?.parentElement?.textContent).toBe(`${label}${value}`);
    }
  });

  it("shows the tabs the user may open, in order: the audit log to admins only", async () => {
    const getOne = vi.fn(async () => ({ data: member }));
    const tabs = ["البيانات", "الطلبات", "التواصل", "المستندات", "السجل الزمني"];
    for (const [roles, shown] of [
      [["STAFF"], tabs],
      [["ADMIN"], [...tabs, "سجل التدقيق"]],
    ] as const) {
      renderIn(
        h(MemberShow, { id: member.id }),
        { getOne },
        { roles: [...roles], resource: "members" },
      );
      await screen.findByText("M-000001");
      await waitFor(() =>
        expect(screen.getAllByRole("tab").map((tab) => tab.textContent)).toEqual(shown),
      );
      cleanup();
    }
  });
});
